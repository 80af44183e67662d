"""Round 12, wave 2 (C12, C13, C14): answers stored without their opening filler, a receipt date is no deadline, who
blocked an account and unpaid staff in the summary, a loan said in the first message is its creditor, a no that
answers the intake question with more words after it, and a number given in the first message kept for the handoff."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.earlier_number import earlier_number_at_phone_question, number_given_earlier
from actions.handoff import build_case_draft
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionStopConversation, ValidateSituationForm
from intake.answers import refers_to_number_given, without_opening_filler
from intake.facts import deadline_after_receipt, events_said, extract_facts
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setattr(services, "chamber_today", lambda: TODAY)


def at_question(slot: str, words: str, first: str = "l'urssaf me réclame 5200 euros", intent: str = "inform"):
    events = [
        user(first),
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot(f"question {slot}"),
        user(words, intent),
    ]
    return tracker(events, slots={"requested_slot": slot}, active_loop="situation_form")


# --- C13: the filler that opens an answer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said, kept",
    [
        ("ben le crédit de 40000", "le crédit de 40000"),
        ("bah le 2 decembre", "le 2 decembre"),
        ("euh, les fournisseurs surtout", "les fournisseurs surtout"),
        ("Ben euh... la banque", "la banque"),
        ("bon ben deux apprentis", "deux apprentis"),
        ("le reparateur 6000 et le moulin 2000 environ", "le reparateur 6000 et le moulin 2000 environ"),
        ("bénéficiaire", "bénéficiaire"),  # a word that starts like a filler is a word
        ("ben", "ben"),  # nothing else said: left for the callers' "no answer" reading
    ],
)
def test_the_opening_filler_is_not_kept(said, kept):
    assert without_opening_filler(said) == kept


@pytest.mark.parametrize(
    "slot, words, stored",
    [
        ("steps_taken", "ben j'ai appelé mon comptable", "j'ai appelé mon comptable"),
        ("steps_taken", "bah rien encore a part un mail a l urssaf", "rien encore a part un mail a l urssaf"),
        ("since_when", "euh ca a commence apres l ete", "ca a commence apres l ete"),
    ],
)
def test_a_free_answer_is_stored_without_its_filler(slot, words, stored):
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(
        words, CollectingDispatcher(), at_question(slot, words), {}
    )
    assert result[slot] == stored


def test_the_summary_shows_a_stored_answer_without_its_filler():
    draft = build_case_draft(
        conversation_id="c-r12-i",
        reference="R12-I001",
        chamber_id="cma-test",
        slots={"difficulty_categories": ["banque"], "urgency": "normale", "consent_given": True},
        situation={"creditors": "ben le crédit de 40000", "since_when": "bah le 2 decembre"},
        transcript=[{"sender": "artisan", "text": "il a un crédit pro de 40 000"}],
        consent_version="v1",
    )
    assert "ben le" not in draft.summary and "bah le" not in draft.summary
    assert "le crédit de 40000" in draft.summary


# --- C13: a receipt date is no deadline -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words, expected",
    [
        (
            "recue le 2 decembre, 15 jours pour contester je crois",
            "15 jours pour contester à compter du mercredi 2 décembre (d'ici le jeudi 17 décembre)",
        ),
        (
            "reçu le 2/12 et j'ai 15 jours pour faire opposition",
            "15 jours pour faire opposition à compter du mercredi 2 décembre (d'ici le jeudi 17 décembre)",
        ),
        (
            "la lettre est arrivée le 1er décembre, un mois pour répondre",
            "un mois pour répondre à compter du mardi 1er décembre (d'ici le vendredi 1er janvier)",
        ),
        ("je l'ai reçue le 30 novembre", "courrier reçu le lundi 30 novembre, délai non précisé"),
        (
            "datée du 20 novembre, 8 jours pour payer",
            "8 jours pour payer à compter du vendredi 20 novembre (d'ici le samedi 28 novembre, date passée)",
        ),
    ],
)
def test_a_receipt_gives_the_deadline_from_the_delay_said(words, expected):
    assert deadline_after_receipt(words, TODAY) == expected


@pytest.mark.parametrize("words", ["le 15 je dois payer", "audience le 12 janvier", "depuis 3 mois"])
def test_no_receipt_no_reading(words):
    assert deadline_after_receipt(words, TODAY) is None


def test_at_the_deadline_question_the_receipt_date_is_not_the_deadline():
    words = "recue le 2 decembre, 15 jours pour contester"
    # The slot mappings put the date they found in the slot (r12c-14: "le 2 decembre" was stored).
    result = ValidateSituationForm().validate_deadline(
        "le 2 decembre", CollectingDispatcher(), at_question("deadline", words), {}
    )
    assert result["deadline"].endswith("(d'ici le jeudi 17 décembre)")


def test_a_receipt_with_its_delay_in_the_first_message_is_the_deadline():
    facts = extract_facts("l'urssaf m'a envoyé une contrainte, reçue le 2/12, 15 jours pour contester", TODAY)
    assert facts["deadline"].endswith("(d'ici le jeudi 17 décembre)")


# --- C13: who blocked the account, unpaid staff ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line",
    [
        ("Le fisc me réclame 31 000 de TVA et a bloqué mon compte hier", "compte bloqué par le fisc"),
        ("les impots ont bloque mes comptes", "comptes bloqués par le fisc"),
        ("l'urssaf a bloqué le compte pro", "compte pro bloqué par l'URSSAF"),  # round 17: the account as said
        ("l'huissier a bloqué mon compte", "compte bloqué par un commissaire de justice"),
        ("ma banque a bloqué mon compte", "compte bloqué par la banque"),
        ("mon compte est bloqué depuis lundi", "compte bloqué"),
    ],
)
def test_who_blocked_the_account_is_said(text, line):
    assert line in events_said(text)


@pytest.mark.parametrize(
    "text, line",
    [
        ("un client me doit 22 000, je peux plus payer mes gars", "ne peut plus payer ses salariés"),
        ("j arrive pas a payer les salaires ce mois ci", "ne peut pas payer ses salariés"),
        ("je pourrai pas payer mes ouvriers vendredi", "ne peut pas payer ses salariés"),
        ("on peut plus payer nos apprentis", "ne peut plus payer ses salariés"),
    ],
)
def test_staff_that_cannot_be_paid_is_said(text, line):
    assert line in events_said(text)


def test_a_question_about_unpaid_staff_is_no_event():
    assert not any("salariés" in line for line in events_said("comment faire si je peux pas payer mes salariés ?"))


# --- C14: a loan said in the first message --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, creditors",
    [
        ("il a encore un crédit pro de 40 000 sur le camion et l'outillage", "banque 40 000 €"),
        ("j'ai un credit de 12000 euros pour le four", "banque 12000 €"),
        ("il reste 15 000 d'emprunt", "banque 15 000 €"),
    ],
)
def test_a_loan_names_its_creditor(text, creditors):
    assert extract_facts(text, TODAY)["creditors"] == creditors


def test_a_tax_credit_is_no_loan():
    assert "banque" not in (extract_facts("j'attends un crédit d'impôt de 3000 euros", TODAY).get("creditors") or "")


# --- C14: a no that answers, with more words after it --------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "non pas vraiment, c'est lui qui veut s'arrêter, il est fatigué mais ça va hein",
        "non rien de prevu, elle est crevee mais ca va",
        "bah non pas de date. je suis creve mais ca va on tient",
    ],
)
def test_a_no_with_news_after_it_answers_the_deadline_question(words):
    current = at_question("deadline", words, intent="goodbye")
    dispatcher, events = run(ActionStopConversation(), current)
    assert slot_events(events).get("deadline") == "aucune échéance connue"
    assert "Merci de me dire comment vous allez." not in texts(dispatcher)
    assert any(event.get("event") == "followup" and event.get("name") == "situation_form" for event in events)


def test_news_without_a_no_is_still_heard():
    current = at_question("deadline", "je suis creve mais ca va, c'est surtout la tresorerie", intent="goodbye")
    dispatcher, events = run(ActionStopConversation(), current)
    assert "deadline" not in slot_events(events)
    assert texts(dispatcher)[0].startswith("Merci de me dire comment vous allez.")


# --- C12: a number given in the first message -----------------------------------------------------------------------


def at_phone_question(first: str, words: str):
    events = [
        user(first),
        bot("Voulez-vous qu'un conseiller vous rappelle ?"),
        user("oui", "affirm"),
        {"event": "slot", "name": "requested_slot", "value": "phone"},
        bot("À quel numéro de téléphone peut-il vous joindre ?"),
        user(words, "inform"),
    ]
    return tracker(
        events,
        slots={"requested_slot": "phone", "consent_given": True, "wants_advisor": True},
        active_loop="handoff_form",
    )


@pytest.mark.parametrize(
    "words",
    [
        "je l'ai donné au debut",
        "je vous l'ai deja donne",
        "c'est le meme",
        "celui du debut",
        "voir plus haut",
        "comme j'ai dit dans mon premier message",
    ],
)
def test_words_that_send_back_to_a_number(words):
    assert refers_to_number_given(words)


@pytest.mark.parametrize("words", ["06 12 34 56 78", "je sais pas", "non", "mon portable"])
def test_words_that_do_not(words):
    assert not refers_to_number_given(words)


@pytest.mark.parametrize(
    "first, number, shown",
    [
        (
            "slt je suis a Mamoudzou, joignable au 0639 21 43 65. l'urssaf m'a envoyé une contrainte",
            "+262639214365",
            "0639 21 43 65",
        ),
        (
            "boulanger a Rennes, vous pouvez m'appeler au 06.45.12.78.90, j'ai des dettes urssaf",
            "+33645127890",
            "06 45 12 78 90",
        ),
    ],
)
def test_a_number_from_the_first_message_is_kept_when_sent_back_to(first, number, shown):
    current = at_phone_question(first, "je l'ai donné au debut")
    assert number_given_earlier(current) == number
    dispatcher = CollectingDispatcher()
    assert earlier_number_at_phone_question(dispatcher, current) == {"phone": number}
    assert texts(dispatcher) == [f"Je garde le {shown} que vous m'avez donné au début."]
    # Through the handoff form's phone validation, as the action server runs it (the words mapped to the slot by
    # from_text, as Rasa does at the phone question).
    events = [*current.events, {"event": "slot", "name": "phone", "value": "je l'ai donné au debut"}]
    slots = {**current.slots, "phone": "je l'ai donné au debut"}
    _, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced).get("phone") == number


def test_a_relatives_number_is_not_the_writers():
    current = at_phone_question("le numero de mon comptable c'est le 06 45 12 78 90, j'ai des dettes", "le meme")
    assert number_given_earlier(current) is None
    assert earlier_number_at_phone_question(CollectingDispatcher(), current) is None


def test_no_earlier_number_leaves_the_words_to_the_phone_validator():
    current = at_phone_question("j'ai des dettes urssaf", "je l'ai donné au debut")
    assert earlier_number_at_phone_question(CollectingDispatcher(), current) is None


def test_a_number_given_now_is_read_by_the_phone_validator():
    current = at_phone_question("joignable au 06 45 12 78 90", "non pas le meme, 07 11 22 33 44")
    assert earlier_number_at_phone_question(CollectingDispatcher(), current) is None


# --- C13: a mise en demeure and a bailiff threatened are no bailiff's visit -----------------------------------------


@pytest.mark.parametrize(
    "text, line",
    [
        ("le 20 je dois payer sinon huissier", "menace de commissaire de justice (huissier)"),
        ("le fisc menace d'envoyer l'huissier", "menace de commissaire de justice (huissier)"),
        ("le commissaire de justice est passé ce matin", "passage d'un commissaire de justice (huissier)"),
        ("j'ai reçu une mise en demeure du proprio", "mise en demeure reçue"),
    ],
)
def test_a_letter_or_a_threat_is_said_as_such(text, line):
    assert line in events_said(text)


def test_a_question_about_a_mise_en_demeure_is_no_event():
    assert events_said("est-ce qu'une mise en demeure c'est grave ?") == []


@pytest.mark.parametrize("words", ["bah ca va pas trop", "pas terrible", "non ça va mal en ce moment"])
def test_how_things_are_said_as_a_no_gets_a_gentle_question(words):
    """Round 12 (r12a-19): "bah ca va pas trop" to the opening question got "D'accord. Je reste là"."""
    from actions.intake_actions import NOT_GOING_WELL_REPLY, ActionAnswerOutsideQuestion

    current = tracker([bot("Pour commencer, qu'est-ce qui vous amène aujourd'hui ?"), user(words, "deny")])
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), current)
    assert texts(dispatcher) == [NOT_GOING_WELL_REPLY]


def test_a_plain_no_still_gets_the_door_kept_open():
    from actions.intake_actions import ActionAnswerOutsideQuestion

    current = tracker([bot("Pour commencer, qu'est-ce qui vous amène aujourd'hui ?"), user("non", "deny")])
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), current)
    assert texts(dispatcher)[0].startswith("D'accord. Je reste là")

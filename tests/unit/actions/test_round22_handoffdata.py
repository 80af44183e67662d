"""Round 22 (talker b): what the handoff stores and says once the case exists.

- r22b-06, r22b-09: the time of the call changed after the case was closed ("appelez moi plutot jeudi matin") started
  the handoff form again; its validation set no next question, so Rasa asked the first empty slot of the domain's
  list, the health consent ("Vous avez parlé de la santé d'un proche") of people who had said nothing of health, and
  answered "Non, laissez-la de côté" with "J'ai ajouté ce que vous venez de dire". The form now ends with the
  correction; the health question is never asked where no health was told; a yes or no to it is said back as such.
- r22b-07: "mon père s'appelle Gérard mais appelez plutôt moi, Claire": the case is filed under the person to call.
- r22b-09: "Monsieur Bernard", whose surname the extractor took for a first name, is "M. Bernard" as "Monsieur
  Martin" is "M. Martin".
"""

from __future__ import annotations

import pytest

from actions.ask_actions import ASK_ACTIONS
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm
from ops import clock
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import asked, bot, consented, run, slot_events, texts, tracker, user

SENDER = "round22-handoffdata"
THURSDAY = "2026-12-03T10:00:00+01:00"
CONTACT = {**SITUATION, "wants_advisor": True, "consent_given": True, "consent_at": "2026-12-01T10:00:00+00:00"}


@pytest.fixture(autouse=True)
def thursday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, THURSDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def stored_case(moment="jeudi aprem", **extra):
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    slots = {**consented(), "phone": "06 11 22 33 45", "callback_slot": moment, "requested_slot": "phone", **extra}
    current = tracker(
        [*events, slot("phone", "06 11 22 33 45")], slots=slots, active_loop="handoff_form", sender_id=SENDER
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


def closed_case_slots(reference, **extra):
    return {**consented(phone="+33611223345", case_reference=reference, callback_slot="jeudi aprem"), **extra}


# ------------------------------------------------------------ r22b-06, r22b-09: the moment changed, and nothing else


@pytest.mark.parametrize(
    "words",
    [
        "re, en fait appelez moi plutot vendredi matin svp",
        "Bonjour, c'est encore moi. Finalement appelez-moi plutôt mardi après-midi.",
        "rebonjour, finalement plutot lundi matin svp",
        "re bonjour, en fait rappelez moi plutôt lundi matin",
    ],
)
@pytest.mark.parametrize("email", [None, "-"])  # the e-mail question left unanswered by a goodbye, or answered
def test_a_moment_changed_at_the_form_started_again_ends_the_form(words, email):
    reference = stored_case()
    slots = {**closed_case_slots(reference, email=email), "requested_slot": None}
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt."
    events = [user("la banque m'a coupé le découvert"), bot(promise), user(words, "request_human")]
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    said = texts(dispatcher)
    assert len(said) == 1 and said[0].startswith("C'est corrigé : un conseiller vous rappellera")
    assert slot_events(produced)["requested_slot"] is None  # the form ends: Rasa asks nothing more
    assert not any("santé" in text for text in said)


def ask_health(slots):
    current = tracker([user("jeudi matin plutot", "request_human")], slots=slots, active_loop="handoff_form")
    return run(ASK_ACTIONS["health_consent"](), current)


def test_the_health_consent_is_never_asked_when_no_health_was_told():
    # All answered: the form ends, nothing said.
    dispatcher, produced = ask_health(
        {**closed_case_slots("RL-AAAAAA", email="-", departement="25"), "requested_slot": "health_consent"}
    )
    assert texts(dispatcher) == [] and asked(dispatcher) is None
    assert slot_events(produced) == {"requested_slot": None}
    assert any(event.get("event") == "active_loop" and event.get("name") is None for event in produced)
    # A question still open: that one is asked instead.
    dispatcher, produced = ask_health({**closed_case_slots("RL-AAAAAA", departement="25"), "email": None})
    assert slot_events(produced) == {"requested_slot": "email"}
    assert any("adresse e-mail" in message.get("text", "") for message in dispatcher.messages)
    assert not any("santé" in message.get("text", "") for message in dispatcher.messages)


@pytest.mark.parametrize(
    "categories, reasons",
    [
        (["sante"], {"sante": ["« je suis malade »"]}),
        (["vie_personnelle"], {"vie_personnelle": ["« ma femme a un cancer »"]}),
    ],
)
def test_the_health_consent_is_asked_when_health_was_told(categories, reasons):
    slots = {
        **CONTACT,
        "difficulty_categories": categories,
        "triage_reasons": reasons,
        "requested_slot": "health_consent",
    }
    dispatcher, produced = ask_health(slots)
    assert produced == []
    assert any("santé" in message.get("text", "") for message in dispatcher.messages)


@pytest.mark.parametrize(
    "answer, value, expected",
    [
        ("Non, laissez-la de côté", False, "rien sur la santé n'est ajouté"),
        ("non laissez ça", False, "rien sur la santé n'est ajouté"),
        ("Oui, je l'accepte", True, "le conseiller en tiendra compte"),
    ],
)
def test_a_health_consent_answered_after_the_case_is_said_back_as_such(answer, value, expected):
    reference = stored_case(difficulty_categories=["sante"])
    slots = closed_case_slots(reference, email="-", difficulty_categories=["sante"], health_consent=value)
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt."
    events = [
        user("je suis malade"),
        bot(promise),
        bot("Vous avez parlé de votre santé. Acceptez-vous ... ?"),
        user(answer, "deny" if value is False else "affirm"),
        slot("health_consent", value),
    ]
    dispatcher, _ = run(ActionFinishHandoff(), tracker(events, slots=slots, sender_id=SENDER))
    said = texts(dispatcher)
    assert len(said) == 1 and expected in said[0] and reference in said[0]
    assert "J'ai ajouté" not in said[0]


def test_words_added_after_the_case_are_still_said_added():
    reference = stored_case()
    slots = closed_case_slots(reference, email="-")
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt."
    events = [user("la banque m'a coupé le découvert"), bot(promise), user("j'ai aussi une dette urssaf", "inform")]
    dispatcher, _ = run(ActionFinishHandoff(), tracker(events, slots=slots, sender_id=SENDER))
    assert texts(dispatcher) == [f"J'ai ajouté ce que vous venez de dire à votre demande, référence {reference}."]


# ------------------------------------------------------------ r22b-07, r22b-09: the name the advisor asks for


def at_the_name(words, filled):
    events = [user("la banque m'a coupé le découvert"), bot("?"), user(words, "inform")]
    events += [slot(name, value) for name, value in filled.items()]
    slots = {**CONTACT, **filled, "requested_slot": "contact_name"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced).get("contact_name"), texts(dispatcher)


@pytest.mark.parametrize(
    "words, entity, name",
    [
        ("mon père s'appelle Gérard mais appelez-moi plutôt moi, Hélène, sa fille", "Gérard", "Hélène"),
        ("ma mere s appelle josiane mais c est moi qu il faut appeler, sophie", "josiane", "Sophie"),
        ("Mon mari s'appelle Marc. Rappelez plutôt moi : Julie", "Marc", "Julie"),
        ("mon frere s'appelle Kevin, appelez moi directement, c'est Yanis", "Kevin", "Yanis"),
        ("il s'appelle Alain mais appelez plutot moi, Nadia", "Alain", "Nadia"),
        # the look-alikes: one person named, the name kept
        ("mon père s'appelle Gérard", "Gérard", "Gérard"),
        ("Claire", "Claire", "Claire"),
    ],
)
def test_the_person_to_call_is_the_name_kept(words, entity, name):
    kept, _ = at_the_name(words, {"contact_name": entity})
    assert kept == name


@pytest.mark.parametrize(
    "words, entity, name",
    [
        ("Monsieur Bernard", "Bernard", "M. Bernard"),
        ("c'est madame Laurent", "Laurent", "Mme Laurent"),
        ("mr bernard svp", "bernard", "M. Bernard"),
        ("Mme Thomas", "Thomas", "Mme Thomas"),
        # the look-alikes
        ("Bernard", "Bernard", "Bernard"),
        ("Monsieur Martin", "Monsieur Martin", "M. Martin"),
    ],
)
def test_a_title_with_a_surname_is_kept_with_it(words, entity, name):
    kept, _ = at_the_name(words, {"contact_name": entity})
    assert kept == name


# ------------------------------------------------------------ r22b-10: whether the bank is told, asked at the consent


@pytest.mark.parametrize(
    "words, told",
    [
        ("oui... enfin attendez, le conseiller il va pas avertir ma banque ?", True),
        ("le conseiller va pas appeler mon banquier hein ?", True),
        ("vous allez le dire a ma banque ?", True),
        ("est ce que ma banque sera au courant ?", True),
        ("Votre conseiller va-t-il contacter ma banque ?", True),
        ("ma banque va le savoir ?", True),
        # look-alikes: a question about the bank itself, or help asked with it
        ("la banque va savoir quoi faire ?", False),
        ("ma banque va me couper le decouvert ?", False),
        ("vous pouvez appeler ma banque pour moi ?", False),
        ("le conseiller peut m'aider avec ma banque ?", False),
        ("la banque va prévenir l'huissier ?", False),
    ],
)
def test_a_fear_that_the_bank_is_told_is_read(words, told):
    from intake.answers import fears_others_told

    assert fears_others_told(words) is told


@pytest.mark.parametrize(
    "words",
    [
        "oui... enfin attendez, le conseiller il va pas prévenir ma banque ?",
        "euh attendez vous allez le dire a ma banque ??",
        "Est-ce que mon banquier sera au courant ?",
    ],
)
def test_the_bank_fear_at_the_consent_gets_the_confidentiality_answer(words):
    from actions.faq_actions import ActionAnswerFaq
    from intake.service_questions import NO_BANK_TOLD

    events = [
        user("la banque m'a coupé le découvert"),
        bot("Pour qu'un conseiller vous rappelle ..."),
        user(words, "faq"),
    ]
    slots = {**SITUATION, "wants_advisor": True, "requested_slot": "consent_given"}
    dispatcher, produced = run(ActionAnswerFaq(), tracker(events, slots=slots, active_loop="handoff_form"))
    assert texts(dispatcher) == [NO_BANK_TOLD]
    assert produced == []  # the consent stays pending: the form asks it again


# ------------------------------------------------------------ r22b-12: two numbers, the one preferred by its rank


@pytest.mark.parametrize(
    "words, kept",
    [
        ("0611223344 ou sinon 0799887766 (plutot le 2eme)", "+33799887766"),
        ("06 11 22 33 44 ou 07 99 88 77 66, appelez le deuxieme svp", "+33799887766"),
        ("06.11.22.33.44 sinon 07.99.88.77.66 le second de preference", "+33799887766"),
        ("zero six 11 22 33 44 ou 07 99 88 77 66, prenez le dernier", "+33799887766"),
        ("06 11 22 33 44 ou 07 99 88 77 66, le premier c mieux", "+33611223344"),
        # look-alikes: no rank chosen, the first kept
        ("06 11 22 33 44 ou sinon 07 99 88 77 66", "+33611223344"),
        ("06 11 22 33 44 au 2e etage ou 07 99 88 77 66", "+33611223344"),
    ],
)
def test_the_number_chosen_by_rank_is_kept(words, kept):
    from actions.handoff import preferred_phone

    found = preferred_phone(words)
    assert found is not None and found[0] == kept


GIVEN = "0611223344 ou sinon 0799887766"


def after_two_numbers(words, intent, filled):
    sender = "round22-two-numbers"
    first = user(GIVEN, "inform")
    before = [user("la banque"), bot("À quel numéro ?"), first, slot("phone", "0611223344")]
    slots = {**consented(), "phone": "0611223344", "requested_slot": "phone"}
    stored = tracker(before, slots=slots, active_loop="handoff_form", sender_id=sender)
    _, produced = run(ValidateHandoffForm(), stored, DOMAIN)
    reference = slot_events(produced)["case_reference"]
    events = [user("la banque"), bot("À quel numéro ?"), first, slot("phone", "+33611223344")]
    events += [bot("Je garde le 06 11 22 33 44, le premier ..."), bot("Voulez-vous aussi laisser une adresse e-mail ?")]
    events += [user(words, intent), *(slot(name, value) for name, value in filled.items())]
    slots = {**consented(), "phone": "+33611223344", "case_reference": reference, "requested_slot": "email", **filled}
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=sender)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "words", ["non c'est le 2eme que je prefere !!", "Non, le deuxième de préférence.", "nn plutot le second svp"]
)
def test_a_rank_said_after_the_number_kept_puts_it_right(words):
    said, produced = after_two_numbers(words, "deny", {"email": "non précisé"})
    assert produced["phone"] == "+33799887766"
    assert produced["email"] is None  # no answer to the e-mail question: asked again
    assert any(text.startswith("C'est corrigé : le conseiller vous rappellera au 07 99 88 77 66") for text in said)


def test_a_plain_no_at_the_email_question_stays_a_no():
    _, produced = after_two_numbers("non merci", "deny", {"email": "non précisé"})
    assert "phone" not in produced
    assert produced["email"] == "non précisé"

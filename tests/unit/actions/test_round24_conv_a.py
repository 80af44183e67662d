"""Round 24, conversation helper A, over real trackers, the real form validation and a real SQLite case store.

A sister wrote for her brother Julien, a glazier in Compiègne who owes 7 300 € of VAT, and at the consent "oui" then
"il aimerait qu'on le rappelle, c'est son portable 06 12 34 56 78":
1. the consent said "je dois garder votre prénom, votre numéro" while the brother is the one called;
2. the name question asked her name ("Comment le conseiller peut-il vous appeler ?") though Julien was named, and
   the promise said "vous";
3. the case said "Julien ne sait peut-être pas que ce proche a écrit" though he asked for the call.
Each checked with the writer's own number too: the writer is then the one called, and the texts stay "vous".
"""

from __future__ import annotations

import pytest

from actions.handoff import build_case_draft, one_to_call, writer_notes
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm
from actions.questions import QUESTIONS, for_the_one_called
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

SISTER = "je vous écris pour mon frère Julien, il est vitrier à Compiègne"
DEBT = "il doit 7 300 € de TVA et il ne dort plus"
WANTS_THE_CALL = "il aimerait qu'on le rappelle, c'est son portable 06 12 34 56 78"
SITUATION = {"difficulty_categories": ["fiscal"], "urgency": "haute", "distress": False}
MY_NUMBER = "rappelez-moi plutôt au 07 81 22 33 44, c'est mon portable"


def all_said(dispatcher) -> str:
    return " ".join(message.get("text") or "" for message in dispatcher.messages)


def at(question: str, words: str, intent: str, earlier: list[str], filled: dict, slots: dict | None = None):
    events = []
    for said in ["Bonsoir", *earlier]:
        events += [user(said), bot("?")]
    events.append(user(words, intent))
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    current = {**SITUATION, **(slots or {}), **filled, "requested_slot": question}
    dispatcher, produced = run(
        ValidateHandoffForm(), tracker(events, slots=current, active_loop="handoff_form"), DOMAIN
    )
    return all_said(dispatcher), slot_events(produced)


# ------------------------------------------------------------------------------------ 1. the consent said of him


@pytest.mark.parametrize(
    "earlier, expected",
    [
        # Whom to call not said yet: the neutral form.
        ([SISTER, DEBT], "le prénom et le numéro de la personne à rappeler"),
        # Said before the consent: her brother.
        (
            [SISTER, DEBT, "il voudrait être rappelé"],
            "Pour qu'un conseiller rappelle votre frère, je dois garder son prénom, son numéro et ce que vous m'avez dit",
        ),
        (
            ["j'écris pour ma sœur, elle est coiffeuse", "elle m'a dit qu'on la rappelle, elle a 12 000 € de dettes"],
            "Pour qu'un conseiller rappelle votre sœur, je dois garder son prénom, son numéro",
        ),
    ],
)
def test_the_consent_names_the_person_called_when_someone_close_writes(earlier, expected):
    said, produced = at("wants_advisor", "oui", "affirm", earlier, {"wants_advisor": True})
    assert produced["wants_advisor"] is True
    assert expected in said, said
    assert "votre prénom, votre numéro" not in said


@pytest.mark.parametrize(
    "earlier",
    [
        [SISTER, DEBT, MY_NUMBER],
        [SISTER, DEBT, "c'est moi qu'il faut appeler, pas lui"],
        ["je suis vitrier à Compiègne", "je dois 7 300 € de TVA"],
    ],
)
def test_the_consent_stays_yours_when_the_writer_is_called(earlier):
    said, _ = at("wants_advisor", "oui", "affirm", earlier, {"wants_advisor": True})
    assert "votre prénom, votre numéro et ce que vous m'avez dit" in said, said


def test_the_consent_asked_again_short_is_said_of_him_too():
    messages = [SISTER, DEBT, "il aimerait qu'on le rappelle"]
    again = for_the_one_called("consent_given", QUESTIONS["consent_given"].again, {}, messages)
    assert again == (
        "Êtes-vous d'accord pour que je garde le prénom et le numéro de votre frère, et ce que vous m'avez dit, "
        "pour le conseiller ?"
    )
    assert "votre prénom" in (
        for_the_one_called("consent_given", QUESTIONS["consent_given"].again, {}, ["je suis vitrier"]) or ""
    )


# ------------------------------------------------------------------------- 2. his name, not asked; the promise


def test_the_yes_to_the_consent_keeps_julien_and_asks_for_his_number():
    said, produced = at(
        "consent_given", "oui", "affirm", [SISTER, DEBT], {"consent_given": True}, {"wants_advisor": True}
    )
    assert produced["consent_given"] is True
    assert produced.get("contact_name") == "Julien"
    assert "Comment le conseiller peut-il vous appeler" not in said
    assert "À quel numéro le conseiller peut-il joindre la personne à rappeler ?" in said, said


def test_the_writers_own_number_keeps_the_name_question_for_her():
    said, produced = at(
        "consent_given", "oui", "affirm", [SISTER, DEBT, MY_NUMBER], {"consent_given": True}, {"wants_advisor": True}
    )
    assert produced.get("contact_name") in (None, "Julien") and produced.get("contact_name") != "Julien"
    assert "Julien" not in said


@pytest.mark.parametrize(
    "earlier, question",
    [
        (["je vous écris pour mon frère, il est vitrier"], "Quel est le prénom de votre frère, pour le conseiller ?"),
        (
            ["j'écris pour mon père, il est boucher", "il aimerait qu'on le rappelle"],
            "Quel est le prénom de votre père, pour le conseiller ?",
        ),
        (["je suis vitrier à Compiègne"], "Comment le conseiller peut-il vous appeler ? Un prénom suffit."),
        (
            ["j'écris pour mon frère, il est vitrier", "c'est moi qu'il faut appeler"],
            "Comment le conseiller peut-il vous appeler ? Un prénom suffit.",
        ),
    ],
)
def test_the_name_question_asks_for_the_person_called(earlier, question):
    said, _ = at("consent_given", "oui", "affirm", earlier, {"consent_given": True}, {"wants_advisor": True})
    assert question in said, said


def test_the_promise_says_the_advisor_calls_her_brother():
    said = ["Bonsoir", SISTER, DEBT, "oui", "oui", "il aimerait qu'on le rappelle : 06 12 34 56 78"]
    history = []
    for words in said:
        history += [bot("?"), user(words)]
    slots = consented(contact_name="Julien", phone="+33612345678", difficulty_categories=["fiscal"], departement="60")
    dispatcher, _ = run(ActionFinishHandoff(), tracker(history, slots=slots, sender_id="round24-conv-a"))
    confirmation = all_said(dispatcher)
    assert "appellera votre frère au 06 12 34 56 78" in confirmation, confirmation
    assert "vous rappellera au" not in confirmation
    summary = stored_cases()[0].summary
    assert "ne sait peut-être pas" not in summary, summary


def test_the_promise_says_vous_with_the_writers_own_number():
    assert one_to_call({"phone": "+33781223344"}, [SISTER, DEBT, MY_NUMBER]) is None
    assert one_to_call({"phone": "+33612345678"}, [SISTER, DEBT, WANTS_THE_CALL]) == "votre frère"


# ----------------------------------------------------------------- 3. no "ne sait peut-être pas" once he wants it


def case(lines: list[str], phone: str):
    transcript = [{"sender": "artisan", "text": text} for text in lines]
    return build_case_draft(
        conversation_id="c-r24-a",
        reference="R24-A",
        chamber_id="cma-test",
        slots={**SITUATION, "consent_given": True, "contact_name": "Julien", "phone": phone},
        situation={},
        transcript=transcript,
        consent_version="v1",
    )


@pytest.mark.parametrize(
    "words",
    [
        WANTS_THE_CALL,
        "il m'a demandé de vous écrire. son portable 06 12 34 56 78",
        "il est d'accord, son portable c'est le 06 12 34 56 78",
        "il est au courant ; son numéro : 06 12 34 56 78",
        "il voudrait qu'un conseiller l'appelle, son portable 06 12 34 56 78",
        "il veut bien être rappelé au 06 12 34 56 78, c'est son portable",
        "il demande à être rappelé, son 06 12 34 56 78",
    ],
)
def test_the_case_never_says_he_may_not_know_once_he_wants_the_call(words):
    summary = case([SISTER, DEBT, "oui", words], "+33612345678").summary
    assert "ne sait peut-être pas" not in summary, summary
    assert "06 12 34 56 78" in summary and "son frère" in summary


def test_the_case_still_says_he_may_not_know_when_nothing_says_he_does():
    summary = case([SISTER, DEBT, "oui", "son portable 06 12 34 56 78"], "+33612345678").summary
    assert "Julien ne sait peut-être pas" in summary, summary


def test_the_writers_own_number_is_hers_in_the_case():
    summary = case([SISTER, DEBT, "oui", MY_NUMBER], "+33781223344").summary
    assert "qui a écrit ; rappeler ce proche" in summary, summary


@pytest.mark.parametrize(
    "words",
    [
        "il ne voudrait pas qu'on l'appelle",
        "je ne sais pas s'il voudrait qu'on le rappelle",
        "il aimerait pas être appelé",
    ],
)
def test_a_call_he_does_not_want_is_no_agreement(words):
    assert not {"knows", "call_person"} & set(writer_notes([words]))


# ------------------------------------------------------------- 4. his trade and town said back as the artisan's are


@pytest.mark.parametrize(
    "words, noted",
    [
        (SISTER, "J'ai noté : vitrier, Oise (60)."),
        ("je suis vitrier à Compiègne, mon chiffre d'affaires s'effondre", "J'ai noté : vitrier, Oise (60)."),
        ("j'écris pour ma sœur Nadia, elle est coiffeuse à Arras", "J'ai noté : coiffeuse, Pas-de-Calais (62)."),
    ],
)
def test_the_trade_and_place_of_the_first_message_are_said_back(words, noted):
    """The model reads the sister's message as ``inform`` with the trade and the town (models/relais.tar.gz, 0.93):
    the slot validation then the acknowledgement, as Rasa runs them, say both back."""
    from actions.intake_actions import ActionAcknowledgeSituation
    from actions.triage_actions import ValidateTriageSlots

    events = [user("Bonsoir", "greet"), bot("Bonsoir"), user(words, "inform")]
    _, validated = run(ValidateTriageSlots(), tracker(events))
    slots = slot_events(validated)
    dispatcher, _ = run(ActionAcknowledgeSituation(), tracker([*events, *validated], slots=slots))
    assert noted in all_said(dispatcher), all_said(dispatcher)

"""The first steps given with the case when the conversation gave none (round 27, lead27-05).

An artisan asked for the callback at the first intake question ("oui je veux bien qu'on me rappelle" at the deadline
question): the intake stopped there, the consent, the name and the number were given, the case was stored, and no first
step was ever said, though the knowledge base had the one that fitted. The steps come once, right after "votre demande
est bien enregistrée" (before the optional questions) or when the handoff ends with the case; never twice, never to
someone leaving, never on the crisis path before the safety part is done."""

from __future__ import annotations

import pytest

from actions.handoff import CASE_SAVED
from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, consented, run, slot_events, texts, tracker, user
from triage import assess

INTRO = "Voici quelques premières démarches qui peuvent vous aider :"
CREANCE = "declaration_creance"

# A customer in receivership who owes money, in several voices: the card "déclarer sa créance" fits.
CUSTOMER_IN_RECEIVERSHIP = [
    "mon plus gros client est en liquidation judiciaire, il me doit 8000 euros",
    "slt un client a moi est en redressement judiciaire il me doit 3200e",
    "Madame, Monsieur, l'un de mes clients a été placé en liquidation judiciaire et me doit 12 000 euros.",
    "euh... en fait un client... il est en liquidation je crois... et il me doit encore 4000 euros",
]
# Other difficulties: some step fits each.
OTHER_DIFFICULTIES = [
    "jai 6000 euros de dettes urssaf je sais plus comment payer",
    "Je suis boulangère et ma banque m'a supprimé mon découvert, je n'arrive plus à payer mes fournisseurs.",
]


def _slots_of(first: str, **extra) -> dict:
    assessment = assess(first)
    return consented(
        **{
            "guidance_given": None,  # the intake stopped at its first question: no step given
            "contact_name": "Marc",
            "difficulty_categories": list(assessment.categories),
            "urgency": assessment.urgency,
            "triage_reasons": assessment.reasons,
            **extra,
        }
    )


def _at_the_phone_question(first: str, number_words: str = "06 11 22 33 44", **extra):
    """The callback asked at the deadline question, the consent and the name given, then ``number_words``."""
    events = [
        user(first),
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ?"),
        user("oui je veux bien qu'on me rappelle", "affirm"),
        bot("Acceptez-vous que je transmette ces informations à un conseiller ?"),
        user("oui", "affirm"),
        bot("Quel est votre prénom ?"),
        user("Marc", "inform"),
        {"event": "slot", "name": "requested_slot", "value": "phone"},
        bot("À quel numéro le conseiller peut-il vous rappeler ?"),
        user(number_words, "inform"),
        {"event": "slot", "name": "phone", "value": "06 11 22 33 44"},
    ]
    slots = _slots_of(first, phone="06 11 22 33 44", requested_slot="phone", **extra)
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id="r27-steps")
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return current, dispatcher, produced


def _given(produced) -> list[str]:
    return [entry["id"] for entry in slot_events(produced).get("guidance_given") or []]


@pytest.mark.parametrize("first", CUSTOMER_IN_RECEIVERSHIP)
def test_the_steps_come_right_after_the_case_is_stored(first):
    _, dispatcher, produced = _at_the_phone_question(first)
    said = texts(dispatcher)
    assert said[0] == CASE_SAVED
    assert said[1] == INTRO
    assert CREANCE in _given(produced)
    assert any("mandataire judiciaire" in text for text in said[2:])
    # The handoff's next question still comes, last.
    assert asked(dispatcher) == "email"


@pytest.mark.parametrize("first", OTHER_DIFFICULTIES)
def test_other_difficulties_get_their_steps_with_the_case(first):
    _, dispatcher, produced = _at_the_phone_question(first)
    said = texts(dispatcher)
    assert said[:2] == [CASE_SAVED, INTRO]
    assert 1 <= len(_given(produced)) <= 3
    assert asked(dispatcher) == "email"


def test_steps_already_given_are_not_given_again():
    given = [{"id": CREANCE, "name": "Client en redressement", "link": None}]
    _, dispatcher, produced = _at_the_phone_question(CUSTOMER_IN_RECEIVERSHIP[0], guidance_given=given)
    assert texts(dispatcher) == [CASE_SAVED]
    assert "guidance_given" not in slot_events(produced)


@pytest.mark.parametrize(
    "number_words",
    ["06 11 22 33 44 merci au revoir", "06 11 22 33 44 merci bonne soirée", "06 11 22 33 44 bon jv y aller"],
)
def test_no_steps_to_someone_leaving_with_the_number(number_words):
    _, dispatcher, produced = _at_the_phone_question(CUSTOMER_IN_RECEIVERSHIP[0], number_words)
    assert INTRO not in texts(dispatcher)
    assert "guidance_given" not in slot_events(produced)


def test_no_steps_on_the_crisis_path_before_the_safety_part():
    _, dispatcher, produced = _at_the_phone_question(CUSTOMER_IN_RECEIVERSHIP[0], distress=True)
    said = texts(dispatcher)
    assert INTRO not in said
    assert not any("démarches" in text for text in said)
    assert "guidance_given" not in slot_events(produced)


def _finished(first: str, last_words: str, intent: str = "inform", **extra):
    """The handoff's last question answered (the case stored earlier), then action_finish_handoff."""
    events = [
        user(first),
        bot("Avez-vous une échéance proche ?"),
        user("oui je veux bien qu'on me rappelle", "affirm"),
        bot(CASE_SAVED),
        bot("Dans quel département exercez-vous ?"),
        user(last_words, intent),
    ]
    slots = {
        **_slots_of(first),
        "phone": "+33611223344",
        "case_reference": "RL-ABCD12",
        "callback_slot": "demain matin",
        "email": "non précisé",
        **extra,
    }
    current = tracker(events, slots=slots, sender_id="r27-steps-finish")
    dispatcher, produced = run(ActionFinishHandoff(), current, DOMAIN)
    return dispatcher, produced


@pytest.mark.parametrize("first", CUSTOMER_IN_RECEIVERSHIP[:2])
def test_the_steps_come_after_the_reference_when_the_form_ends(first):
    dispatcher, produced = _finished(first, "pas de calais")
    said = texts(dispatcher)
    assert said[0].startswith("C'est noté, votre référence est RL-")
    assert said[1] == INTRO
    assert CREANCE in _given(produced)


@pytest.mark.parametrize(
    "words, intent",
    [("62 merci au revoir", "goodbye"), ("pas de calais, bonne journee", "inform"), ("au revoir", "goodbye")],
)
def test_no_steps_at_the_end_after_a_goodbye(words, intent):
    dispatcher, produced = _finished(CUSTOMER_IN_RECEIVERSHIP[0], words, intent)
    assert INTRO not in texts(dispatcher)
    assert "guidance_given" not in slot_events(produced)


def test_no_steps_twice_at_the_end():
    given = [{"id": CREANCE, "name": "Client en redressement", "link": None}]
    dispatcher, produced = _finished(CUSTOMER_IN_RECEIVERSHIP[0], "pas de calais", guidance_given=given)
    assert len(texts(dispatcher)) == 1
    assert "guidance_given" not in slot_events(produced)


def test_no_case_no_steps_at_the_end():
    refused = {"wants_advisor": True, "consent_given": False, "consent_at": None, "case_reference": None, "phone": None}
    dispatcher, produced = _finished(CUSTOMER_IN_RECEIVERSHIP[0], "non", "deny", **refused)
    assert texts(dispatcher)  # the refusal's words
    assert INTRO not in texts(dispatcher)
    assert "guidance_given" not in slot_events(produced)


def test_on_the_crisis_path_the_steps_come_once_the_safety_part_is_done():
    from actions.business_questions import STEPS_AFTER_CRISIS_INTRO

    first = CUSTOMER_IN_RECEIVERSHIP[0]
    events = [
        user(first),
        bot("Appelez le 3114."),
        user("oui", "affirm"),
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Voulez-vous qu'un conseiller vous rappelle ?"),
        user("oui", "affirm"),
        {"event": "slot", "name": "requested_slot", "value": "phone"},
        bot("À quel numéro ?"),
        user("06 11 22 33 44", "inform"),
        {"event": "slot", "name": "phone", "value": "06 11 22 33 44"},
    ]
    slots = _slots_of(first, phone="06 11 22 33 44", requested_slot="phone", distress=True, health_consent=False)
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id="r27-steps-crisis")
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    said = texts(dispatcher)
    assert said[:2] == [CASE_SAVED, STEPS_AFTER_CRISIS_INTRO]
    assert CREANCE in _given(produced)


def test_after_a_crisis_the_numbers_stay_the_last_words_of_the_end():
    dispatcher, produced = _finished(CUSTOMER_IN_RECEIVERSHIP[0], "pas de calais", distress=True)
    assert "3114" in texts(dispatcher)[-1]
    assert "guidance_given" not in slot_events(produced)

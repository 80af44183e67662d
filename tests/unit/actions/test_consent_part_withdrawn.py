"""One part of the consent taken back, not the whole (round 17, r17a-06, r17a-02): what was said of health is taken out
of the case (the health consent withdrawn, the case saved again), the rest kept and said so; another passage cannot be
taken out alone, which is said plainly, never "D'accord, je n'efface rien" as the answer to "enlevez X". The whole
("effacez tout", "annulez ma demande") is unchanged. Over real trackers and a real case database."""

from __future__ import annotations

import pytest

from actions.erasure_actions import (
    ERASE_OFFER,
    ERASE_OFFER_WITH_CASE,
    HEALTH_NOT_PASSED_ON,
    HEALTH_NOTHING_SENT,
    KEPT,
    PART_CALL_KEPT,
    PART_NOT_ALONE,
)
from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import ValidateHandoffForm, withdraws_consent
from actions.intake_actions import ActionAnswerOutsideQuestion
from intake.answers import HEALTH, PART, is_withdrawal, part_to_remove
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "part-withdrawn-1"


def faq(words, key="faq/delete_data"):
    message = user(words, "faq")
    message["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    return message


def at(events, slots=None, loop=None):
    current = tracker(events, slots=slots, active_loop=loop, sender_id=SENDER)
    current.latest_message["response_selector"] = (events[-1].get("parse_data") or {}).get("response_selector")
    return current


STORY = [
    user("Maçonne à Dole, je sors d'une chimiothérapie et les chantiers sont à l'arrêt, l'URSSAF me relance"),
    bot("Avez-vous une échéance proche ?"),
]
HEALTH_SLOTS = {
    "difficulty_categories": ["sante", "cotisations_sociales"],
    "triage_reasons": {"sante": ["« je sors d'une chimiothérapie »"], "cotisations_sociales": ["« l'URSSAF »"]},
}


def stored_case():
    """A case saved with the health consent, through the handoff form as in a conversation."""
    consent = consented(**HEALTH_SLOTS, health_consent=True)
    asking = tracker(
        [
            *STORY,
            bot("À quel numéro ?"),
            user("06 41 22 33 44", "inform"),
            {"event": "slot", "name": "phone", "value": "06 41 22 33 44"},
        ],
        slots={**consent, "phone": "06 41 22 33 44", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _d, saved = run(ValidateHandoffForm(), asking)
    reference = slot_events(saved)["case_reference"]
    case = stored_cases()[0]
    assert case.health_consent and "chimioth" in case.summary
    return {**consent, "phone": "+33641223344", "case_reference": reference}


@pytest.mark.parametrize(
    "words, after_offer, part",
    [
        ("vous pouvez retirer ce que j'ai dit sur ma chimio du dossier ?", False, HEALTH),
        ("je reprends mon accord concernant les infos médicales, merci", False, HEALTH),
        ("ne transmettez pas mon arrêt maladie au conseiller svp", False, HEALTH),
        ("l'opération, vous pouvez l'enlever ?", False, HEALTH),
        ("non non, seulement ce qui touche à ma santé", True, HEALTH),
        ("supprimez le passage sur mon fils s'il vous plait", False, PART),
        ("non, uniquement le passage sur mon divorce", True, PART),
        # The whole, or nothing taken back: unchanged.
        ("effacez tout s'il vous plaît", False, None),
        ("je suis malade, supprimez tout", False, None),
        ("je retire mon accord", False, None),
        ("non", True, None),
        ("non pas tout", True, None),
        ("on m'a retiré la vésicule à l'hôpital en mai", False, None),
        ("la banque veut supprimer mon découvert depuis ma maladie", False, None),
        ("seulement ma santé qui flanche", False, None),
    ],
)
def test_the_part_taken_back_is_read(words, after_offer, part):
    assert part_to_remove(words, after_offer=after_offer) == part


def test_a_part_taken_back_is_no_withdrawal_of_the_whole():
    assert not is_withdrawal("je retire mon accord pour les informations de santé, enlevez la chimio")
    assert is_withdrawal("je retire mon accord")
    assert is_withdrawal("annulez ma demande")


def test_health_taken_out_of_a_stored_case_the_rest_kept():
    slots = stored_case()
    words = faq("vous pouvez retirer ce que j'ai dit sur ma chimio de ma demande ?")
    dispatcher, events = run(ActionAnswerFaq(), at([*STORY, words], slots))
    said = " ".join(texts(dispatcher))
    assert "retiré de votre demande ce qui touche à votre santé" in said and slots["case_reference"] in said
    assert slot_events(events)["health_consent"] is False
    case = stored_cases()[0]
    assert case.erased_at is None and case.phone == "+33641223344"  # the request kept
    assert not case.health_consent and "chimioth" not in case.summary and "sante" not in case.categories


def test_no_to_erasing_everything_then_only_health_takes_health_out():
    slots = {**stored_case(), "erasure_offered": "aucune"}
    offered = [*STORY, faq("je reprends mon accord pour la santé"), bot(ERASE_OFFER_WITH_CASE)]
    dispatcher, events = run(
        ActionAnswerOutsideQuestion(), at([*offered, user("non, seulement la santé", "deny")], slots)
    )
    assert KEPT not in " ".join(texts(dispatcher))
    assert slot_events(events)["health_consent"] is False and slot_events(events)["erasure_offered"] is None
    assert "chimioth" not in stored_cases()[0].summary


def test_a_passage_kept_with_the_call_is_explained_and_nothing_erased():
    slots = {**stored_case(), "erasure_offered": "aucune"}
    offered = [*STORY, faq("effacez ce que j'ai écrit"), bot(ERASE_OFFER_WITH_CASE)]
    answer = user("non, je veux toujours qu'on me rappelle, uniquement le passage sur mon frère", "deny")
    dispatcher, _events = run(ActionAnswerOutsideQuestion(), at([*offered, answer], slots))
    assert texts(dispatcher) == [PART_CALL_KEPT]
    assert stored_cases()[0].erased_at is None


def test_a_passage_asked_out_gets_the_explanation_and_the_offer_of_the_whole():
    slots = stored_case()
    dispatcher, events = run(ActionAnswerFaq(), at([*STORY, faq("supprimez le paragraphe sur mon ex-mari")], slots))
    assert texts(dispatcher) == [PART_NOT_ALONE, ERASE_OFFER_WITH_CASE]
    assert slot_events(events)["erasure_offered"] == "aucune"


def test_in_the_handoff_form_health_is_not_passed_on_and_the_next_question_follows():
    slots = {**consented(**HEALTH_SLOTS), "requested_slot": "health_consent"}
    words = user("je préfère que vous enleviez la partie sur ma chimio", "deny")
    current = at([*STORY, bot("Puis-je transmettre ces informations de santé ?"), words], slots, "handoff_form")
    assert not withdraws_consent(current)
    dispatcher, events = run(ValidateHandoffForm(), current)
    assert texts(dispatcher)[0] == HEALTH_NOT_PASSED_ON
    assert slot_events(events)["health_consent"] is False
    assert slot_events(events).get("consent_given", True) is True  # the consent itself kept


def test_before_any_handoff_nothing_was_sent():
    current = at([*STORY, user("enlevez ce que j'ai dit sur mon cancer svp", "describe_situation")], HEALTH_SLOTS)
    dispatcher, events = run(ActionAnswerOutsideQuestion(), current)
    assert texts(dispatcher) == [HEALTH_NOTHING_SENT]
    assert slot_events(events)["health_consent"] is False


def test_the_whole_is_still_offered_as_before():
    slots = stored_case()
    dispatcher, _events = run(ActionAnswerFaq(), at([*STORY, faq("supprimez tout svp")], slots))
    assert texts(dispatcher) == [ERASE_OFFER_WITH_CASE]
    dispatcher, _events = run(ActionAnswerFaq(), at([*STORY, faq("effacez mes données")]))
    assert texts(dispatcher) == [ERASE_OFFER]

"""Round 16 (r16a-09, r16a-04, r16a-14): answers to "Êtes-vous en sécurité en ce moment ?" and the health consent,
over real trackers and real actions. Sentences written for these tests, the way people type (no accents, SMS)."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ValidateSafetyForm
from actions.handoff_actions import read_yes_no
from actions.triage_actions import ValidateTriageSlots
from guidance.crisis import (
    OTHER_SUBJECT_SAFETY_REPLY,
    WHAT_IT_CHANGES_SAFETY,
    not_safe_reply,
    unsure_reply,
)
from tests.support.trackers import run, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract

WIFE_FIRST = (
    "bonsoir, mon mari est couvreur a lorient, depuis l accident de chantier il ne peut plus travailler, la banque "
    "nous relance, et lui il ne dort plus, il m a dit l autre soir que ce serait mieux pour tout le monde s il etait "
    "plus la"
)
CRISIS_BLOCK = [
    user("ce serait plus simple si je me reveillais pas", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    {"event": "bot", "timestamp": 1, "text": "Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."},
    {"event": "bot", "timestamp": 2, "text": "Êtes-vous en sécurité en ce moment ?"},
]


def _at_the_safety_question(typed: str, intent: str = "inform", person: str | None = None):
    return tracker(
        [*CRISIS_BLOCK, user(typed, intent)],
        slots={"requested_slot": "safe_now", "distress": True, "person_at_risk": person},
        active_loop="safety_form",
    )


def _after_safety(typed: str, safe_now: str, intent: str = "inform", person: str | None = None):
    events = [
        *CRISIS_BLOCK,
        user(typed, intent),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    return tracker(events, slots={"distress": True, "safe_now": safe_now, "person_at_risk": person})


# --- 1. Someone beside the writer is company, never a plan or a means ---------------------------------------------

PRESENCE = [
    "la il est a cote de moi devant la tele, ca va pour ce soir je pense",  # r16a-09 as typed
    "il est a cote de moi, ca va pour ce soir",
    "elle est pres de moi, on regarde un film",
    "il dort la, ca va",
    "il mange avec nous, ca va pour cette nuit je crois",
    "mon mari est avec moi devant la télé",
    "il est là avec moi ce soir",
]


@pytest.mark.parametrize("typed", PRESENCE)
@pytest.mark.parametrize("person", [None, "mon mari"])
def test_someone_beside_the_writer_is_safe_without_certainty(typed, person):
    slots = extract(
        ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "express_distress", person)
    )
    assert slots == {"safe_now": "unsure"}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(typed, "unsure", person=person))
    said = " ".join(texts(dispatcher))
    assert "Appelez tout de suite" not in said and "3114" in said and "15" in said


def test_the_wife_is_told_where_to_turn_for_her_husband():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(PRESENCE[0], "unsure", person="mon mari"))
    assert texts(dispatcher) == [unsure_reply("mon mari")]


def test_the_triage_reads_no_plan_in_the_presence_answer_and_keeps_the_person_at_risk():
    """r16a-09: the classifier's 'model:intent_plan_means' on the answer, and person_at_risk lost (the answer then read
    as the wife's own)."""
    events = [
        user(WIFE_FIRST, "express_overwhelm"),
        user("je sais pas... il le dit pas comme ca, mais j ai peur oui des fois", "skip_question"),
        user(PRESENCE[0], "express_distress"),
    ]
    _, triage_events = run(ValidateTriageSlots(), tracker(events, slots={"requested_slot": "safe_now"}))
    slots = slot_events(triage_events)
    assert not any("plan_means" in str(sign) for sign in slots.get("distress_signs") or [])
    assert slots.get("person_at_risk", "mon mari") == "mon mari"


@pytest.mark.parametrize(
    "typed",
    [
        "non",
        "pas vraiment",
        "je suis seul et j'ai tout préparé",
        "il est a cote de moi mais il a la corde dans le garage",
        "il dort, j arrive pas a le reveiller",
        "il est avec moi mais il boit depuis ce matin",
        "elle est seule chez elle",
        "il est a cote de moi, il dit qu il veut en finir ce soir",
    ],
)
@pytest.mark.parametrize("person", [None, "mon mari"])
def test_near_misses_stay_not_safe(typed, person):
    slots = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "inform", person))
    assert slots == {"safe_now": "not_safe"}


def test_a_real_means_beside_the_writer_is_still_a_sign():
    from triage.distress import find_signs

    assert find_signs("j'ai les cachets a cote de moi")[0].level == 1
    assert find_signs("il est a cote de moi, il dit qu il veut se tuer ce soir")[0].level == 1
    assert find_signs("la il est a cote de moi devant la tele, ca va pour ce soir je pense") == []


# --- 3. Not knowing stays not safe (the integrator's decision: the warning it may be); what it changes is asked back --

DONT_KNOW = ["je sais pas", "chais pas", "euh j en sais rien", "aucune idée", "jsp", "je sais pas trop", "🤷"]


@pytest.mark.parametrize("typed", DONT_KNOW)
def test_not_knowing_is_read_as_not_safe_and_gets_the_numbers(typed):
    slots = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "skip_question"))
    assert slots == {"safe_now": "not_safe"}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(typed, "not_safe", "skip_question"))
    said = " ".join(texts(dispatcher))
    assert "15" in said and "112" in said


@pytest.mark.parametrize("typed", ["je sais pas", "lui je sais pas"])
def test_a_relative_who_does_not_know_is_still_not_safe(typed):
    slots = extract(
        ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "skip_question", "mon pere")
    )
    assert slots == {"safe_now": "not_safe"}


@pytest.mark.parametrize(
    "typed", ["je sais plus", "je sais pas si je vais tenir", "je sais pas, je suis seule ce soir", "bof", "non"]
)
def test_more_than_not_knowing_keeps_its_reading(typed):
    slots = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "inform"))
    assert slots == {"safe_now": "not_safe"}


@pytest.mark.parametrize(
    "typed", ["ca change quoi", "ça change quoi ?", "et ca change quoi pour vous", "qu est ce que ca change"]
)
def test_what_it_changes_gets_its_answer_then_the_question_then_unsure(typed):
    asked = _at_the_safety_question(typed, "ask_why_question")
    from rasa_sdk.executor import CollectingDispatcher

    from tests.unit.actions.test_crisis_actions import run_coroutine

    dispatcher = CollectingDispatcher()
    slots = run_coroutine(ValidateSafetyForm().extract_safe_now(dispatcher, asked, {}))
    assert slots == {"safe_now": None}
    assert texts(dispatcher) == [WHAT_IT_CHANGES_SAFETY]
    # Asked again, the same words are unsure, never "not safe", and the reply gives the 3114.
    again = tracker(
        [
            *CRISIS_BLOCK,
            user(typed, "ask_why_question"),
            {"event": "bot", "timestamp": 3, "text": WHAT_IT_CHANGES_SAFETY},
            {"event": "bot", "timestamp": 4, "text": "Êtes-vous en sécurité en ce moment ?"},
            user(typed, "ask_why_question"),
        ],
        slots={"requested_slot": "safe_now", "distress": True},
        active_loop="safety_form",
    )
    assert extract(ValidateSafetyForm(), "extract_safe_now", again) == {"safe_now": "unsure"}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety(typed, "unsure", "ask_why_question"))
    assert texts(dispatcher) == [OTHER_SUBJECT_SAFETY_REPLY]
    assert all(number in OTHER_SUBJECT_SAFETY_REPLY for number in ("3114", "15", "112"))
    assert not_safe_reply(None) != OTHER_SUBJECT_SAFETY_REPLY


@pytest.mark.parametrize("typed", ["ca change quoi", "ça change quoi ?"])
def test_at_the_direct_question_what_it_changes_is_no_clear_no(typed):
    from triage.answers import NOT_CLEAR_NO, QUESTION_BACK, answer_to_suicide_question

    assert answer_to_suicide_question(typed, may_ask_again=True) == NOT_CLEAR_NO
    assert answer_to_suicide_question(typed, may_ask_again=True, may_answer_question=True) in (
        NOT_CLEAR_NO,
        QUESTION_BACK,
    )


@pytest.mark.parametrize("typed", ["ca change quoi de toute facon je vais en finir", "a quoi bon", "ça sert à rien"])
def test_despair_said_as_a_question_is_not_what_it_changes(typed):
    slots = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed, "inform"))
    assert slots == {"safe_now": "not_safe"}


# --- 2. A name or a role is no health consent -------------------------------------------------------------------------


def _at_the_health_question(typed: str, intent: str = "affirm"):
    return tracker(
        [user(typed, intent)],
        slots={"requested_slot": "health_consent", "consent_given": True, "wants_advisor": True},
        active_loop="handoff_form",
    )


@pytest.mark.parametrize(
    "typed",
    ["c est sylvie, sa femme", "c'est Sylvie sa femme", "moi c'est marie, sa soeur", "je suis sa femme", "sylvie"],
)
def test_a_name_or_a_role_read_as_affirm_is_no_health_consent(typed):
    assert read_yes_no(True, _at_the_health_question(typed), "health_consent") is None


@pytest.mark.parametrize(
    "typed",
    ["oui", "ok", "oui c'est sylvie", "pas de souci", "vous pouvez", "oui mettez le", "d'accord", "/affirm", "allez-y"],
)
def test_a_clear_yes_is_still_the_health_consent(typed):
    assert read_yes_no(True, _at_the_health_question(typed), "health_consent") is True


def test_the_name_still_answers_a_yes_at_the_callback_offer():
    """Only the health question asks for the yes in words: elsewhere the classifier's yes is read as before."""
    at_offer = tracker([user("ok", "affirm")], slots={"requested_slot": "wants_advisor"}, active_loop="handoff_form")
    assert read_yes_no(True, at_offer, "wants_advisor") is True


def test_the_health_question_stays_after_a_name_read_as_affirm():
    """r16a-09 through the form's validation: no health consent stored, the question stays."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.handoff_actions import ValidateHandoffForm
    from tests.support.handoff_form import DOMAIN

    dispatcher = CollectingDispatcher()
    slots = ValidateHandoffForm().validate_health_consent(
        True, dispatcher, _at_the_health_question("c est sylvie, sa femme"), DOMAIN
    )
    assert slots.get("health_consent") is None

"""Round 28, helper "distress28b" (talker B's crisis path): a plain denial of the thoughts at the safety question
(r28-b-18), the direct question answered beside the point twice (r28-b-15), safety said at the callback offer after a
wordless answer to the safety question (r28-b-05). Real trackers; sentences written for these tests (new words, other
trades), each with near misses."""

from __future__ import annotations

import pytest

from actions.crisis_actions import (
    SAFETY_SAID_LATE,
    THOUGHTS_DENIED_AT_SAFETY_REPLY,
    ActionAfterSafetyAnswer,
    ValidateDirectQuestionForm,
    ValidateSafetyForm,
)
from actions.handoff import NO_ANSWER_REASON
from actions.handoff_actions import ValidateHandoffForm
from guidance.crisis import SAFE_AFTER_OWN_SIGN_REPLY, suicide_question
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, run_extract, slot_events, texts, tracker, user
from tests.unit.actions.test_crisis_actions import extract
from triage.answers import denies_the_thoughts_plainly

MONDAY_10H = "2026-12-07T10:00:00+01:00"
SAFETY_QUESTION = "Êtes-vous en sécurité en ce moment ?"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"
CHECK_IN = {"event": "action", "name": "action_check_in", "timestamp": None}

# --- 1. r28-b-18: the thoughts denied plainly at the safety question are a clear no, and safe ----------------------

DENIALS = [
    "hein ?? non je pense pas du tout au suicide, c'est une image, je voulais dire que je suis lessivée",
    "mais je ne suis pas suicidaire, c'était une façon de parler, je suis juste crevé",
    "je pense pas au suicide, je parlais de ma trésorerie",
    "non non je ne veux pas me tuer, c'est une expression de chez nous",
]
NOT_A_DENIAL = [
    "non je pense pas au suicide mais j'ai peur de moi ce soir",
    "je pense pas au suicide pour l'instant",
    "non je pense pas au suicide, mais je suis pas en sécurité",
    "je pense pas au suicide, je suis seul et j'ai bu",
    "je ne pense pas au suicide, des fois peut-être",
    "non",
    "non je suis pas bien",
]


@pytest.mark.parametrize("typed", DENIALS)
def test_the_thoughts_denied_plainly_are_a_denial(typed):
    assert denies_the_thoughts_plainly(typed)


@pytest.mark.parametrize("typed", NOT_A_DENIAL)
def test_a_denial_with_a_reservation_fear_or_a_sign_is_none(typed):
    assert not denies_the_thoughts_plainly(typed)


def _safety_events(opening: str, answer: str, typed: str) -> list[dict]:
    return [
        user(opening, "express_overwhelm"),
        CHECK_IN,
        bot(suicide_question(None)),
        user(answer, "inform"),
        {"event": "slot", "name": "suicide_thoughts", "value": "not_clear_no", "timestamp": None},
        {"event": "action", "name": "action_crisis_response"},
        bot("Je préfère prendre votre réponse au sérieux. Vous pouvez appeler le 3114 dès maintenant."),
        bot(SAFETY_QUESTION),
        user(typed, "deny"),
    ]


OPENING = "le salon tourne plus, je suis rincée, on va tous y passer avec ces charges"


def _at_the_safety_question(typed: str, signs: list[str] | None = None):
    slots = {
        "requested_slot": "safe_now",
        "distress": True,
        "suicide_thoughts": "not_clear_no",
        "distress_signs": signs or ["ambiguous_worn_out", "direct_question"],
    }
    return tracker(_safety_events(OPENING, "non pas de date", typed), slots=slots, active_loop="safety_form")


@pytest.mark.parametrize("typed", DENIALS)
def test_a_denial_at_the_safety_question_is_safe(typed):
    assert extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed)) == {"safe_now": "safe"}


@pytest.mark.parametrize("typed", NOT_A_DENIAL)
def test_a_reserved_denial_is_never_safe(typed):
    said = extract(ValidateSafetyForm(), "extract_safe_now", _at_the_safety_question(typed))
    assert said.get("safe_now") != "safe"


def _after_the_safety_answer(typed: str, signs: list[str]):
    current = _at_the_safety_question(typed, signs)
    current.slots.update({"safe_now": "safe", "requested_slot": None})
    current.active_loop = {}
    return current


def test_the_denial_is_kept_as_a_clear_no_with_an_apology():
    typed = DENIALS[0]
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_the_safety_answer(typed, ["ambiguous_worn_out"]))
    said = " ".join(texts(dispatcher))
    assert THOUGHTS_DENIED_AT_SAFETY_REPLY in said and "tout de suite le 15" not in said
    assert slot_events(events).get("suicide_thoughts") == "clear_no"


def test_after_a_warning_sign_written_the_denial_is_believed_never_excused():
    # Round 27 (D9): a sign the person wrote is no misunderstanding of the bot's.
    typed = DENIALS[1]
    dispatcher, events = run(
        ActionAfterSafetyAnswer(), _after_the_safety_answer(typed, ["indirect_no_wake_relief", "direct_question"])
    )
    said = " ".join(texts(dispatcher))
    assert SAFE_AFTER_OWN_SIGN_REPLY in said and "malentendu" not in said
    assert slot_events(events).get("suicide_thoughts") == "clear_no"


# --- 2. r28-b-15: answered beside the point twice is no answer, never a clear no -----------------------------------

BESIDE_THE_POINT = [
    ("le Crédit Agricole me coupe l'autorisation de découvert sous 60 jours", "je suis tapissier à Basse-Terre"),
    ("l'huissier est passé pour la camionnette", "c'est une SARL, on est deux associés"),
]


@pytest.mark.parametrize("first, second", BESIDE_THE_POINT)
def test_two_answers_beside_the_point_are_never_a_clear_no(first, second):
    slots = {
        "requested_slot": "suicide_thoughts",
        "distress_level": 3,
        "paused_form": "situation_form",
        "difficulty_categories": ["banque"],
    }
    events = [
        user("je suis tapissier et j'en peux plus", "express_overwhelm"),
        CHECK_IN,
        bot(suicide_question(None)),
        user(first, "inform"),
        bot("Merci pour cette précision."),
        bot(suicide_question(None, again=True)),
        user(second, "inform"),
    ]
    current = tracker(events, slots, active_loop="direct_question_form")
    dispatcher, read = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", current)
    assert read["suicide_thoughts"] == "not_clear_no"
    assert NO_ANSWER_REASON in read["triage_reasons"]["overwhelm"]
    assert not any("Merci pour votre réponse" in line for line in texts(dispatcher))


# --- 3. r28-b-05: safety said at the offer after "..." at the safety question --------------------------------------


def _at_the_offer_after(first: str, typed: str, stored: str = "not_safe"):
    events = [
        user("je suis à bout, je dors plus", "express_overwhelm"),
        bot("Je vous pose la question simplement : pensez-vous au suicide ?"),
        user("bof", "inform"),
        {"event": "action", "name": "action_crisis_response"},
        bot("Je préfère prendre votre réponse au sérieux. Vous pouvez appeler le 3114 dès maintenant."),
        bot(SAFETY_QUESTION),
        user(first, "inform"),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": stored},
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Appelez tout de suite le 15 ou le 112."),
        bot(OFFER),
        user(typed, "deny"),
    ]
    slots = {
        "distress": True,
        "urgency": "critique",
        "safe_now": stored,
        "suicide_thoughts": "not_clear_no",
        "difficulty_categories": ["tresorerie"],
        "requested_slot": "wants_advisor",
    }
    return tracker(events, slots=slots, active_loop="handoff_form")


LATE_SAFE = [
    "non non je suis à la maison, ça va, c'est juste l'épuisement",
    "nan je suis chez moi tout va bien",
    "non mais je suis en sécurité, je suis juste vidé",
]


@pytest.mark.parametrize("typed", LATE_SAFE)
@pytest.mark.parametrize("first", ["...", "😶", "…"])
def test_safety_said_late_after_a_wordless_answer_is_safe_and_the_offer_asked_again(first, typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _at_the_offer_after(first, typed), DOMAIN)
    said = " ".join(texts(dispatcher))
    assert SAFETY_SAID_LATE in said
    assert "tout de suite le 15" not in said and "personne ne vous appellera" not in said
    slots = slot_events(events)
    assert slots.get("safe_now") == "safe"
    assert slots.get("wants_advisor") is None  # asked again, not refused


NOT_LATE_SAFE = [
    "non merci",
    "non je préfère pas",
    "non ça va pas trop",
    "non je suis chez moi mais j'ai peur",
    "non je suis seule chez moi",
]


@pytest.mark.parametrize("typed", NOT_LATE_SAFE)
def test_a_refusal_or_a_doubt_at_the_offer_never_makes_it_safe(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _at_the_offer_after("...", typed), DOMAIN)
    assert slot_events(events).get("safe_now") != "safe"
    assert SAFETY_SAID_LATE not in texts(dispatcher)


@pytest.mark.parametrize("typed", LATE_SAFE[:2])
def test_after_a_no_said_in_words_safety_is_not_made_safer_here(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", MONDAY_10H)
    dispatcher, events = run(ValidateHandoffForm(), _at_the_offer_after("non pas vraiment", typed), DOMAIN)
    assert SAFETY_SAID_LATE not in texts(dispatcher) and slot_events(events).get("safe_now") != "safe"


# --- 4. A no limited in time is no clear no (found while fixing r28-b-18) ------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "nan pas pour le moment",
        "je pense pas au suicide pour l'instant",
        "non, pas aujourd'hui",
        "me tuer, non, pas ce soir",
    ],
)
def test_a_no_limited_in_time_is_no_clear_no(typed):
    from triage.answers import CLEAR_NO, answer_to_suicide_question

    assert answer_to_suicide_question(typed) != CLEAR_NO


@pytest.mark.parametrize(
    "typed", ["non", "non, jamais", "non, pour l'instant je cherche juste un délai pour la TVA", "non pas du tout"]
)
def test_a_plain_no_or_a_time_of_the_business_stays_a_clear_no(typed):
    from triage.answers import CLEAR_NO, answer_to_suicide_question

    assert answer_to_suicide_question(typed) == CLEAR_NO


# --- 5. r28-b-05 (minor): a wordless answer to the safety question is not thanked as if something was said ------------


@pytest.mark.parametrize("typed, thanked", [("...", False), ("😶", False), ("non", True), ("non pas vraiment", True)])
def test_a_wordless_answer_is_not_thanked_for_saying_it(typed, thanked):
    current = _at_the_safety_question(typed)
    current.slots.update({"safe_now": "not_safe", "requested_slot": None})
    current.active_loop = {}
    dispatcher, _ = run(ActionAfterSafetyAnswer(), current)
    said = " ".join(texts(dispatcher))
    assert "tout de suite le 15" in said
    assert ("Merci de me l'avoir dit" in said) is thanked

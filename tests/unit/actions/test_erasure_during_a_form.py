"""Round 25: erasing asked in ordinary words while a form question waits, whatever the classifier read.

"je préfère tout supprimer", "effacez tout", "supprimez mes données" at an intake or handoff question got the rule of the
intent the classifier chose: the check-in (read as distress), the goodbye, the "why", the thanks, the acknowledgement of a
new fact. The 2026-12-06 fix of the intake's validation ("si finalement, supprimez tout" read as not understood) now holds
for every action a rule runs in the middle of a form (actions/erasure_actions.py, erasure_during_a_form): the offer, the
same as outside a form. And a no to the offer takes the question up again without reading the "non" as its answer (the
form's activation validated it: the consent was refused, the legal-form question passed).
"""

from __future__ import annotations

import pytest

from actions import services
from actions.ask_actions import ActionOutOfScope
from actions.crisis_actions import ActionCheckIn
from actions.erasure_actions import ERASE_OFFER, ERASE_OFFER_WITH_CASE, KEPT
from actions.handoff_actions import ActionHandoffThanks, ValidateHandoffForm
from actions.intake_actions import (
    ActionAcknowledgeSituation,
    ActionAnswerOutsideQuestion,
    ActionExplainQuestion,
    ActionStopConversation,
    ActionThanksDuringIntake,
    ValidateSituationForm,
)
from actions.questions import QUESTIONS
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

FIRST = "je suis boulanger, mon chiffre d'affaires baisse depuis des mois"
INTAKE = {"difficulty_categories": ["baisse_activite"], "trade": "boulanger"}
HANDOFF = {**INTAKE, "wants_advisor": True}

# The words, in several voices.
WORDS = [
    "je préfère tout supprimer",
    "effacez tout",
    "supprimez mes données",
    "je prefere tt supprimer jai trop peur",
    "laissez tomber, effacez tout svp",
    "euh supprimez tout ce que j'ai ecrit",
    "non en fait vous pouvez effacer mes donnees",
    "effacer tout point",
]
# The classifier's readings and the action the rules run for each, in the middle of a form.
READINGS = [
    ("express_overwhelm", ActionCheckIn),
    ("stop_conversation", ActionStopConversation),
    ("goodbye", ActionStopConversation),
    ("ask_why_question", ActionExplainQuestion),
    ("describe_situation", ActionAcknowledgeSituation),
    ("out_of_scope", ActionOutOfScope),
]
FORMS = [
    ("situation_form", "deadline", INTAKE, ActionThanksDuringIntake, ERASE_OFFER),
    ("handoff_form", "consent_given", HANDOFF, ActionHandoffThanks, ERASE_OFFER),
    (
        "handoff_form",
        "email",
        {**consented(), "case_reference": "RL-ABC123", "requested_slot": "email"},
        ActionHandoffThanks,
        ERASE_OFFER_WITH_CASE,
    ),
]


def _at(loop: str, slot: str, slots: dict, words: str, intent: str):
    events = [
        user(FIRST),
        *({"event": "slot", "name": k, "value": v} for k, v in slots.items()),
        {"event": "active_loop", "name": loop},
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot("La question en attente ?"),
        user(words, intent),
    ]
    return events, tracker(events, {**slots, "requested_slot": slot}, loop)


def _followup(events) -> str | None:
    return next((e["name"] for e in events if e.get("event") == "followup"), None)


@pytest.mark.parametrize("words", WORDS)
@pytest.mark.parametrize("intent, action", READINGS, ids=[r[0] for r in READINGS])
@pytest.mark.parametrize("loop, slot, slots, thanks, offer", FORMS, ids=["intake", "consent", "email-after-case"])
def test_erasing_at_a_form_question_gets_the_offer_whatever_the_reading(
    words, intent, action, loop, slot, slots, thanks, offer
):
    _, current = _at(loop, slot, slots, words, intent)
    dispatcher, events = run(action(), current)
    said = [m.get("text") for m in dispatcher.messages]
    assert said == [offer], said
    assert slot_events(events)["erasure_offered"] == loop
    assert _followup(events) == "action_listen"  # the yes or no first


@pytest.mark.parametrize("words", ["merci mais effacez tout", "merci, supprimez mes donnees svp"])
@pytest.mark.parametrize("loop, slot, slots, thanks, offer", FORMS, ids=["intake", "consent", "email-after-case"])
def test_erasing_said_with_a_thanks_gets_the_offer(words, loop, slot, slots, thanks, offer):
    _, current = _at(loop, slot, slots, words, "thank")
    dispatcher, _ = run(thanks(), current)
    assert [m.get("text") for m in dispatcher.messages] == [offer]


@pytest.mark.parametrize(
    "words, intent, action",
    [
        ("la banque a tout supprimé, j'en peux plus", "express_overwhelm", ActionCheckIn),
        ("ils ont supprimé mon découvert", "describe_situation", ActionAcknowledgeSituation),
        ("je veux en finir, supprimez tout", "express_overwhelm", ActionCheckIn),  # a warning sign: the check-in first
        ("vous pourrez tout effacer après ?", "ask_why_question", ActionExplainQuestion),
    ],
)
def test_no_offer_for_a_debt_erased_a_warning_sign_or_erasing_later(words, intent, action):
    _, current = _at("situation_form", "deadline", INTAKE, words, intent)
    dispatcher, _ = run(action(), current)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert ERASE_OFFER not in said


@pytest.mark.parametrize("no", ["non", "non merci", "nn", "non je garde"])
@pytest.mark.parametrize(
    "loop, slot, slots, action",
    [
        ("situation_form", "deadline", INTAKE, ActionCheckIn),
        ("situation_form", "legal_form", INTAKE, ActionStopConversation),
        ("handoff_form", "consent_given", HANDOFF, ActionExplainQuestion),
        ("handoff_form", "phone", {**HANDOFF, "consent_given": True}, ActionCheckIn),
    ],
)
def test_a_no_to_the_offer_takes_the_question_up_again_unanswered(no, loop, slot, slots, action):
    events, current = _at(loop, slot, slots, "je préfère tout supprimer", "express_overwhelm")
    dispatcher, produced = run(action(), current)
    offer = [m.get("text") for m in dispatcher.messages]
    events = [*events, *produced, *(bot(text) for text in offer), user(no, "deny")]
    after = {**slots, **slot_events(produced), "requested_slot": None}
    dispatcher, produced = run(ActionAnswerOutsideQuestion(), tracker(events, after))
    said = [m.get("text") or "" for m in dispatcher.messages]
    question, _ = QUESTIONS[slot].render(services.chamber(), after)
    assert said[0] == KEPT
    assert said[1:] == [question], said  # the question again, nothing read from the "non"
    changed = slot_events(produced)
    assert changed["requested_slot"] == slot and changed[slot] is None
    assert {"event": "active_loop", "name": loop} in [{k: e.get(k) for k in ("event", "name")} for e in produced]
    assert _followup(produced) == "action_listen"
    assert changed.get("consent_given") is not False


def test_the_form_validations_still_give_the_offer():
    # The 2026-12-06 fix (nlu_fallback in the intake's validation) and the handoff's own reading, unchanged.
    _, current = _at("situation_form", "deadline", INTAKE, "si finalement, supprimez tout", "nlu_fallback")
    dispatcher, _ = run(ValidateSituationForm(), current)
    assert [m.get("text") for m in dispatcher.messages] == [ERASE_OFFER]
    _, current = _at("handoff_form", "consent_given", HANDOFF, "non, effacez tout", "deny")
    dispatcher, _ = run(ValidateHandoffForm(), current)
    assert [m.get("text") for m in dispatcher.messages] == [ERASE_OFFER]

"""Round 26 (talk-a): safety said again after the safety question, and the act denied at it.

r26a-02: after the callback was refused, "je suis pas en securite" got "D'accord. Je reste là…", "je me sens pas en
sécurité ce soir" got "D'accord.", and `safe_now` stayed "safe". Any later "not safe" of the writer's own goes the crisis
way (the crisis guard), and gets the emergency numbers first and the safety recorded.

r26a-07: "oh la pourquoi vous me parlez de ça, je vais pas me foutre en l'air hein, je dis juste que c'est dur" at the
safety question was stored "not safe" with "Appelez tout de suite le 15", the "pourquoi" unanswered.
"""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionAfterSafetyAnswer, ActionCrisisResponse
from bot.components.crisis_guard import DISTRESS_INTENT, CrisisGuard
from guidance.crisis import SAFE_WITH_OBJECTION_REPLY
from tests.support.trackers import bot, run, slot_events, texts, tracker, user
from triage.answers import SAFE, answer_to_safety_question, says_unsafe

# The conversation of r26a-02 up to the refused callback: the crisis reply, "oui" to the safety question, a no to the
# callback offer.
_AFTER_THE_REFUSED_CALLBACK = [
    user("franchement je tiens plus", "express_overwhelm"),
    {"event": "action", "name": "action_crisis_response"},
    bot("Êtes-vous en sécurité en ce moment ?"),
    user("oui", "affirm"),
    {"event": "slot", "name": "safe_now", "value": "safe"},
    {"event": "action", "name": "action_after_safety_answer"},
    bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?"),
    user("enfin non pas vraiment", "deny"),
    {"event": "slot", "name": "wants_advisor", "value": False},
    bot("C'est entendu, personne ne vous appellera."),
]
_SLOTS = {"distress": True, "urgency": "critique", "safe_now": "safe", "wants_advisor": False}

NOT_SAFE_VOICES = [
    "je suis pas en securite",  # r26a-02, typed fast
    "je me sens pas en sécurité ce soir",  # r26a-02
    "je voulais dire je suis pas vraiment en sécurité",  # r26a-02, the misreading put right
    "jsuis pas en securite la",  # SMS
    "euh... en fait... je ne me sens plus en sécurité",  # hesitation
    "je ne suis pas en sécurité point",  # dictation
]


@pytest.mark.parametrize("words", NOT_SAFE_VOICES)
def test_the_writer_s_not_safe_goes_the_crisis_way(words):
    assert says_unsafe(words)


@pytest.mark.parametrize(
    "words",
    [
        "est-ce que je suis en sécurité ?",
        "si je suis pas en sécurité je fais quoi",
        "je ne suis pas en danger",
        "je suis en sécurité",
        "je ne suis pas en sécurité financièrement avec ce découvert",
        "mon chantier n'est pas en sécurité",
    ],
)
def test_a_question_a_condition_or_the_money_is_no_not_safe(words):
    assert not says_unsafe(words)


@pytest.mark.parametrize("words", NOT_SAFE_VOICES)
def test_the_crisis_guard_sends_not_safe_to_the_crisis_path(words):
    from rasa.shared.nlu.training_data.message import Message

    message = Message(data={"text": words, "intent": {"name": "deny", "confidence": 0.7}, "intent_ranking": []})
    CrisisGuard({"classifier_only_threshold": 0.95}).process([message])
    assert message.get("intent")["name"] == DISTRESS_INTENT


@pytest.mark.parametrize("words", NOT_SAFE_VOICES)
def test_not_safe_after_the_refused_callback_gets_the_numbers_and_is_recorded(words):
    t = tracker([*_AFTER_THE_REFUSED_CALLBACK, user(words, DISTRESS_INTENT)], slots=_SLOTS)
    dispatcher, events = run(ActionCrisisResponse(), t)
    said = texts(dispatcher)
    assert said and "15" in said[0] and "112" in said[0] and "3114" in said[0]
    assert len(said) == 1 and said[0].count(".") <= 3
    assert "Êtes-vous en sécurité" not in " ".join(said)
    slots = slot_events(events)
    assert slots["safe_now"] == "not_safe"
    # The callback, refused while the person said they were safe, is offered once more.
    assert slots["wants_advisor"] is None
    assert {"event": "followup", "name": "handoff_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]


def test_not_safe_said_a_second_time_gets_other_words_and_no_offer_again():
    first = [*_AFTER_THE_REFUSED_CALLBACK, user("je suis pas en securite", DISTRESS_INTENT)]
    t = tracker(
        [
            *first,
            {"event": "slot", "name": "safe_now", "value": "not_safe"},
            bot("Merci de me l'avoir dit. Appelez tout de suite le 15 ou le 112."),
            user("je me sens pas en sécurité ce soir", DISTRESS_INTENT),
        ],
        slots={**_SLOTS, "safe_now": "not_safe"},
    )
    dispatcher, events = run(ActionCrisisResponse(), t)
    said = texts(dispatcher)
    assert said[0].startswith("Je vous entends.") and "112" in said[0]
    assert {"event": "followup", "name": "action_listen"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]


DENIED_ACT_VOICES = [
    "oh la pourquoi vous me parlez de ça, je vais pas me foutre en l'air hein, je dis juste que c'est dur",  # r26a-07
    "je vais pas me foutre en l air hein",  # unaccented
    "jvais pas me tuer hein c juste dur",  # SMS
    "non mais euh... je vais pas me suicider, c'est juste dur en ce moment",  # hesitation
    "je vais pas faire de bêtise virgule c'est juste la boîte",  # dictation
]


@pytest.mark.parametrize("words", DENIED_ACT_VOICES)
def test_the_act_denied_at_the_safety_question_is_no_danger_and_the_question_explained(words):
    assert answer_to_safety_question(words) == SAFE
    t = tracker(
        [
            user("ma femme paye tout, je suis devenu un poids pour eux", DISTRESS_INTENT),
            {"event": "action", "name": "action_crisis_response"},
            bot("Êtes-vous en sécurité en ce moment ?"),
            user(words, "deny"),
        ],
        slots={"distress": True, "safe_now": SAFE},
    )
    dispatcher, _ = run(ActionAfterSafetyAnswer(), t)
    said = " ".join(texts(dispatcher))
    assert SAFE_WITH_OBJECTION_REPLY in said
    assert "Appelez tout de suite" not in said


@pytest.mark.parametrize(
    "words",
    [
        "je vais pas me tuer ce soir",
        "je vais pas me foutre en l'air pour l'instant",
        "je vais pas me tuer mais j'y pense",
        "je vais pas faire de bêtise mais j'ai peur",
        "je vais pas me tuer, ma famille serait mieux sans moi de toute façon",
    ],
)
def test_a_denial_limited_in_time_or_with_a_sign_stays_not_safe(words):
    assert answer_to_safety_question(words) != SAFE

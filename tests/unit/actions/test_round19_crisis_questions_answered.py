"""Round 19 (r19b-07, r19b-08, r19c-11, r19b-04, r19b-11, r19b-02): on the crisis path, questions about the helplines
and one's own worry answered, a return after calling the 3114 welcomed, a hesitant yes with someone near answered for
its doubt, the callback door said again in a goodbye after a new sign; over real trackers and real actions. Sentences
written for these tests; near misses beside them."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.crisis_actions import (
    CALL_WISH_HEARD,
    DOUBT_WITH_COMPANY_REPLY,
    LINE_CALLED_REPLY,
    LINE_HELPED_REPLY,
    SAFE_LEAVING_OFFER_AGAIN,
    ActionAfterSafetyAnswer,
    ActionCrisisResponse,
    crisis_in_form_reply,
)
from tests.support.trackers import run, slot_events, texts, tracker, user

CRISIS_DONE = [
    user("parfois je me dis que tout serait plus simple si je n'étais plus là", "express_distress"),
    {"event": "action", "name": "action_crisis_response"},
    {"event": "bot", "timestamp": 1, "text": "Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."},
    {"event": "bot", "timestamp": 2, "text": "Êtes-vous en sécurité en ce moment ?"},
    user("oui là ça va", "affirm"),
    {"event": "action", "name": "action_after_safety_answer"},
    {"event": "bot", "timestamp": 3, "text": "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"},
]


def _at_offer(words: str, intent: str = "out_of_scope", **slots):
    return tracker(
        [*CRISIS_DONE, user(words, intent)],
        slots={"distress": True, "safe_now": "safe", "requested_slot": "wants_advisor", **slots},
        active_loop="handoff_form",
    )


def _in_form(words: str, intent: str = "nlu_fallback", **slots):
    dispatcher = __import__("rasa_sdk.executor", fromlist=["CollectingDispatcher"]).CollectingDispatcher()
    events = crisis_in_form_reply(dispatcher, _at_offer(words, intent, **slots))
    return [m.get("text") for m in dispatcher.messages], events


@pytest.mark.parametrize(
    "words, expected",
    [
        ("au 3114 ils vont me dire de me secouer, non ?", "des professionnels formés à l'écoute"),
        ("c'est grave ce que je viens de vous écrire ?", "important, et vous avez bien fait de le dire"),
        ("faut vraiment que j'appelle le 15 ? je veux pas déranger", "vous ne dérangez personne, c'est leur rôle"),
    ],
)
def test_questions_read_as_out_of_scope_are_answered(words, expected):
    dispatcher, _ = run(ActionOutOfScope(), _at_offer(words))
    said = " ".join(texts(dispatcher))
    assert expected in said
    assert "Je ne peux pas vous aider sur ce sujet" not in said
    assert said.count(".") <= 4  # at most three short sentences (the 3114's number has none)


def test_a_relative_who_cannot_reach_is_told_to_call_the_15_now():
    events = [
        *CRISIS_DONE[:-3],
        user("je sais pas où elle est, elle répond plus depuis hier", "inform"),
        {"event": "action", "name": "action_after_safety_answer"},
    ]
    current = tracker(
        [*events, user("je dois vraiment appeler les secours ? j'ai peur de les embêter", "nlu_fallback")],
        slots={
            "distress": True,
            "safe_now": "not_safe",
            "requested_slot": "wants_advisor",
            "person_at_risk": "ma sœur",
        },
        active_loop="handoff_form",
    )
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    result = crisis_in_form_reply(dispatcher, current)
    said = dispatcher.messages[0]["text"]
    assert said.startswith("Oui, appelez le 15 ou le 112 maintenant : vous ne dérangez personne")
    assert "conseillers de la chambre" not in said
    assert slot_events(result) == {"wants_advisor": None, "consent_given": None}


def test_the_worry_of_a_relative_is_taken_seriously():
    said, _ = _in_form("est-ce que c'est grave ce que je vous ai raconté ?", person_at_risk="mon oncle")
    assert said == [
        "Ce que vous décrivez est sérieux, et vous avez bien fait d'en parler. Si vous pensez que votre oncle est en "
        "danger maintenant, appelez le 15 ou le 112 ; le 3114 répond aussi aux proches, jour et nuit, gratuitement."
    ]


@pytest.mark.parametrize(
    "words",
    [
        "c'est gratuit ?",  # the service's question, answered elsewhere
        "je dois payer l'urssaf avant le 15 ?",
        "ok j'appelle le 15",
    ],
)
def test_near_misses_are_not_answered_as_crisis_questions(words):
    dispatcher, _ = run(ActionOutOfScope(), _at_offer(words))
    said = " ".join(texts(dispatcher))
    assert "professionnels formés à l'écoute" not in said and "c'est leur rôle" not in said


def test_no_answer_before_the_crisis_path():
    current = tracker([user("c'est grave ce que je vous ai dit ?", "out_of_scope")], slots={"distress": False})
    dispatcher, _ = run(ActionOutOfScope(), current)
    assert "bien fait de le dire" not in " ".join(texts(dispatcher))


# --- back after calling the 3114 ---------------------------------------------------------------------------------------


def test_back_after_the_line_at_the_name_question_asks_the_name_again():
    said, events = _in_form(
        "me revoilà. j'ai eu le 3114 cette nuit, ça m'a aidé. je veux bien le conseiller pour le bail",
        "express_distress",
        requested_slot="contact_name",
        wants_advisor=True,
        consent_given=True,
    )
    assert said == [LINE_HELPED_REPLY]
    assert slot_events(events) == {"contact_name": None}


def test_back_after_the_line_outside_a_form_opens_the_callback():
    current = tracker(
        [
            *CRISIS_DONE,
            user("bonjour, j'ai appelé le 3114 hier. je voudrais un conseiller maintenant", "express_distress"),
        ],
        slots={"distress": True, "safe_now": "safe", "wants_advisor": None},
    )
    dispatcher, events = run(ActionCrisisResponse(), current)
    assert texts(dispatcher) == [f"{LINE_CALLED_REPLY} {CALL_WISH_HEARD}"]
    assert slot_events(events)["wants_advisor"] is True
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "handoff_form"}


def test_a_new_sign_with_the_line_named_keeps_the_crisis_path():
    current = tracker(
        [*CRISIS_DONE, user("j'ai appelé le 3114 mais je pense encore à en finir ce soir", "express_distress")],
        slots={"distress": True, "safe_now": "safe"},
    )
    dispatcher, events = run(ActionCrisisResponse(), current)
    assert "3114 dès maintenant" in texts(dispatcher)[0]
    assert slot_events(events)["safe_now"] is None


# --- the safety answers ------------------------------------------------------------------------------------------------


def _after_safety(words: str, reading: str, **slots):
    events = [*CRISIS_DONE[:4], user(words, "inform")]
    return tracker(events, slots={"distress": True, "safe_now": reading, **slots})


def test_a_hesitant_yes_with_someone_near_is_answered_for_its_doubt():
    dispatcher, _ = run(
        ActionAfterSafetyAnswer(), _after_safety("chais pas... oui je pense, mon mari est à côté", "unsure")
    )
    assert texts(dispatcher) == [DOUBT_WITH_COMPANY_REPLY]


def test_a_sure_yes_with_someone_near_keeps_its_welcome():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety("mes enfants dorment à côté", "unsure"))
    assert texts(dispatcher)[0].startswith("Merci, c'est bien d'avoir quelqu'un près de vous.")


def test_a_goodbye_after_a_call_declined_says_the_door_again():
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety("oui. bonne nuit", "safe", wants_advisor=False))
    assert texts(dispatcher) == [SAFE_LEAVING_OFFER_AGAIN]
    assert events[-1]["name"] == "action_listen"


def test_a_goodbye_without_a_call_declined_keeps_its_words():
    dispatcher, _ = run(ActionAfterSafetyAnswer(), _after_safety("oui. bonne nuit", "safe"))
    assert texts(dispatcher) != [SAFE_LEAVING_OFFER_AGAIN]
    assert texts(dispatcher)[0].startswith("Je suis soulagé de le lire.")

"""Round 12 of off-script conversations (b.md B5, B7, B18): after the crisis part, the first steps are given (the
`distress` slot kept them back for the rest of the conversation); the safety question's answers that take it lightly get
a reply that fits, never "Merci de me l'avoir dit. Appelez tout de suite le 15"; an illness told with a clear no to the
direct question is heard."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.business_questions import STEPS_AFTER_CRISIS, STEPS_AFTER_CRISIS_INTRO, first_steps_after_crisis
from actions.crisis_actions import (
    JOKE_SAFETY_REPLY,
    NUMBERS_REFUSED_SAFETY_REPLY,
    WHY_SAFETY_REPLY,
    ActionAfterClearNo,
    ActionAfterSafetyAnswer,
    ValidateSafetyForm,
    asks_about_the_business,
)
from guidance.crisis import ASK_AGAIN_FIRST, BUSINESS_QUESTION_DOOR, NOT_SAFE_REPLY
from tests.support.trackers import bot, run, texts, tracker, user
from triage.answers import WHY_ASKED, answer_to_safety_question

CRISIS = [
    {"event": "action", "name": "action_crisis_response"},
    bot("Merci de me l'avoir confié. Vous pouvez appeler le 3114 dès maintenant."),
    {"event": "slot", "name": "safe_now", "value": None},
    bot("Êtes-vous en sécurité en ce moment ?"),
]


def _listens(events) -> bool:
    return any(e.get("event") == "followup" and e.get("name") == "action_listen" for e in events)


def _after_safety(text: str, intent: str = "inform"):
    safe_now = answer_to_safety_question(text)
    events = [
        *CRISIS,
        user(text, intent),
        {"event": "action", "name": "safety_form"},
        {"event": "slot", "name": "safe_now", "value": safe_now},
    ]
    slots = {"distress": True, "safe_now": safe_now, "urgency": "critique"}
    return tracker(events, slots=slots)


@pytest.mark.parametrize(
    "typed, reply",
    [
        ("mdr non je plaisantais, c'était pour rire", JOKE_SAFETY_REPLY),
        ("lol non jrigolais", JOKE_SAFETY_REPLY),
        ("arrêtez avec vos numéros, j'appellerai personne", NUMBERS_REFUSED_SAFETY_REPLY),
        ("pk vous dites ca, je voulais juste une info", WHY_SAFETY_REPLY),
    ],
)
def test_an_answer_taking_the_question_lightly_gets_its_own_reply(typed, reply):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "stop_conversation"))
    said = texts(dispatcher)
    assert said[0] == reply
    assert all("Merci de me l'avoir dit" not in text and text != NOT_SAFE_REPLY for text in said)
    assert "3114" in said[0]  # safety never dropped
    assert len(said[0].split(". ")) <= 3
    assert _listens(events) is (reply == NUMBERS_REFUSED_SAFETY_REPLY)  # calls refused: no offer pushed


@pytest.mark.parametrize(
    "typed, step_words",
    [
        (
            "arretez avec vos numeros, j'appellerai personne. dites moi juste si je peux etaler ma tva",
            ("impôts", "TVA"),
        ),
        ("stop avec le 3114 svp. je fais comment pour avoir un delai a l'urssaf", ("URSSAF", "urssaf")),
    ],
)
def test_the_numbers_refused_with_a_business_question_gets_the_question_taken_up(typed, step_words):
    dispatcher, events = run(ActionAfterSafetyAnswer(), _after_safety(typed, "out_of_scope"))
    said = texts(dispatcher)
    assert said[0] == NUMBERS_REFUSED_SAFETY_REPLY
    assert said[1].startswith("Pour votre question") and any(word in said[1] for word in step_words)
    assert said[-1] == BUSINESS_QUESTION_DOOR and _listens(events)


def test_why_the_question_gets_its_reason_and_the_question_once_more():
    events = [*CRISIS, user("pourquoi vous me dites ca, je demandais juste un renseignement", "ask_why_question")]
    t = tracker(events, slots={"requested_slot": "safe_now", "distress": True}, active_loop="safety_form")
    dispatcher = CollectingDispatcher()
    import asyncio

    read = asyncio.run(ValidateSafetyForm().extract_safe_now(dispatcher, t, {}))
    assert read == {"safe_now": None}
    assert texts(dispatcher) == [ASK_AGAIN_FIRST[WHY_ASKED]]


@pytest.mark.parametrize(
    "typed",
    [
        "bon alors pour l'urssaf je fais quoi concretement",
        "et donc pour les factures impayées ?",
        "dites moi juste si je peux etaler la tva",
        "je voudrais savoir si je peux avoir un échéancier",
    ],
)
def test_a_business_question_asked_without_its_question_mark_is_read_as_one(typed):
    assert asks_about_the_business(typed)


@pytest.mark.parametrize(
    "typed", ["oui", "non merci", "d'accord je vais y réfléchir", "je veux mourir, je fais quoi ?"]
)
def test_a_yes_a_no_or_a_warning_sign_is_no_business_question(typed):
    assert not asks_about_the_business(typed)


def _intake_done(extra_events: list | None = None, **slots):
    events = [
        *CRISIS,
        user("des fois oui", "affirm"),
        {"event": "slot", "name": "safe_now", "value": "unsure"},
        {"event": "action", "name": "action_after_safety_answer"},
        bot("Je comprends que ce n'est pas tout à fait sûr."),
        *(extra_events or []),
        user("vers chartres", "inform"),
    ]
    values = {
        "distress": True,
        "urgency": "critique",
        "difficulty_categories": ["cotisations_sociales"],
        "departement": "28",
        "safe_now": "unsure",
        **slots,
    }
    return tracker(events, slots=values)


def test_the_first_steps_follow_the_crisis_part_shortly():
    dispatcher = CollectingDispatcher()
    events = first_steps_after_crisis(dispatcher, _intake_done())
    said = texts(dispatcher)
    assert said[0] == STEPS_AFTER_CRISIS_INTRO
    assert 2 <= len(said) <= 1 + STEPS_AFTER_CRISIS
    given = next(e for e in events if e.get("name") == "guidance_given")["value"]
    assert len(given) == len(said) - 1


def test_the_first_steps_are_not_given_twice():
    dispatcher = CollectingDispatcher()
    first = first_steps_after_crisis(dispatcher, _intake_done())
    given = next(e for e in first if e.get("name") == "guidance_given")["value"]
    again = CollectingDispatcher()
    events = first_steps_after_crisis(again, _intake_done(guidance_given=given))
    now = [e for e in events if e.get("name") == "guidance_given"]
    added = now[0]["value"][len(given) :] if now else []
    assert not {entry["id"] for entry in added} & {entry["id"] for entry in given}


@pytest.mark.parametrize(
    "extra",
    [
        # A new crisis reply whose safety question is not answered yet: the numbers come first, the steps wait.
        [{"event": "action", "name": "action_crisis_response"}, {"event": "slot", "name": "safe_now", "value": None}],
    ],
)
def test_no_steps_while_the_safety_question_waits(extra):
    dispatcher = CollectingDispatcher()
    assert first_steps_after_crisis(dispatcher, _intake_done(extra)) == [] and dispatcher.messages == []


def test_no_steps_before_the_safety_question_was_ever_answered():
    events = [*CRISIS, user("vers chartres", "inform")]
    t = tracker(
        events, slots={"distress": True, "difficulty_categories": ["cotisations_sociales"], "urgency": "critique"}
    )
    dispatcher = CollectingDispatcher()
    assert first_steps_after_crisis(dispatcher, t) == [] and dispatcher.messages == []


@pytest.mark.parametrize(
    "typed, prognosis",
    [
        ("non c'est pas ca, c'est la maladie, les medecins sont pas tres optimistes", True),
        ("non jamais. j'ai un cancer et l'oncologue est pessimiste", True),
        ("non, c'est juste la chimio qui me fatigue", False),
        ("non pas du tout, mon mari est malade depuis l'été", False),
    ],
)
def test_an_illness_told_with_a_clear_no_is_heard(typed, prognosis):
    events = [{"event": "action", "name": "action_check_in"}, bot("question"), user(typed, "deny")]
    t = tracker(events, slots={"suicide_thoughts": "clear_no", "paused_form": "situation_form"})
    dispatcher, _ = run(ActionAfterClearNo(), t)
    said = " ".join(texts(dispatcher))
    assert said.startswith("Je suis vraiment désolé pour cette maladie")
    assert ("médecins" in said) is prognosis
    assert "Merci pour votre réponse" not in said and "3114" in said


@pytest.mark.parametrize("typed", ["non pas du tout", "non ça me rend malade tout ce stress mais non"])
def test_a_clear_no_without_an_illness_is_thanked_as_before(typed):
    events = [{"event": "action", "name": "action_check_in"}, bot("question"), user(typed, "deny")]
    t = tracker(events, slots={"suicide_thoughts": "clear_no", "paused_form": "situation_form"})
    dispatcher, _ = run(ActionAfterClearNo(), t)
    assert texts(dispatcher)[0].startswith("Merci pour votre réponse")


@pytest.mark.parametrize(
    "step, said",
    [
        ("Votre service des impôts peut…", "votre service des impôts peut…"),
        ("Le Médiateur des entreprises aide…", "le Médiateur des entreprises aide…"),
        ("URSSAF : demandez un délai…", "URSSAF : demandez un délai…"),
        ("Banque de France : la médiation…", "Banque de France : la médiation…"),
    ],
)
def test_after_the_colon_a_common_word_takes_no_capital(step, said):
    from actions.business_questions import _after_colon

    assert _after_colon(step) == said


def test_the_guidance_action_gives_the_first_steps_after_the_crisis_part():
    # Wired in actions/intake_actions.py: the distress slot stays set, and the guidance action said nothing (r12b-02).
    from actions.intake_actions import ActionGiveGuidance

    dispatcher, events = run(ActionGiveGuidance(), _intake_done())
    said = texts(dispatcher)
    assert said and said[0] == STEPS_AFTER_CRISIS_INTRO
    assert any(e.get("name") == "guidance_given" and e.get("value") for e in events)


@pytest.mark.parametrize(
    "opening, relative",
    [
        ("je suis la femme d'un plombier, il est au plus mal depuis que l'urssaf lui réclame 14000", "votre mari"),
        ("bonjour c'est pour mon père qui est boulanger, il va très mal, il ne dort plus", "votre père"),
    ],
)
def test_a_check_in_brought_by_the_words_alone_is_about_the_person_written_for(opening, relative):
    # Round 12 (me12-1): no sign for the triage, the check-in came from the understanding of the words, and the wife
    # was asked whether she herself thought of suicide.
    from actions.crisis_actions import ActionCheckIn
    from guidance.crisis import suicide_question

    current = tracker([user(opening, "express_overwhelm")], slots={"distress_signs": [], "person_at_risk": None})
    dispatcher, _ = run(ActionCheckIn(), current)
    assert relative in texts(dispatcher)[0]
    from actions.crisis_actions import person_at_risk

    assert relative in suicide_question(person_at_risk(current))


def test_the_writers_own_check_in_stays_theirs():
    from actions.crisis_actions import ActionCheckIn
    from guidance.crisis import CHECK_IN

    current = tracker(
        [user("je suis plombier, l'urssaf me réclame 14000 et je suis au bout du rouleau", "express_overwhelm")],
        slots={"distress_signs": [], "person_at_risk": None},
    )
    dispatcher, _ = run(ActionCheckIn(), current)
    assert texts(dispatcher)[0] == CHECK_IN

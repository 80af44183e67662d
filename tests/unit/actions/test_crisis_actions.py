"""The crisis path's actions over real trackers: numbers first, the one-tap safety question, the
direct question for ambiguous distress, a clear no resuming the conversation, bereavement."""

from __future__ import annotations

import logging

import pytest

from actions.crisis_actions import (
    ActionAfterClearNo,
    ActionAskSafeNow,
    ActionAskSuicideThoughts,
    ActionBereavementSupport,
    ActionCheckIn,
    ActionCrisisResponse,
    ValidateDirectQuestionForm,
    ValidateSafetyForm,
    changes_the_subject,
)
from actions.handoff import NO_ANSWER_REASON
from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ActionAnswerOutsideQuestion, ActionHandleMisunderstanding, ValidateSituationForm
from actions.triage_actions import ValidateTriageSlots
from guidance.crisis import SAFETY_QUESTION, SUICIDE_QUESTION, SUICIDE_QUESTION_AGAIN
from tests.support.trackers import bot, run_extract, slot_events, texts, tracker, user
from tests.unit.actions.test_actions import run, run_coroutine


def extract(action, method, tracker_):
    from rasa_sdk.executor import CollectingDispatcher

    return run_coroutine(getattr(action, method)(CollectingDispatcher(), tracker_, {}))


def test_crisis_reply_gives_numbers_first_closes_the_form_and_leaves_the_question_to_its_form():
    dispatcher, events = run(
        ActionCrisisResponse(),
        tracker([user("je veux en finir avec la vie", "express_distress")], active_loop="situation_form"),
    )
    said = texts(dispatcher)
    assert "3114" in said[0]
    assert "15" in said[1] and "112" in said[1] and "114 par SMS si vous ne pouvez pas parler ou entendre" in said[1]
    assert "rappeler" in said[-1]
    # No buttons on the callback offer: they belong to the safety question.
    assert not any(message.get("buttons") for message in dispatcher.messages)
    assert not any("en sécurité" in text for text in said)
    slots = slot_events(events)
    assert slots["distress"] is True and slots["urgency"] == "critique" and slots["safe_now"] is None
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]


def test_the_safety_question_carries_the_one_tap_answers():
    dispatcher, _ = run(ActionAskSafeNow(), tracker())
    (message,) = dispatcher.messages
    assert message["text"] == "Êtes-vous en sécurité en ce moment ?"
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny"]
    assert message["buttons"][0]["title"] == "Oui, je suis en sécurité"


@pytest.mark.parametrize(
    "typed, intent, expected",
    [
        ("oui ça va", "affirm", "safe"),
        ("/affirm", "affirm", "safe"),
        ("non pas vraiment", "deny", "not_safe"),
        ("non", "deny", "not_safe"),
        ("je sais pas", "skip_question", "not_safe"),
        ("/deny", "deny", "not_safe"),
    ],
)
def test_free_answers_to_the_safety_question(typed, intent, expected):
    t = tracker([user(typed, intent)], slots={"requested_slot": "safe_now"}, active_loop="safety_form")
    assert extract(ValidateSafetyForm(), "extract_safe_now", t) == {"safe_now": expected}


@pytest.mark.parametrize(
    "typed, person, expected",
    [
        # Round 5 of off-script conversations: relatives who told where the person was were told "Appelez tout de suite
        # le 15 ou le 112", and the case said "pas en sécurité selon ce proche".
        ("je pense oui, il est sur un chantier. vous pouvez l'aider pour le tribunal?", "mon compagnon", "unsure"),
        ("elle est avec son copain ce soir. qu'est ce que je peux lui dire?", "ma fille", "unsure"),
        ("oui je crois", "mon mari", "unsure"),
        ("oui je crois", None, "unsure"),  # the artisan's own doubt: its own true reply (round 9)
        ("il est seul chez lui", "mon mari", "not_safe"),
        ("je sais pas où il est", "mon mari", "not_safe"),
        ("il ne répond plus au téléphone", "mon père", "not_safe"),
        ("je sais pas", "mon père", "not_safe"),
        # Round 17: company is no safety plan, the yes of someone close is not certain (round 16: r16a-09).
        ("oui il est avec moi", "mon père", "unsure"),
        # Replays of round 5: any place or company said, nothing alarming with it.
        ("je crois qu'il est a la boucherie, enfin c'est ce qu'il m'a dit ce matin au tel", "mon frère", "unsure"),
        ("il devrait etre a l'atelier je pense, je l'ai pas eu depuis midi", "mon mari", "not_safe"),
        ("il est au bout du rouleau", "mon mari", "not_safe"),
    ],
)
def test_a_relatives_answer_about_the_persons_safety(typed, person, expected):
    t = tracker(
        [user(typed, "inform")],
        slots={"requested_slot": "safe_now", "person_at_risk": person},
        active_loop="safety_form",
    )
    assert extract(ValidateSafetyForm(), "extract_safe_now", t) == {"safe_now": expected}


def test_the_safety_form_reads_nothing_when_it_is_not_asking():
    t = tracker([user("oui", "affirm")], slots={"requested_slot": "phone"})
    assert extract(ValidateSafetyForm(), "extract_safe_now", t) == {}


def test_check_in_outside_a_form_without_facts_asks_and_pauses_nothing():
    dispatcher, events = run(ActionCheckIn(), tracker([user("je suis à bout", "express_overwhelm")]))
    assert texts(dispatcher) == ["Ce que vous traversez a l'air vraiment lourd, et je vous remercie de me le confier."]
    assert slot_events(events) == {"suicide_thoughts": None, "paused_form": None}


def test_check_in_during_the_intake_pauses_it():
    _, events = run(
        ActionCheckIn(), tracker([user("je suis à bout", "express_overwhelm")], active_loop="situation_form")
    )
    assert slot_events(events)["paused_form"] == "situation_form"


def test_check_in_with_business_facts_before_the_intake_pauses_the_intake_to_come():
    slots = {"difficulty_categories": ["cotisations_sociales"], "urgency": "normale", "distress": False}
    _, events = run(
        ActionCheckIn(),
        tracker([user("l'urssaf me réclame 12000 € je n'en peux plus", "express_overwhelm")], slots=slots),
    )
    assert slot_events(events)["paused_form"] == "situation_form"


@pytest.mark.parametrize("active_loop, resumed", [("situation_form", "situation_form"), (None, "action_listen")])
def test_the_direct_question_is_asked_once(active_loop, resumed):
    t = tracker(
        [user("je suis crevée", "express_overwhelm")], slots={"suicide_thoughts": "clear_no"}, active_loop=active_loop
    )
    dispatcher, events = run(ActionCheckIn(), t)
    assert "3114" not in " ".join(texts(dispatcher)) and "suicide" not in " ".join(texts(dispatcher))
    assert events == [{"event": "followup", "timestamp": None, "name": resumed}]


def test_the_direct_question_names_suicide():
    dispatcher, _ = run(ActionAskSuicideThoughts(), tracker())
    assert "suicide" in texts(dispatcher)[0] and texts(dispatcher)[0].endswith("?")
    assert not dispatcher.messages[0].get("buttons")


@pytest.mark.parametrize(
    "typed, intent, expected",
    [
        ("non", "deny", "clear_no"),
        ("non pas du tout, je veux juste sauver ma boîte", "deny", "clear_no"),
        ("oui", "affirm", "not_clear_no"),
        ("peut-être", "inform", "not_clear_no"),
        ("parfois", "inform", "not_clear_no"),
        ("...", "nlu_fallback", "not_clear_no"),
        # A difficulty told with a hedge or a yes is read at once; told alone it is asked again (below).
        ("des fois, l'urssaf me réclame 3 trimestres", "describe_situation", "not_clear_no"),
        ("oui, avec l'urssaf qui me réclame 3 trimestres", "affirm", "not_clear_no"),
    ],
)
def test_answers_to_the_direct_question(typed, intent, expected):
    t = tracker([user(typed, intent)], slots={"requested_slot": "suicide_thoughts"}, active_loop="direct_question_form")
    assert extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", t) == {"suicide_thoughts": expected}


def test_a_clear_no_outside_a_form_gives_the_3114_once_and_opens_the_conversation():
    dispatcher, events = run(ActionAfterClearNo(), tracker([user("non", "deny")], slots={"paused_form": None}))
    said = " ".join(texts(dispatcher))
    assert said.count("3114") == 1 and said.endswith("?")
    assert events == []


def test_a_clear_no_during_the_intake_leaves_the_question_to_the_form():
    slots = {"paused_form": "situation_form", "difficulty_categories": ["cotisations_sociales"], "urgency": "normale"}
    dispatcher, _ = run(ActionAfterClearNo(), tracker([user("non", "deny")], slots=slots))
    said = texts(dispatcher)
    assert len(said) == 2 and "3114" in said[0]
    # The intake had not started: what was understood is said before its first question.
    assert said[-1].startswith("Si je comprends bien") and not said[-1].endswith("?")


def test_not_a_clear_no_takes_the_crisis_path_and_the_case_says_why(caplog):
    slots = {
        "suicide_thoughts": "not_clear_no",
        "distress": False,
        "distress_level": 3,
        "distress_signs": ["ambiguous_exhaustion"],
        "triage_reasons": {"cotisations_sociales": ["« l'urssaf »"]},
    }
    with caplog.at_level(logging.INFO, logger="actions.crisis_actions"):
        _, events = run(ActionCrisisResponse(), tracker([user("je sais pas", "skip_question")], slots=slots))
    slots_set = slot_events(events)
    assert slots_set["distress"] is True
    assert slots_set["distress_signs"] == ["ambiguous_exhaustion", "direct_question_not_a_clear_no"]
    assert slots_set["triage_reasons"]["distress"] == ["réponse à « pensez-vous au suicide ? » : « je sais pas »"]
    assert slots_set["triage_reasons"]["cotisations_sociales"] == ["« l'urssaf »"]
    # Logs carry the level and the rule, never the words.
    assert "direct_question_not_a_clear_no" in caplog.text and "je sais pas" not in caplog.text


def test_bereaved_by_suicide_gets_sympathy_and_the_3114():
    dispatcher, events = run(
        ActionBereavementSupport(), tracker([user("mon mari s'est suicidé", "express_bereavement")])
    )
    said = texts(dispatcher)[0]
    assert "désolé" in said and "3114" in said and "proches" in said
    assert events == []


def test_triage_slots_record_the_level_and_rule_of_a_sign_in_the_second_message():
    t = tracker(
        [
            user("la banque me refuse le prêt"),
            user("de toute façon ma famille serait mieux sans moi", "express_distress"),
        ]
    )
    _, events = run(ValidateTriageSlots(), t)
    slots = slot_events(events)
    assert slots["distress"] is True and slots["urgency"] == "critique"
    assert slots["distress_level"] == 2
    assert slots["distress_signs"] == ["indirect_better_off_without_me"]
    assert "banque" in slots["difficulty_categories"]
    assert any("indirect_better_off_without_me" in reason for reason in slots["triage_reasons"]["distress_signs"])


def test_triage_slots_leave_distress_false_for_ambiguous_distress():
    _, events = run(ValidateTriageSlots(), tracker([user("je n'en peux plus", "express_overwhelm")]))
    slots = slot_events(events)
    assert slots["distress_level"] == 3 and slots.get("distress", False) is False


@pytest.mark.parametrize("consent", [True, False])
@pytest.mark.parametrize("distress", [True, False])
def test_the_end_of_a_handoff_after_distress_repeats_the_3114(consent, distress):
    from actions.handoff_actions import ActionFinishHandoff
    from tests.unit.actions.test_actions import handoff_slots

    slots = handoff_slots(consent_given=consent, distress=distress, urgency="critique" if distress else "normale")
    dispatcher, _ = run(ActionFinishHandoff(), tracker([user("je veux mourir", "express_distress")], slots=slots))
    assert ("3114" in texts(dispatcher)[0]) is distress


def _action(name: str) -> dict:
    return {"event": "action", "name": name}


# The simulator's long paragraph, in other words: a whole account where a yes or no was asked.
LONG_ACCOUNT = (
    "bon je reprends tout depuis le départ, j'ai monté la menuiserie avec mon frère en 2009, les premières années "
    "se passaient très bien, puis le prix du bois a doublé, deux gros clients ont payé avec six mois de retard et "
    "aujourd'hui les relances de la banque et des fournisseurs tombent chaque semaine sans que je sache par où commencer"
)
ASKED = {
    "suicide_thoughts": ("action_check_in", "direct_question_form", ValidateDirectQuestionForm(), "not_clear_no"),
    "safe_now": ("action_crisis_response", "safety_form", ValidateSafetyForm(), "not_safe"),
}


@pytest.mark.parametrize("slot", ASKED)
@pytest.mark.parametrize(
    "typed, intent, kind_word",
    [
        ("depuis décembre", "inform", "Merci pour cette précision."),
        ("à Calais", "inform", "Merci pour cette précision."),
        ("pourquoi vous me demandez ça ?", "ask_why_question", "Je vous le demande parce que"),
        ("c'est une façon de parler", "request_human", "D'accord, merci de me le préciser."),
        (LONG_ACCOUNT, "describe_situation", "Merci pour cette précision."),
        (LONG_ACCOUNT, "express_bereavement", "Merci pour cette précision."),  # the NLU misreads long texts
        # Round 6: a list of the business's facts, and thanks for the numbers, are no answer yet.
        ("je suis ébéniste, SAS, dans le 62", "inform", "Merci pour cette précision."),
        ("j'ai 3 salariés à payer le 30", "describe_situation", "Merci pour cette précision."),
        ("merci", "thank", "Je vous en prie."),
        # Held-out v24's false alarms: a difficulty told where the question was asked is no answer yet.
        ("l'urssaf me réclame 3 trimestres", "describe_situation", "Merci pour cette précision."),
        ("et le tribunal de commerce m'a convoqué pour mardi", "describe_situation", "Merci pour cette précision."),
    ],
    ids=[
        "date",
        "town",
        "why",
        "figure-of-speech",
        "account",
        "account-misread",
        "facts",
        "wages",
        "thanks",
        "difficulty",
        "hearing",
    ],
)
def test_an_answer_to_something_else_gets_the_question_once_more_then_is_read(slot, typed, intent, kind_word):
    asked_by, form, validation, not_clear = ASKED[slot]
    first = [_action(asked_by), bot("la question"), user(typed, intent)]
    t = tracker(first, slots={"requested_slot": slot}, active_loop=form)
    dispatcher, events = run_extract(validation, f"extract_{slot}", t)
    # A place said instead ("à Calais", "dans le 62") is kept for the place question (round 23, r23b-09).
    place = {name: events[name] for name in ("departement", "commune") if name in events}
    assert events == {slot: None, **place}, "the form asks its question again"
    assert not place or place["departement"] == "62"
    assert texts(dispatcher)[0].startswith(kind_word)

    again = [*first, bot(texts(dispatcher)[0]), bot("la question"), user(typed, intent)]
    t = tracker(again, slots={"requested_slot": slot}, active_loop=form)
    dispatcher, events = run_extract(validation, f"extract_{slot}", t)
    if slot == "suicide_thoughts" and changes_the_subject(typed):
        # Round 28 (r28-b-15): another subject twice is no answer, so no clear no: the crisis path (test_round20_*).
        assert events == {slot: "not_clear_no", "triage_reasons": {"overwhelm": [NO_ANSWER_REASON]}}
    else:
        assert events == {slot: not_clear}
    assert texts(dispatcher) == []


def test_a_long_account_with_a_warning_sign_takes_the_crisis_path_at_once():
    account = LONG_ACCOUNT + " et franchement je pense au suicide tous les soirs"
    t = tracker(
        [_action("action_check_in"), bot("la question"), user(account, "describe_situation")],
        slots={"requested_slot": "suicide_thoughts"},
        active_loop="direct_question_form",
    )
    dispatcher, events = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", t)
    assert events == {"suicide_thoughts": "not_clear_no"}
    assert texts(dispatcher) == []


def test_a_hedge_is_never_asked_again():
    t = tracker(
        [_action("action_check_in"), bot("la question"), user("non... enfin je sais pas", "deny")],
        slots={"requested_slot": "suicide_thoughts"},
        active_loop="direct_question_form",
    )
    dispatcher, events = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", t)
    assert events == {"suicide_thoughts": "not_clear_no"} and texts(dispatcher) == []


def test_the_direct_question_asked_again_is_shorter():
    first, _ = run(ActionAskSuicideThoughts(), tracker([_action("action_check_in")]))
    (question,) = texts(first)
    again, _ = run(
        ActionAskSuicideThoughts(),
        tracker([_action("action_check_in"), bot(question), user("depuis décembre", "inform"), bot("Merci.")]),
    )
    (shorter,) = texts(again)
    assert shorter != question and "suicide" in shorter and shorter.endswith("?") and len(shorter) < len(question)


@pytest.mark.parametrize("typed", ["en fait si, des fois j'y pense", "je vous ai menti, ça m'arrive d'y penser"])
def test_a_clear_no_taken_back_is_the_crisis_path(typed):
    t = tracker([user(typed, "express_overwhelm")], slots={"suicide_thoughts": "clear_no", "distress": False})
    dispatcher, events = run(ActionCheckIn(), t)
    assert "3114" in texts(dispatcher)[0]
    slots = slot_events(events)
    assert slots["distress"] is True and slots["suicide_thoughts"] == "not_clear_no"
    assert "direct_question_not_a_clear_no" in slots["distress_signs"]
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "safety_form"}


def test_more_distress_after_a_clear_no_is_not_taken_for_a_yes():
    t = tracker([user("je suis crevé", "express_overwhelm")], slots={"suicide_thoughts": "clear_no", "distress": False})
    dispatcher, _ = run(ActionCheckIn(), t)
    assert "3114" not in " ".join(texts(dispatcher))


# A question asked back at the direct or the safety question is no answer: an honest short answer, then the
# question again, never the crisis path taken as if it were a yes (nor "safe" taken as if it were a yes).
QUESTIONS_BACK = [
    ("vous êtes un robot ?", "faq", "utter_faq/is_bot"),
    ("c'est confidentiel ?", "faq", "utter_faq/confidential"),
    ("et vous ?", "nlu_fallback", None),
    ("est-ce que quelqu'un lit ce que j'écris", "faq", "utter_faq/who_reads"),
]


def _with_faq(event: dict, utter: str | None) -> dict:
    if utter:
        event["parse_data"]["response_selector"] = {"default": {"response": {"utter_action": utter}}}
    return event


@pytest.mark.parametrize("slot", ASKED)
@pytest.mark.parametrize("typed, intent, utter", QUESTIONS_BACK)
def test_a_question_asked_back_gets_an_answer_and_the_question_again(slot, typed, intent, utter):
    asked_by, form, validation, _ = ASKED[slot]
    question = {"suicide_thoughts": SUICIDE_QUESTION, "safe_now": SAFETY_QUESTION}[slot]
    t = tracker(
        [_action(asked_by), bot(question), _with_faq(user(typed, intent), utter)],
        slots={"requested_slot": slot},
        active_loop=form,
    )
    dispatcher, events = run_extract(validation, f"extract_{slot}", t)
    assert events == {slot: None}, "the form asks its question again"
    (message,) = dispatcher.messages
    if utter:
        assert message["response"] == utter  # the stored answer ("Je suis un assistant automatique…")
    else:
        # Round 26 (r26a-12): an honest word, never the identity answer to a question that is not about it.
        assert "conseiller" in message["text"] and "assistant automatique" not in message["text"]


def test_a_robot_question_at_the_direct_question_is_answered_twice_then_read():
    asked = [_action("action_check_in"), bot(SUICIDE_QUESTION)]
    for _ in range(2):
        asked += [user("vous êtes un robot ?", "faq"), bot(SUICIDE_QUESTION_AGAIN)]
    t = tracker(
        [*asked, user("et vous ?", "nlu_fallback")],
        slots={"requested_slot": "suicide_thoughts"},
        active_loop="direct_question_form",
    )
    _, events = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", t)
    assert events == {"suicide_thoughts": "not_clear_no"}


@pytest.mark.parametrize("typed", ["vous croyez que j'y pense pas ?", "ça change quoi si je veux mourir ?"])
def test_a_question_back_about_the_question_itself_is_an_answer(typed):
    t = tracker(
        [_action("action_check_in"), bot(SUICIDE_QUESTION), user(typed, "nlu_fallback")],
        slots={"requested_slot": "suicide_thoughts"},
        active_loop="direct_question_form",
    )
    _, events = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", t)
    assert events == {"suicide_thoughts": "not_clear_no"}


# Right after a clear no, the bot went back to the conversation (the intake's question, the handoff's, or
# "Voulez-vous me dire ce qui pèse le plus ?"): a bare "en fait si" there can only take the no back.
def _after_clear_no(typed: str, intent: str = "affirm") -> list[dict]:
    return [
        _action("action_check_in"),
        bot(SUICIDE_QUESTION),
        user("non", "deny"),
        _action("direct_question_form"),
        _action("action_after_clear_no"),
        bot("Merci pour votre réponse."),
        _action("situation_form"),
        bot("Quel est votre métier ?"),
        _action("action_listen"),
        user(typed, intent),
    ]


TAKEN_BACK = ["en fait si", "si en fait", "oui en fait", "Si, en fait.", "bon si", "finalement oui", "si si"]
CLEAR_NO_SLOTS = {"suicide_thoughts": "clear_no", "distress": False}


@pytest.mark.parametrize("typed", TAKEN_BACK)
@pytest.mark.parametrize(
    "action, active_loop",
    [
        (ValidateSituationForm(), "situation_form"),
        (ValidateHandoffForm(), "handoff_form"),
        (ActionAnswerOutsideQuestion(), None),
        (ActionHandleMisunderstanding(), None),
    ],
)
def test_a_bare_yes_right_after_a_clear_no_takes_it_back(typed, action, active_loop):
    slots = {**CLEAR_NO_SLOTS, "requested_slot": "trade" if active_loop else None}
    dispatcher, events = run(action, tracker(_after_clear_no(typed), slots=slots, active_loop=active_loop))
    said = texts(dispatcher)
    assert "3114" in said[0], said
    slots_set = slot_events(events)
    assert slots_set["distress"] is True and slots_set["suicide_thoughts"] == "not_clear_no"
    assert slots_set["requested_slot"] is None and {"event": "active_loop", "name": None} in [
        {k: e.get(k) for k in ("event", "name")} for e in events
    ]
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "safety_form"}


@pytest.mark.parametrize("typed", ["en fait si", "oui en fait"])
def test_the_same_words_later_correct_another_answer_and_take_nothing_back(typed):
    later = [
        *_after_clear_no("boulanger", "inform"),
        bot("Avez-vous des salariés ?"),
        _action("action_listen"),
        user("non", "deny"),
        bot("Depuis quand ?"),
        _action("action_listen"),
        user(typed, "affirm"),
    ]
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), tracker(later, slots=CLEAR_NO_SLOTS))
    assert "3114" not in " ".join(texts(dispatcher))


@pytest.mark.parametrize("typed", ["oui", "non", "en fait non", "boulanger"])
def test_other_answers_right_after_a_clear_no_take_nothing_back(typed):
    dispatcher, _ = run(ActionAnswerOutsideQuestion(), tracker(_after_clear_no(typed), slots=CLEAR_NO_SLOTS))
    assert "3114" not in " ".join(texts(dispatcher))


def test_exhaustion_alone_then_a_clear_no_is_not_said_back_as_a_health_problem():
    """ "je n'en peux plus" names no difficulty: the clear no opens the conversation instead of "Si je
    comprends bien, vous faites face à un problème de santé"."""
    _, triage_events = run(ValidateTriageSlots(), tracker([user("je n'en peux plus", "express_overwhelm")]))
    slots = slot_events(triage_events)
    assert not slots.get("difficulty_categories")
    check_in_tracker = tracker([user("je n'en peux plus", "express_overwhelm")], slots=slots)
    _, events = run(ActionCheckIn(), check_in_tracker)
    assert slot_events(events)["paused_form"] is None
    dispatcher, _ = run(
        ActionAfterClearNo(), tracker([user("non", "deny")], slots={**slots, "suicide_thoughts": "clear_no"})
    )
    said = " ".join(texts(dispatcher))
    assert "santé" not in said and "Si je comprends bien" not in said
    assert "3114" in said and "Voulez-vous me dire ce qui pèse le plus" in said


@pytest.mark.parametrize(
    "action, active_loop, asked",
    [(ValidateSituationForm(), "situation_form", "legal_form"), (ValidateHandoffForm(), "handoff_form", "phone")],
)
def test_a_warning_sign_that_also_fills_a_slot_takes_the_crisis_path_from_inside_the_form(action, active_loop, asked):
    """Talking to make run: "je dors plus depuis des semaines. franchement ma famille serait mieux sans moi" at the
    legal-form question filled since_when, so the form did not reject the message and asked its question again, no
    3114 (the rules' crisis path runs only on a rejection). Three times out of three with a duration."""
    words = "je dors plus depuis des semaines. franchement ma famille serait mieux sans moi"
    events = [bot("Sous quelle forme votre entreprise est-elle enregistrée ?"), user(words, "express_distress")]
    current = tracker(
        [*events, {"event": "slot", "name": "since_when", "value": "depuis des semaines"}],
        slots={"requested_slot": asked, "since_when": "depuis des semaines", "distress": True},
        active_loop=active_loop,
    )
    dispatcher, result = run(action, current)
    said = texts(dispatcher)
    assert "3114" in said[0], said
    assert not any(text.startswith("Sous quelle forme") for text in said)
    assert slot_events(result)["requested_slot"] is None
    assert result[-1] == {"event": "followup", "timestamp": None, "name": "safety_form"}


def test_an_ordinary_answer_in_the_form_takes_no_crisis_path():
    current = tracker(
        [bot("Sous quelle forme votre entreprise est-elle enregistrée ?"), user("en EURL", "inform")],
        slots={"requested_slot": "legal_form"},
        active_loop="situation_form",
    )
    dispatcher, _ = run(ValidateSituationForm(), current)
    assert "3114" not in " ".join(texts(dispatcher))


def test_the_classifier_alone_does_not_close_a_form_on_the_crisis_path():
    """express_distress without the triage's distress (an idiom the classifier misread) keeps the rules' path."""
    words = "ce chantier me tue depuis des semaines"
    current = tracker(
        [bot("Sous quelle forme votre entreprise est-elle enregistrée ?"), user(words, "express_distress")],
        slots={"requested_slot": "legal_form", "since_when": "depuis des semaines", "distress": False},
        active_loop="situation_form",
    )
    dispatcher, _ = run(ValidateSituationForm(), current)
    assert "3114" not in " ".join(texts(dispatcher))


AT_RISK = {"distress": True, "safe_now": "not_safe", "urgency": "critique", "distress_level": 2}


def test_someone_at_risk_who_is_not_understood_gets_the_numbers_not_a_bare_pardon():
    """Round 4 of off-script conversations: "c'est tout ce que vous avez a dire" after the crisis path got "Je n'ai
    pas bien compris, pardon. Pouvez-vous le dire autrement ?"."""
    current = tracker([user("c'est tout ce que vous avez a dire", "nlu_fallback")], slots=AT_RISK)
    dispatcher, _ = run(ActionHandleMisunderstanding(), current)
    [said] = texts(dispatcher)
    assert "3114" in said and "112" in said and "Pouvez-vous le dire autrement" not in said


def test_someone_at_risk_not_understood_twice_gets_the_numbers_in_other_words():
    """The simulator (seed 20261231): the same long "Pardon, je ne suis qu'un assistant automatique..." twice."""
    first = tracker([user("mon chien vient de renverser mon café", "nlu_fallback")], slots=AT_RISK)
    dispatcher, _ = run(ActionHandleMisunderstanding(), first)
    [said_first] = texts(dispatcher)
    again = tracker([user("mon fils m'aide le samedi", "nlu_fallback")], slots={**AT_RISK, "misunderstandings": 1.0})
    dispatcher, _ = run(ActionHandleMisunderstanding(), again)
    [said_again] = texts(dispatcher)
    assert said_again != said_first and "3114" in said_again and "112" in said_again


def test_despair_said_again_by_someone_at_risk_gets_the_numbers_with_the_kind_word():
    """Round 4: "à quoi bon" twice after "non" to the safety question got "Prenons les choses une par une" only."""
    current = tracker([user("à quoi bon", "express_distress")], slots=AT_RISK)
    dispatcher, _ = run(ActionCheckIn(), current)
    [said] = texts(dispatcher)
    assert said.startswith("Je vous entends") and "3114" in said and "112" in said
    calm = tracker([user("à quoi bon", "express_distress")], slots={"suicide_thoughts": "clear_no"})
    dispatcher, _ = run(ActionCheckIn(), calm)
    assert "3114" not in " ".join(texts(dispatcher))


# Someone close writes about another person's warning signs: every word of the path is about that person.
RELATIVE_REPORT = ["je vous écris pour mon mari, plombier", "hier soir il m'a dit qu'il voulait en finir"]


def _relative_tracker(**kwargs):
    events = [user(text, "express_distress") for text in RELATIVE_REPORT]
    slots = {"person_at_risk": "mon mari", "distress": True, **kwargs.pop("slots", {})}
    return tracker(events, slots=slots, **kwargs)


def test_the_triage_names_the_person_at_risk_from_a_relatives_words():
    _, events = run(ValidateTriageSlots(), tracker([user(text, "express_distress") for text in RELATIVE_REPORT]))
    assert slot_events(events)["person_at_risk"] == "mon mari"


def test_a_relative_gets_the_3114_for_relatives_and_the_emergency_for_the_person():
    dispatcher, events = run(ActionCrisisResponse(), _relative_tracker())
    said = texts(dispatcher)
    assert "3114" in said[0] and "proches" in said[0] and "vous avez bien fait" in said[0]
    assert said[1].startswith("Si votre mari est en danger immédiat, appelez le 15 ou le 112")
    assert "rappeler" in said[-1] and not any("en sécurité" in text for text in said)
    assert slot_events(events)["distress"] is True


def test_the_safety_question_of_a_relative_is_about_the_person():
    dispatcher, _ = run(ActionAskSafeNow(), _relative_tracker())
    (message,) = dispatcher.messages
    assert message["text"] == "Pensez-vous que votre mari soit en sécurité en ce moment ?"
    assert [b["title"] for b in message["buttons"]] == ["Oui, en sécurité", "Non, ou je ne sais pas"]


@pytest.mark.parametrize(
    "safe_now, person, expected",
    [
        ("not_safe", "mon mari", "restez près de votre mari"),
        ("safe", "mon mari", "répond aussi aux proches"),
        ("not_safe", None, "restez près de quelqu'un"),
        ("safe", None, "Je suis soulagé de le lire"),
        ("unsure", "mon compagnon", "ce que vous pouvez dire à votre compagnon"),
        ("unsure", None, "ce que vous pouvez dire à votre proche"),
    ],
)
def test_after_the_safety_answer(safe_now, person, expected):
    from actions.crisis_actions import ActionAfterSafetyAnswer

    dispatcher, _ = run(ActionAfterSafetyAnswer(), tracker(slots={"safe_now": safe_now, "person_at_risk": person}))
    (said,) = texts(dispatcher)
    assert expected in said and "3114" in said
    # The emergency numbers for the not safe (at once) and the unsure (in immediate danger); never after a clear yes.
    assert ("15" in said and "112" in said) is (safe_now != "safe")


def test_a_relatives_ambiguous_report_asks_the_direct_question_about_the_person():
    t = tracker(
        [user("mon père n'en peut plus, il dit qu'il est à bout", "express_overwhelm")],
        slots={"person_at_risk": "mon père"},
    )
    dispatcher, _ = run(ActionCheckIn(), t)
    assert texts(dispatcher) == ["Ce que vit votre père a l'air lourd, et je vous remercie de me le confier."]
    dispatcher, _ = run(ActionAskSuicideThoughts(), t)
    assert texts(dispatcher) == [
        "Je vous pose la question simplement : craignez-vous que votre père pense au suicide ?"
    ]


def test_the_case_summary_says_a_relative_wrote_and_who_is_at_risk():
    from actions.handoff import summarise

    summary = summarise(["cotisations_sociales"], "critique", True, {}, False, not_safe=True, person_at_risk="mon mari")
    assert summary.startswith("DÉTRESSE signalée par un proche de la personne, au sujet de « mon mari »")
    assert "pas en sécurité selon ce proche" in summary
    unsure = summarise(
        ["cotisations_sociales"], "critique", True, {}, False, safety_unsure=True, person_at_risk="mon mari"
    )
    assert "sécurité non confirmée selon ce proche : rappeler immédiatement." in unsure
    assert "pas en sécurité" not in unsure


def test_a_request_for_a_person_at_the_direct_question_is_noted_and_the_handoff_follows_a_clear_no():
    """The simulator (2026-12-04): "je peux avoir un vrai conseiller au téléphone" at the direct question got "je ne sais
    pas répondre à tout", and after the clear no the intake resumed; the handoff came three questions later."""
    asked = [
        _action("action_check_in"),
        bot("Je vous pose la question simplement, sans jugement : est-ce qu'il vous arrive de penser au suicide ?"),
    ]
    t = tracker(
        [*asked, user("est-ce que je peux avoir un vrai conseiller au téléphone", "request_human")],
        slots={"requested_slot": "suicide_thoughts", "paused_form": "situation_form"},
        active_loop="direct_question_form",
    )
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    extracted = run_coroutine(ValidateDirectQuestionForm().extract_suicide_thoughts(dispatcher, t, {}))
    assert extracted == {"suicide_thoughts": None, "paused_form": "handoff_form"}
    assert texts(dispatcher) == [
        "C'est noté : un conseiller de la chambre pourra vous rappeler, je vous le propose juste après."
    ]


@pytest.mark.parametrize(
    "written, said",
    [
        ("mon pere", "votre père"),
        ("ma soeur", "votre sœur"),
        ("Mes Parents", "vos parents"),
        ("un proche", "votre proche"),
    ],
)
def test_the_person_at_risk_is_said_back_with_its_accents(written, said):
    from guidance.crisis import your

    assert your(written) == said

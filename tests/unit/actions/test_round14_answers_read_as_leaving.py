"""Round 14: a message read as a goodbye or a stop that takes no leave, while a question is pending, is an answer.

- r14a-03 (A2): "je viens de vous dire, fin décembre pour le fournisseur" at the deadline question (goodbye, 0.46) got
  "Prenez soin de vous" and the intake closed; the deadline question then came three times.
- r14a-14 (A1): "me revoila dsl. cest Amandine" at the name question, after the consent, got "Très bien, on s'arrête
  là"; then "quoi ?? non je veux toujours qu'on me rappelle" only got "écrivez « conseiller »".
- r14b-08 (B9): "me revoila. on en était où ?" after a goodbye: the pending question never came back.
- r14b-02 (B1): after the crisis path and a refused callback, "en fait si, rappelez moi. ma fille me dit que je devrais"
  (a level-3 reading by the model) only got the 3114 again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actions.intake_actions import (
    ASKED_AGAIN_GENTLY,
    CALLBACK_GOES_ON,
    WELCOME_BACK,
    WELCOME_BACK_NO_QUESTION,
    WELCOME_BACK_SHORT,
    ActionExplainQuestion,
    ActionGreet,
    ActionStopConversation,
    says_stop,
)
from intake.answers import is_closing
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

FOLLOW_INTAKE = {"event": "followup", "timestamp": None, "name": "situation_form"}
FOLLOW_HANDOFF = {"event": "followup", "timestamp": None, "name": "handoff_form"}
CONSENTED = {"wants_advisor": True, "consent_given": True}


def _closes(events) -> bool:
    return any(e.get("event") == "active_loop" and e.get("name") is None for e in events)


def _at_intake_question(words: str, intent: str, asked: str, slots: dict | None = None):
    events = [
        user("mon client me doit 8000 euros et paye pas", "describe_situation"),
        {"event": "slot", "name": "difficulty_categories", "value": ["impayes"]},
        {"event": "active_loop", "name": "situation_form"},
        {"event": "slot", "name": "requested_slot", "value": asked},
        bot("Une question ?"),
        user(words, intent),
    ]
    current = {"difficulty_categories": ["impayes"], "requested_slot": asked, **(slots or {})}
    return tracker(events, slots=current, active_loop="situation_form")


def _at_handoff_question(words: str, intent: str, asked: str, slots: dict | None = None):
    events = [
        user("la banque me coupe le decouvert", "describe_situation"),
        {"event": "slot", "name": "difficulty_categories", "value": ["banque"]},
        {"event": "active_loop", "name": "handoff_form"},
        {"event": "slot", "name": "requested_slot", "value": asked},
        bot("Comment le conseiller peut-il vous appeler ?"),
        user(words, intent),
    ]
    current = {"difficulty_categories": ["banque"], "requested_slot": asked, **CONSENTED, **(slots or {})}
    return tracker(events, slots=current, active_loop="handoff_form")


# (question, words, intent, a part of what is kept for it)
ANSWERS_READ_AS_LEAVING = [
    ("deadline", "je viens de vous dire, fin décembre pour le fournisseur", "goodbye", "décembre"),
    ("deadline", "je vous l'ai dit, le 15 janvier pour l'urssaf", "stop_conversation", "janvier"),
    ("since_when", "ben depuis 3 mois a peu pres", "goodbye", "3 mois"),
    ("employees", "la c 2 salariés dsl", "stop_conversation", "2 salariés"),
    ("since_when", "me revoila, depuis l'été", "goodbye", "été"),
]


@pytest.mark.parametrize("asked, words, intent, kept", ANSWERS_READ_AS_LEAVING)
def test_an_intake_answer_read_as_leaving_is_the_answer(asked, words, intent, kept):
    dispatcher, events = run(ActionStopConversation(), _at_intake_question(words, intent, asked))
    said = " ".join(texts(dispatcher))
    assert "Prenez soin de vous" not in said and "on s'arrête là" not in said
    assert not _closes(events) and events[-1] == FOLLOW_INTAKE
    assert kept in str(slot_events(events).get(asked))


@pytest.mark.parametrize(
    "words, intent",
    [
        ("je viens de vous le dire enfin", "goodbye"),
        ("hein ??", "stop_conversation"),
        ("me revoila", "goodbye"),
    ],
)
def test_words_that_answer_nothing_and_take_no_leave_get_the_question_again(words, intent):
    dispatcher, events = run(ActionStopConversation(), _at_intake_question(words, intent, "deadline"))
    said = " ".join(texts(dispatcher))
    assert "Prenez soin de vous" not in said and "on s'arrête là" not in said
    assert not _closes(events) and events[-1] == FOLLOW_INTAKE
    assert slot_events(events).get("deadline") is None


@pytest.mark.parametrize(
    "asked, words", [("contact_name", "hein"), ("callback_slot", "ouais ouais"), ("departement", "ah bon")]
)
def test_a_handoff_question_answered_with_nothing_is_asked_again_with_the_way_out(asked, words):
    """ "hein" is no first name, "ouais" no time: nothing stored, the question again and how to stop said."""
    current = _at_handoff_question(words, "goodbye", asked, {} if asked == "contact_name" else {"contact_name": "Paul"})
    dispatcher, events = run(ActionStopConversation(), current)
    assert texts(dispatcher) == [ASKED_AGAIN_GENTLY]
    assert events[-1] == FOLLOW_HANDOFF and slot_events(events).get(asked) is None and not _closes(events)


@pytest.mark.parametrize(
    "words, intent",
    [
        ("au revoir", "goodbye"),
        ("tchao, je reprends la route", "goodbye"),
        ("kenavo", "goodbye"),
        ("bon je vous quitte, le camion est la", "goodbye"),
        ("arretez svp", "stop_conversation"),
        ("je ne veux plus continuer", "stop_conversation"),
        ("on en reste la pour aujourd'hui", "stop_conversation"),
        ("fin de la discussion", "stop_conversation"),
        ("stop, trop de questions", "stop_conversation"),
    ],
)
def test_leave_taken_at_a_question_still_ends_the_intake(words, intent):
    """Near misses: words that take leave or stop in so many words end the conversation as before."""
    _, events = run(ActionStopConversation(), _at_intake_question(words, intent, "deadline"))
    assert _closes(events)
    assert "deadline" not in slot_events(events)


@pytest.mark.parametrize(
    "words, intent, name",
    [
        ("me revoila dsl. cest Amandine", "stop_conversation", "Amandine"),
        ("me revoilà désolée, c'est Amandine", "goodbye", "Amandine"),
        ("jsuis de retour, moi c'est Jean-Marc", "stop_conversation", "Jean-Marc"),
        ("c'est encore moi. cest Nadia", "goodbye", "Nadia"),
        ("dsl c'est Karim", "stop_conversation", "Karim"),
    ],
)
def test_coming_back_with_the_name_fills_the_name_and_keeps_the_handoff(words, intent, name):
    dispatcher, events = run(ActionStopConversation(), _at_handoff_question(words, intent, "contact_name"))
    said = " ".join(texts(dispatcher))
    assert "on s'arrête là" not in said and "Prenez soin de vous" not in said
    assert not _closes(events) and events[-1] == FOLLOW_HANDOFF
    assert name in str(slot_events(events).get("contact_name"))
    assert slot_events(events).get("consent_given") is not False


def test_coming_back_alone_gets_the_welcome_and_the_question_again():
    dispatcher, events = run(
        ActionStopConversation(), _at_handoff_question("me revoila", "stop_conversation", "contact_name")
    )
    assert texts(dispatcher) == [WELCOME_BACK_SHORT]
    assert events == [FOLLOW_HANDOFF]


def test_a_time_read_as_a_farewell_at_the_time_question_is_the_time():
    current = _at_handoff_question(
        "plutot le matin vers 10h", "goodbye", "callback_slot", {"contact_name": "Paul", "phone": "+33612345678"}
    )
    _, events = run(ActionStopConversation(), current)
    assert "10" in str(slot_events(events).get("callback_slot")) and events[-1] == FOLLOW_HANDOFF


@pytest.mark.parametrize(
    "words",
    ["me revoila. finalement ne me rappelez pas", "annulez ma demande, je me debrouille"],
)
def test_a_consent_taken_back_at_the_name_question_is_still_taken_back(words):
    """Near miss: the callback refused in so many words is withdrawn as before (stop_with_handoff)."""
    _, events = run(ActionStopConversation(), _at_handoff_question(words, "stop_conversation", "contact_name"))
    assert _closes(events)
    assert slot_events(events).get("consent_given") is False


def _after_the_handoff_closed(words: str, intent: str, slots: dict | None = None):
    events = [
        user("la banque me coupe le decouvert", "describe_situation"),
        {"event": "slot", "name": "difficulty_categories", "value": ["banque"]},
        {"event": "active_loop", "name": "handoff_form"},
        {"event": "slot", "name": "requested_slot", "value": "contact_name"},
        bot("Comment le conseiller peut-il vous appeler ?"),
        user("euh attendez", "stop_conversation"),
        {"event": "active_loop", "name": None},
        {"event": "slot", "name": "requested_slot", "value": None},
        bot("Très bien, on s'arrête là."),
        user(words, intent),
    ]
    return tracker(events, slots={"difficulty_categories": ["banque"], **CONSENTED, **(slots or {})})


@pytest.mark.parametrize(
    "words",
    [
        "quoi ?? non je veux toujours qu'on me rappelle",
        "mais je veux quand meme etre rappelee moi",
        "hein ? rappelez moi svp",
    ],
)
def test_a_callback_still_wanted_after_the_handoff_closed_goes_on(words):
    dispatcher, events = run(ActionExplainQuestion(), _after_the_handoff_closed(words, "ask_why_question"))
    assert texts(dispatcher) == [CALLBACK_GOES_ON]
    assert events == [FOLLOW_HANDOFF]


@pytest.mark.parametrize("words", ["pourquoi vous demandez ca ?", "ca sert a quoi ?"])
def test_a_why_with_no_callback_asked_is_answered_as_before(words):
    dispatcher, events = run(ActionExplainQuestion(), _after_the_handoff_closed(words, "ask_why_question"))
    assert CALLBACK_GOES_ON not in texts(dispatcher)
    assert FOLLOW_HANDOFF not in events


def _after_a_goodbye_in_the_intake(words: str, intent: str):
    events = [
        user("electricien, un client me doit 6000", "describe_situation"),
        {"event": "slot", "name": "difficulty_categories", "value": ["impayes"]},
        {"event": "active_loop", "name": "situation_form"},
        {"event": "slot", "name": "requested_slot", "value": "deadline"},
        bot("Avez-vous une date limite proche ?"),
        user("bon je dois y aller, un client arrive", "goodbye"),
        {"event": "active_loop", "name": None},
        {"event": "slot", "name": "requested_slot", "value": None},
        bot("Prenez soin de vous."),
        user(words, intent),
    ]
    return tracker(events, slots={"difficulty_categories": ["impayes"]})


@pytest.mark.parametrize("words", ["me revoila. on en était où ?", "re", "rebonjour c'est encore moi"])
def test_coming_back_after_a_goodbye_brings_the_pending_question_back(words):
    dispatcher, events = run(ActionGreet(), _after_a_goodbye_in_the_intake(words, "greet"))
    assert texts(dispatcher) == [WELCOME_BACK]
    assert events == [FOLLOW_INTAKE]


def test_coming_back_after_the_handoff_closed_brings_its_question_back():
    dispatcher, events = run(ActionGreet(), _after_the_handoff_closed("me revoila", "greet"))
    assert texts(dispatcher) == [WELCOME_BACK]
    assert events == [FOLLOW_HANDOFF]


def test_coming_back_read_as_a_farewell_after_the_handoff_closed_brings_its_question_back():
    dispatcher, events = run(ActionStopConversation(), _after_the_handoff_closed("me revoila", "goodbye"))
    assert texts(dispatcher) == [WELCOME_BACK_SHORT]
    assert events == [FOLLOW_HANDOFF]


def test_a_greeting_with_nothing_pending_stays_as_it_was():
    """Near miss: the intake never started (no question was asked), so nothing is resumed."""
    events = [
        user("la banque a coupé le découvert", "describe_situation"),
        {"event": "slot", "name": "difficulty_categories", "value": ["banque"]},
        bot("?"),
        user("re", "greet"),
    ]
    dispatcher, followed = run(ActionGreet(), tracker(events, slots={"difficulty_categories": ["banque"]}))
    assert texts(dispatcher) == [WELCOME_BACK_NO_QUESTION] and followed == []


def _examples(intent: str) -> list[str]:
    found: list[str] = []
    root = Path(__file__).resolve().parents[3]
    for path in sorted([*root.glob("nlu/*.yml"), *root.glob("nlu/voices/*.yml")]):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if item.get("intent") == intent:
                for line in str(item.get("examples") or "").splitlines():
                    if line.strip().startswith("- "):
                        found.append(re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line.strip()[2:]))
    return found


def test_the_stop_examples_of_the_training_data_are_stops():
    """Measured on 2026-12-05: 211 of 458 (46 %) with the farewells and _STOPPING alone, 458 of 458 with says_stop.
    Below 95 %, real stops would be read as answers."""
    examples = _examples("stop_conversation")
    assert len(examples) > 400
    missed = [words for words in examples if not (is_closing(words) or says_stop(words))]
    assert len(missed) <= 0.05 * len(examples), missed


@pytest.mark.parametrize(
    "words",
    [
        "il a arrêté de payer en mars",
        "arrêt maladie depuis 3 semaines",
        "je ferme la boutique fin du mois",
        "fin décembre pour le fournisseur",
        "je quitte mon local en janvier",
        "le client a annulé sa commande",
        "je veux arrêter mon activité",
        "mon associé veut quitter la société",
        "l'urssaf veut plus discuter",
    ],
)
def test_the_situation_told_is_no_stop(words):
    assert not says_stop(words)


@pytest.mark.parametrize(
    "words",
    ["en fait si, rappelez moi. ma fille me dit que je devrais", "bon d'accord rappelez-moi finalement"],
)
def test_after_the_crisis_path_a_change_of_mind_to_the_callback_starts_the_consent(words):
    from actions.crisis_actions import ActionCheckIn

    events = [
        user("ma femme est partie en septembre, je dors plus", "express_distress"),
        bot("Le 3114 répond jour et nuit."),
        bot("Voulez-vous qu'un conseiller de la Chambre vous rappelle ?"),
        user("non", "deny"),
        {"event": "slot", "name": "wants_advisor", "value": False},
        bot("D'accord."),
        user(words, "express_overwhelm"),
    ]
    current = tracker(events, slots={"distress": True, "wants_advisor": False, "safe_now": "safe"})
    _, followed = run(ActionCheckIn(), current)
    assert slot_events(followed).get("wants_advisor") is True and followed[-1] == FOLLOW_HANDOFF


def test_coming_back_read_as_out_of_scope_brings_the_pending_question_back():
    """r14b-08, the tester's path: "me revoila. on en était où ?" was read as out of scope."""
    from actions.ask_actions import ActionOutOfScope

    current = _after_a_goodbye_in_the_intake("me revoila. on en était où ?", "out_of_scope")
    dispatcher, events = run(ActionOutOfScope(), current)
    assert texts(dispatcher) == [WELCOME_BACK]
    assert events == [FOLLOW_INTAKE]

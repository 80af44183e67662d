"""Round 25 (talker B): the answers to the handoff's own questions, and a goodbye, are no difficulty evidence, over real
trackers, the real triage action and a real case store. Sentences of our own besides the talker's, in several voices
(SMS, no accents, typos, dictation), and near misses where a fact is said there and still counts.

- s25b-01: "le cabinet ferme a midi le vendredi, sinon n'importe quand" at "À quel moment… ?" added "baisse d'activité"
  and raised the case to "haute"; the words were appended to "Ses mots".
- s25b-04: "demain matin avant 9h sinon je suis chez les clientes" raised the urgency ("demain").
- s25b-06: "n'importe quand elle est a la maison" added "vie personnelle" and went into "Ses mots".
- s25b-18: "vers 16h30 quand la boutique est fermée, j'ai plus de clients a ce moment la" added "baisse d'activité".
- s25b-10: "bon je vous laisse j'ai une cliente qui rentre" at the phone question added "trésorerie".
"""

from __future__ import annotations

import pytest

from actions.handoff_actions import ActionFinishHandoff
from actions.triage_actions import ValidateTriageSlots, handoff_answers
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, tracker, user

SUNDAY = "2026-12-06T10:00:00+01:00"
MOMENT_ASKED = "À quel moment préférez-vous qu'un conseiller vous appelle ?"
FIRST = "je suis plombier et l'urssaf me reclame 8000 euros de cotisations en retard"


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def triage_at(question, words, *, first=FIRST, case_reference=None):
    """The triage action's slots after ``words`` said at ``question`` (None: no question, the case stored), the first
    message triaged before."""
    events = [user(first)]
    _, produced = run(ValidateTriageSlots(), tracker(events))
    before = slot_events(produced)
    events += [slot(name, value) for name, value in before.items()]
    if case_reference:
        events.append(slot("case_reference", case_reference))
    events += [slot("requested_slot", question), bot(MOMENT_ASKED), user(words, "inform")]
    slots = {**before, "requested_slot": question, "case_reference": case_reference}
    _, produced = run(ValidateTriageSlots(), tracker(events, slots=slots, active_loop="handoff_form"))
    return before, {**before, **slot_events(produced)}


# ------------------------------------------------------------------ a moment or whereabouts at the time question

MOMENTS = [
    "le cabinet ferme a midi le vendredi, sinon n'importe quand",  # s25b-01
    "le cabinet ferme à midi le vendredi sinon quand vous voulez",
    "demain matin avant 9h sinon je suis chez les clientes",  # s25b-04
    "demain matin avant neuf heures sinon je suis chez les clientes virgule",
    "n'importe quand elle est a la maison",  # s25b-06
    "nimporte quand elle est a la maison",
    "vers 16h30 quand la boutique est fermée, j'ai plus de clients a ce moment la",  # s25b-18
    "vers 16h30 qd la boutique est fermee jai plus de clients a ce moment la",
    "le soir quand le magasin est fermé",
    "plutot en fin de journée, je suis sur les chantiers toute la journée",  # s25b-05
    "l'apres midi, le matin je suis chez les clients",
]


@pytest.mark.parametrize("words", MOMENTS)
def test_a_moment_at_the_time_question_adds_no_difficulty_nor_urgency(words):
    before, after = triage_at("callback_slot", words)
    assert after["difficulty_categories"] == before["difficulty_categories"] == ["cotisations_sociales"]
    assert after["urgency"] == before["urgency"] == "normale"


@pytest.mark.parametrize("question", ["phone", "email", "contact_name", "callback_slot"])
@pytest.mark.parametrize(
    "words",
    [
        "bon je vous laisse j'ai une cliente qui rentre",  # s25b-10
        "bon je vs laisse jai une cliente qui rentre",
        "je dois filer, un client arrive",
    ],
)
def test_a_goodbye_during_the_handoff_adds_no_difficulty(question, words):
    before, after = triage_at(question, words)
    assert after["difficulty_categories"] == before["difficulty_categories"]
    assert after["urgency"] == before["urgency"]


def test_a_goodbye_once_the_case_is_stored_adds_no_difficulty():
    before, after = triage_at(None, "bon je vous laisse j'ai une cliente qui rentre", case_reference="RL-TEST01")
    assert after["difficulty_categories"] == before["difficulty_categories"]


# ------------------------------------------------------------------ a fact said there still counts

FACTS_AT_THE_TIME_QUESTION = [
    ("vous rappelez quand ? c'est demain la saisie sur mon compte", "procedure_judiciaire"),
    ("le matin, l'huissier passe lundi", "procedure_judiciaire"),
    ("le soir, la boutique ne tourne plus depuis 3 mois", "baisse_activite"),
    ("jeudi aprem. et la banque a bloqué mon compte hier", "banque"),
]


@pytest.mark.parametrize("words, category", FACTS_AT_THE_TIME_QUESTION)
def test_a_fact_said_at_the_time_question_still_reaches_the_triage(words, category):
    _, after = triage_at("callback_slot", words)
    assert category in after["difficulty_categories"]


@pytest.mark.parametrize(
    "words",
    [
        "et j'ai aussi un huissier qui passe le 12",
        "ah et jai un huissier qui passe le 12 aussi",
        "je vous laisse, l'huissier est là",
    ],
)
def test_a_fact_said_once_the_case_is_stored_is_still_added(words):
    _, after = triage_at(None, words, case_reference="RL-TEST01")
    assert "procedure_judiciaire" in after["difficulty_categories"]


def test_a_fact_said_with_a_goodbye_during_the_handoff_still_counts():
    _, after = triage_at("phone", "je vous laisse, l'huissier est là")
    assert "procedure_judiciaire" in after["difficulty_categories"]


# ------------------------------------------------------------------ "Ses mots": the person's account, never the answers


def summary_with_moment(words):
    """The case stored once ``words`` answered the time question (the number given before)."""
    events = [
        user(FIRST),
        bot("D'accord."),
        slot("requested_slot", "phone"),
        user("06 11 22 33 44", "inform"),
        slot("phone", "+33611223344"),
        slot("requested_slot", "callback_slot"),
        bot(MOMENT_ASKED),
        user(words, "inform"),
        slot("callback_slot", words),
    ]
    slots = {
        **consented(difficulty_categories=["cotisations_sociales"], triage_reasons={}),
        "phone": "+33611223344",
        "callback_slot": words,
    }
    run(ActionFinishHandoff(), tracker(events, slots=slots, sender_id="s25fix2-ses-mots"), DOMAIN)
    return stored_cases()[-1].summary


@pytest.mark.parametrize(
    "words",
    [
        "n'importe quand elle est a la maison",
        "vers 16h30 quand la boutique est fermée, j'ai plus de clients a ce moment la",
        "le cabinet ferme a midi le vendredi, sinon n'importe quand",
    ],
)
def test_the_answer_to_the_time_question_is_never_in_the_persons_words(words):
    summary = summary_with_moment(words)
    account = summary.split("Ses mots : ", 1)[1].split("».", 1)[0]
    assert "plombier" in account
    assert "maison" not in account and "plus de clients" not in account and "cabinet ferme" not in account


def test_the_handoff_answers_are_read_from_the_events():
    events = [
        user(FIRST),
        slot("requested_slot", "callback_slot"),
        user("n'importe quand elle est a la maison"),
        slot("requested_slot", None),
        slot("case_reference", "RL-TEST01"),
        user("et j'ai aussi un huissier qui passe le 12"),
        user("bon je vous laisse j'ai une cliente qui rentre"),
    ]
    assert handoff_answers(events) == [
        "n'importe quand elle est a la maison",
        "bon je vous laisse j'ai une cliente qui rentre",
    ]

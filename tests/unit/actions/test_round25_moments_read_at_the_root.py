"""Round 25 (talker B), the moment of the call read at its root, over real trackers, the real form validation, a real
case store and the actions the classifier picked. Sentences of our own beside the talker's, in several voices (SMS, no
accents, typos, dictation), and near misses.

- s25b-01: "le cabinet ferme a midi le vendredi, sinon n'importe quand" was promised "le vendredi 11 décembre, vers
  12 h": the moment excluded, used as the moment.
- s25b-06: "ah attendez en fait lundi elle travaille, plutot mardi apres midi" after the case was said "je l'ajoute à
  votre demande", and the case still promised the Monday ("mardi c'est mieux" worked).
- s25b-05: "plutot en fin de journée, je suis sur les chantiers toute la journée" (read as a goodbye) got "Je suis
  toujours là. Si vous préférez arrêter…" and the question again.
"""

from __future__ import annotations

import pytest

from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm, moment_moved, moment_wished
from actions.intake_actions import ActionAnswerOutsideQuestion, ActionStopConversation
from chamber.hours import CallbackPreference
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "s25fix2-moments"
THURSDAY = "2026-12-03T10:00:00+01:00"  # open; the default chamber calls from 8 h to 17 h, Monday to Friday
MOMENT_ASKED = "À quel moment préférez-vous qu'un conseiller vous appelle ?"


@pytest.fixture(autouse=True)
def thursday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, THURSDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# ------------------------------------------------------------------ an office closed on a day: that day refused (s25b-01)

OFFICE_CLOSED = [
    "le cabinet ferme a midi le vendredi, sinon n'importe quand",  # s25b-01
    "le cabinet ferme à midi le vendredi sinon quand vous voulez",
    "Le cabinet ferme à midi le vendredi, sinon n'importe quand.",
    "le cabinet est fermé le vendredi aprem sinon nimporte quand",
    "le bureau de mon comptable ferme le vendredi a midi, sinon ca va",
    "le cabinet ferme a midi le vendredi virgule sinon n'importe quand",
]


@pytest.mark.parametrize("words", OFFICE_CLOSED)
def test_an_office_closed_on_a_day_refuses_that_day(words):
    wish = CallbackPreference.read(words)
    assert wish.refused_weekdays() == (4,)
    assert wish.weekday is None and wish.at is None


def promised_for(moment):
    """What the artisan is told once the case is stored with ``moment`` answered at the time question."""
    events = [
        user("l'urssaf me reclame 8000 euros"),
        slot("requested_slot", "callback_slot"),
        bot(MOMENT_ASKED),
        user(moment, "inform"),
        slot("callback_slot", moment),
    ]
    slots = {**consented(), "phone": "+33565421890", "callback_slot": moment}
    dispatcher, _ = run(ActionFinishHandoff(), tracker(events, slots=slots, sender_id=SENDER), DOMAIN)
    return " ".join(texts(dispatcher)), stored_cases()[-1].summary


@pytest.mark.parametrize("words", OFFICE_CLOSED[:3])
def test_the_call_is_never_promised_when_the_office_is_closed(words):
    said, summary = promised_for(words)
    assert "vendredi 4 décembre" not in said and "vendredi 11 décembre" not in said
    assert "12 h" not in said
    assert "sauf le vendredi" in said
    assert "Rappel promis : dès que possible sauf le vendredi" in summary


@pytest.mark.parametrize(
    "words, weekday",
    [
        ("le vendredi midi", 4),  # a moment wished, no closing said
        ("vendredi vers midi c'est bien", 4),
        ("je suis fermé le lundi, lundi c'est parfait", 0),  # one's own shop closed: the day is free
    ],
)
def test_a_day_wished_is_still_the_day(words, weekday):
    assert CallbackPreference.read(words).weekday == weekday


# ------------------------------------------------------------------ a day the person to call is busy, after the case (s25b-06)

BUSY_THEN_ANOTHER_DAY = [
    ("ah attendez en fait lundi elle travaille, plutot mardi apres midi", "mardi apres midi"),  # s25b-06
    ("ah attendez en fait lundi elle travaille plutot mardi apres midi", "mardi apres midi"),
    ("lundi elle bosse, mardi aprem plutot", "mardi aprem"),
    ("lundi il travaille plutot mardi", "mardi"),
    ("attends lundi ma femme travaille, mettez mardi aprem", "mardi aprem"),
    ("en fait lundi elle taffe, mardi après-midi c'est mieux", "mardi après-midi"),
]


@pytest.mark.parametrize("words, moment", BUSY_THEN_ANOTHER_DAY)
def test_a_day_the_person_is_busy_then_another_is_a_moment_moved(words, moment):
    assert moment_moved(words) == moment


@pytest.mark.parametrize(
    "words", ["lundi elle travaille", "l'audience est lundi plutot que mardi", "je suis plutot du matin"]
)
def test_no_moment_moved_without_a_new_moment_for_the_call(words):
    assert moment_moved(words) is None


def stored_case(moment):
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    current = tracker(
        [*events, slot("phone", "06 11 22 33 45")],
        slots={**consented(), "phone": "06 11 22 33 45", "callback_slot": moment, "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


AFTER_THE_CASE = [
    (action, intent, words)
    for words, _ in BUSY_THEN_ANOTHER_DAY[:4]
    for action, intent in (
        (ActionAnswerOutsideQuestion, "affirm"),
        (ActionAnswerOutsideQuestion, "inform"),
        (ActionStopConversation, "goodbye"),
    )
    # "attendez" read as a goodbye is a hesitation: the question waits (round 23), another path.
    if not (action is ActionStopConversation and "attendez" in words)
]


@pytest.mark.parametrize("action, intent, words", AFTER_THE_CASE)
def test_the_moment_changed_after_the_case_replaces_the_cases(action, intent, words):
    moment = "n'importe quand elle est a la maison"
    reference = stored_case(moment)
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot=moment)
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt."
    events = [user("la banque m'a coupé le découvert"), bot(promise), user(words, intent)]
    dispatcher, produced = run(action(), tracker(events, slots=slots, sender_id=SENDER), DOMAIN)
    said = texts(dispatcher)
    assert slot_events(produced)["callback_slot"] == moment_moved(words)
    assert said and said[0].startswith("C'est corrigé : un conseiller vous rappellera le mardi 8 décembre")
    assert stored_cases()[-1].callback_slot == moment_moved(words)


# ------------------------------------------------------------------ the end of the day, said with why (s25b-05)


@pytest.mark.parametrize(
    "words",
    [
        "plutot en fin de journée, je suis sur les chantiers toute la journée",  # s25b-05
        "plutot en fin de journee je suis sur les chantiers toute la journee",
        "en fin d'journée jsuis sur les chantiers",
        "fin de journée de préférence, la journée je suis sur les toits",
        "plutôt en fin de journée point je suis sur les chantiers toute la journée point",
    ],
)
def test_the_end_of_the_day_said_with_why_is_the_moment(words):
    wish = moment_wished(words)
    assert wish and CallbackPreference.read(wish).part == "late"


@pytest.mark.parametrize("words", ["plutot en fin de journée, je suis sur les chantiers toute la journée"])
def test_the_end_of_the_day_read_as_a_goodbye_is_kept_not_asked_again(words):
    events = [
        user("la banque m'a coupé le découvert"),
        slot("requested_slot", "callback_slot"),
        bot(MOMENT_ASKED),
        user(words, "goodbye"),
    ]
    slots = {**consented(), "phone": "+33611223345", "requested_slot": "callback_slot"}
    current = tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(ActionStopConversation(), current, DOMAIN)
    said = " ".join(texts(dispatcher))
    assert "Si vous préférez arrêter" not in said
    assert slot_events(produced).get("callback_slot") == words

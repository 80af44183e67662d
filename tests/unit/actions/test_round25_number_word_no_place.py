"""Round 25 (talker A, s25a-06, HIGH): Lons-le-Saunier (Jura, 39) read from the first message, then "deux" at "Avez-vous
des salariés ?", tagged a département by the entity extractor, stayed in the place slot: the case went without a
département and its summary said "Lieu : deux". A number word is never a département, and a place once read is never
replaced by words that name no place. Real trackers, several voices."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from intake.facts import is_place_mention
from tests.support.trackers import bot, run, slot_events, tracker, user

FIRST = (
    "Bonjour, je m'appelle Martine, mon mari est décédé il y a 8 mois, il avait un garage à Lons-le-Saunier "
    "(réparation auto). Je ne sais pas par où commencer."
)


def _at_the_employees_question(words: str, tagged: str, known: str = "39") -> list[dict]:
    return [
        user(FIRST),
        {"event": "slot", "name": "departement", "value": known},
        {"event": "slot", "name": "requested_slot", "value": "employees"},
        bot("Avez-vous des salariés ? Si oui, combien ?"),
        user(words, "inform", [{"entity": "departement", "value": tagged}]),
        {"event": "slot", "name": "departement", "value": tagged},
        {"event": "slot", "name": "employees", "value": words},
    ]


# (the answer, the words the entity extractor tagged as a département)
NUMBER_WORDS_SAID = [
    ("deux", "deux"),  # the tester's
    ("Deux.", "Deux"),
    ("oui deux", "deux"),
    ("ya trois gars", "trois"),
    ("on est quatre avec moi", "quatre"),
    ("deux meme si c dur en ce moment", "deux"),
    ("deux virgule les mécaniciens point", "deux"),  # dictation
    ("un apprenti", "un"),
    ("vingt deux", "vingt deux"),
]


@pytest.mark.parametrize("words, tagged", NUMBER_WORDS_SAID)
def test_a_number_word_is_never_a_place(words, tagged):
    assert not is_place_mention(tagged, words)


@pytest.mark.parametrize("words, tagged", NUMBER_WORDS_SAID)
def test_the_place_read_first_stays_after_a_number_word(words, tagged):
    current = tracker(
        _at_the_employees_question(words, tagged),
        slots={"requested_slot": "employees", "departement": tagged, "employees": words},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert slot_events(events).get("departement") == "39"


@pytest.mark.parametrize(
    "words, tagged",
    [
        ("mes gars, Rudy et Hakim", "Hakim"),  # a first name the extractor tagged a town
        ("les deux mécanos quoi", "mécanos"),
        ("bof", "bof"),
    ],
)
def test_words_that_name_no_place_never_replace_the_place_known(words, tagged):
    current = tracker(
        _at_the_employees_question(words, tagged),
        slots={"requested_slot": "employees", "departement": tagged, "employees": words},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert slot_events(events).get("departement") == "39"


@pytest.mark.parametrize(
    "words, tagged, code",
    [
        ("non pardon on est à Arras en fait", "Arras", "62"),
        ("ah non c'est dans le 71", "71", "71"),
    ],
)
def test_a_place_put_right_still_replaces_the_place(words, tagged, code):
    current = tracker(
        _at_the_employees_question(words, tagged),
        slots={"requested_slot": "employees", "departement": tagged, "employees": words},
        active_loop="situation_form",
    )
    _, events = run(ValidateTriageSlots(), current)
    assert slot_events(events).get("departement", tagged) in (code, tagged) and (
        slot_events(events).get("departement", tagged) != "39"
    )

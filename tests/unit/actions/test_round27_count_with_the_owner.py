"""A count of people that includes the owner (round 27, lead27-02): "on est 2, moi et mon apprenti" at the debts
question became "Salariés : mon apprenti", the count lost. The count is kept with who it counts, so that the advisor
and the guidance's profile read one employee (the apprentice), two people with the owner."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots
from guidance.profile import read_employees
from intake.facts import extract_facts
from tests.support.trackers import bot, run, slot_events, tracker, user

# (words, employees kept, employees the profile counts)
WITH_THE_OWNER = [
    ("on est 2, moi et mon apprenti", "on est 2, moi et mon apprenti", 1),  # as typed
    ("on est 2 moi et mon apprenti", "on est 2 moi et mon apprenti", 1),
    ("ON EST 2 MOI ET MON APPRENTI", "ON EST 2 MOI ET MON APPRENTI", 1),
    ("euh on est 2... moi et mon apprenti", "on est 2... moi et mon apprenti", 1),
    ("on est deux moi et l apprentie, et on doit 8000 a la banque", "on est deux moi et l apprentie", 1),
    ("on est 2 : moi + mon apprenti", "on est 2 : moi + mon apprenti", 1),
    ("Nous sommes trois : moi, ma femme et un ouvrier.", "Nous sommes trois : moi, ma femme et un ouvrier", 2),
    ("nous sommes deux : moi-même et mon apprenti", "nous sommes deux : moi-même et mon apprenti", 1),
    ("on est 3 avec moi", "on est 3 avec moi", 2),
]


@pytest.mark.parametrize("asked", ["creditors", "employees", "deadline"])
@pytest.mark.parametrize("words, kept, count", WITH_THE_OWNER)
def test_the_count_is_kept_with_who_it_counts(words, kept, count, asked):
    employees = extract_facts(words, asked=asked).get("employees")
    assert employees == kept
    assert read_employees(employees)[1] == count


# Near misses: what was read before stays.
@pytest.mark.parametrize(
    "words, kept",
    [
        ("on est 3 avec mon apprenti", "on est 3 avec mon apprenti"),
        ("on est 2 et on doit 5000 a l urssaf", "on est 2"),
        ("on est 2 et la banque me relance", "on est 2"),
        ("on est 4 dans la boite dont moi", "on est 4"),
        ("moi et mon apprenti", "mon apprenti"),
        ("j'ai un apprenti", "un apprenti"),
        ("nous sommes deux boulangers", None),
        ("nous sommes deux", None),
    ],
)
def test_other_counts_are_read_as_before(words, kept):
    assert extract_facts(words, asked="creditors").get("employees") == kept


def test_at_the_debts_question_the_case_gets_the_count():
    words = "on est 2, moi et mon apprenti"
    events = [
        user("je suis menuisier, un client en liquidation me doit 8000 euros"),
        {"event": "slot", "name": "requested_slot", "value": "creditors"},
        bot("Devez-vous de l'argent à quelqu'un aujourd'hui (URSSAF, impôts, banque, fournisseurs) ?"),
        user(words, "inform"),
    ]
    current = tracker(events, slots={"requested_slot": "creditors"}, active_loop="situation_form")
    _, produced = run(ValidateTriageSlots(), current)
    assert slot_events(produced).get("employees") == words

"""Round 19 (facts): what the entity extractor and the triage read outside their question never replaces the facts
noted with something the words do not say: a deadline from "on est samedi", a past date or a length of time said for
another question (c.M2, a.M8); a count of employees by a vaguer later mention (z.r19z-07); the Cantal from "le 15",
the emergency number (b.H1, b.H2). New sentences, not the talker's."""

from __future__ import annotations

from datetime import date

import pytest

from actions import services
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, tracker, user


@pytest.fixture(autouse=True)
def _saturday(monkeypatch):
    monkeypatch.setattr(services, "chamber_today", lambda: date(2026, 12, 5))


def _entity_read(latest: str, slot: str, value: str, before: str | None = None, asked: str | None = None):
    events = [user("je suis carreleur à Vannes, l'urssaf me réclame 4000 euros")]
    slots = {"requested_slot": asked}
    if before is not None:
        events.append({"event": "slot", "name": slot, "value": before, "timestamp": None})
    events += [bot("D'accord."), user(latest), {"event": "slot", "name": slot, "value": value, "timestamp": None}]
    slots[slot] = value
    return tracker(events, slots)


@pytest.mark.parametrize(
    "latest, value, before, kept",
    [
        ("ah pardon, on est samedi, donc lundi vers 11h", "samedi", None, None),
        ("ma mère est partie le 28 novembre, c'est elle qui tenait les comptes", "le 28 novembre", None, None),
        ("un client a annulé sa commande le 1er décembre", "le 1er décembre", "le 18 décembre", "le 18 décembre"),
        ("trois semaines", "trois semaines", None, None),
        # near miss: a date to come stays
        ("l'huissier revient vendredi prochain", "vendredi prochain", None, "le vendredi 11 décembre"),
    ],
)
def test_a_deadline_read_in_words_that_say_none_is_set_back(latest, value, before, kept):
    _, events = run(ValidateTriageSlots(), _entity_read(latest, "deadline", value, before, asked="since_when"))
    assert slot_events(events).get("deadline", value) == kept


@pytest.mark.parametrize(
    "latest, before, kept",
    [
        ("j'ai prévenu mes compagnons ce matin", "trois compagnons", "trois compagnons"),
        ("mes ouvriers attendent leur paie", "2 ouvriers", "2 ouvriers"),
        # near miss: a count said later replaces the one noted
        ("en fait on est 4 ouvriers", "2 ouvriers", "4 ouvriers"),
    ],
)
def test_a_vaguer_mention_of_the_employees_never_replaces_their_count(latest, before, kept):
    events = [
        user("je suis couvreur"),
        {"event": "slot", "name": "employees", "value": before, "timestamp": None},
        bot("D'accord."),
        user(latest),
    ]
    _, result = run(ValidateTriageSlots(), tracker(events, {"employees": before}))
    assert slot_events(result).get("employees", before) == kept


@pytest.mark.parametrize(
    "latest, departement",
    [
        ("mais pourquoi vous voulez que j'appelle le 15 ? je demande pour mon contrat", None),
        ("non non, on n'a pas besoin du 15, elle va bien", None),
        ("faut composer le 15 ou le 112 ?", None),
        # near misses: a place said with its code
        ("je travaille dans le 15, à Mauriac", "15"),
        ("menuisier à Aurillac (15)", "15"),
    ],
)
def test_the_emergency_number_is_never_a_departement(latest, departement):
    events = [user("mon patron est à l'hôpital"), bot("D'accord."), user(latest)]
    _, result = run(ValidateTriageSlots(), tracker(events, {}))
    assert slot_events(result).get("departement") == departement

"""Round 25 (talker B): places and deadlines, over real trackers and the real triage action. Sentences of our own
beside the talker's, in several voices (SMS, no accents, typos, dictation), and near misses.

- s25b-02: "le 9-3" (Seine-Saint-Denis) was read as a deadline ("échéance « le 9-3 » (dans 3 jours)", urgency haute,
  "Échéance : le 9-3"); "dans le 9-3" in the first message was not read as the place, and the place was asked again.
- s25b-14: "d'un maçon de Besançon" in the first message was not read as the place.
- s25b-04: "59300 … urssaf de 4500" then "c'est 59330, Hautmont": the case said "URSSAF 59330 €". A postcode is never
  an amount; its correction corrects the place only.
"""

from __future__ import annotations

from datetime import date

import pytest

from actions.triage_actions import ValidateTriageSlots
from intake.facts import corrected_creditors, extract_facts
from ops import clock
from tests.support.trackers import bot, run, slot_events, tracker, user
from triage.dates import find_deadlines

SUNDAY = "2026-12-06T10:00:00+01:00"
TODAY = date(2026, 12, 6)


@pytest.fixture(autouse=True)
def sunday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SUNDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def triaged(words, read=None, asked=None, before=()):
    """The triage action's slots after ``words`` (``read``: what the entity extractor filled from them), at ``asked``."""
    events = [*before]
    if asked:
        events += [slot("requested_slot", asked), bot("?")]
    events += [user(words), *[slot(name, value) for name, value in (read or {}).items()]]
    slots = {**(read or {}), "requested_slot": asked}
    _, produced = run(ValidateTriageSlots(), tracker(events, slots=slots))
    return {**slots, **slot_events(produced)}


# ------------------------------------------------------------------ "le 9-3" is a place, never a date (s25b-02)

NINE_THREE = [
    ("slt jsuis boulanger dans le 9-3, la banque m'a coupé le decouvert du jour au lendemain", "3"),  # s25b-02
    ("boulanger dans le 9-3. la banque m a coupe le decouvert", "le 9-3"),
    ("je suis boulangère dans le 9 3, ma banque a coupé mon découvert", "3"),
    ("bonjour je suis plombier dans le 9-2, la banque m'a coupé le découvert", "le 9-2"),
]


@pytest.mark.parametrize("words, read", NINE_THREE)
def test_a_departement_said_digit_by_digit_is_the_place_and_no_deadline(words, read):
    slots = triaged(words, {"deadline": read})
    assert slots["departement"] in ("93", "92")
    assert slots["deadline"] is None
    assert slots["urgency"] != "haute" or "échéance" not in " ".join(slots["triage_reasons"].get("urgency", []))


@pytest.mark.parametrize(
    "words, read",
    [("le 9-3 je vous ai dit, a Bobigny", "le 9-3"), ("le 9 3 je vous l'ai dit", "le 9 3"), ("dans le 9-3", "le 9-3")],
)
def test_the_place_answer_in_digits_is_no_deadline(words, read):
    first = user("slt jsuis boulanger, la banque m'a coupé le decouvert du jour au lendemain")
    slots = triaged(words, {"deadline": read, "departement": "93"}, asked="departement", before=[first])
    assert slots["deadline"] is None
    assert not any("9-3" in reason or "9 3" in reason for reason in slots["triage_reasons"].get("urgency", []))


@pytest.mark.parametrize("words", ["le 9-3", "le 9 3", "dans le 9-3, a Bobigny", "le 7-7 je vous ai dit"])
def test_the_triages_dates_never_read_a_departement(words):
    assert find_deadlines(words, TODAY) == []


@pytest.mark.parametrize(
    "words, days", [("le 9", 3), ("avant le 15", 9), ("le 15-12", 9), ("audience le 9 décembre", 3)]
)
def test_a_day_of_the_month_is_still_a_deadline(words, days):
    assert [deadline.days for deadline in find_deadlines(words, TODAY)] == [days]


def test_a_real_deadline_beside_the_place_stays():
    slots = triaged("boulanger dans le 9-3, saisie sur mon compte le 15 décembre", {"deadline": "le 15 décembre"})
    assert "15 décembre" in slots["deadline"]


# ------------------------------------------------------------------ a town after the trade (s25b-14)


@pytest.mark.parametrize(
    "words, code",
    [
        ("Je suis l'expert-comptable d'un maçon de Besançon (SARL, 4 salariés), 22 000 € de dettes URSSAF", "25"),
        ("un maçon de Besancon, il doit 22000 a l'urssaf", "25"),
        ("boulangère de Lille, la banque me lâche", "59"),
        ("électricien de Montpellier depuis 10 ans, plus de chantiers", "34"),
    ],
)
def test_a_town_said_after_the_trade_is_the_place(words, code):
    assert extract_facts(words, TODAY).get("departement") == code
    assert triaged(words)["departement"] == code


@pytest.mark.parametrize("words", ["un maçon de confiance m'a planté", "plombier de métier, la banque me lâche"])
def test_a_word_after_the_trade_is_no_place(words):
    assert extract_facts(words, TODAY).get("departement") is None


# ------------------------------------------------------------------ a postcode is never an amount (s25b-04)

POSTCODE_PUT_RIGHT = [
    "oups je me suis trompée de code c'est 59330, Hautmont. sinon pas d'echeance pour l'instant",  # s25b-04
    "oups je me suis trompee de code cest 59330 hautmont",
    "pardon le code postal c'est 59330",
    "non cp 59330 pas 59300",
    "je me suis trompée c'est 59330, Hautmont",
]


@pytest.mark.parametrize("words", POSTCODE_PUT_RIGHT)
def test_a_postcode_put_right_never_replaces_an_amount(words):
    assert corrected_creditors("URSSAF 4500 €, impôts", words) is None


@pytest.mark.parametrize("words", POSTCODE_PUT_RIGHT[:3])
def test_a_postcode_put_right_at_the_deadline_question_keeps_the_debt(words):
    first = user(
        "bonjour je suis coiffeuse a domicile, 59300, j'ai un redressement de l'urssaf de 4500 et un contrôle fiscal"
    )
    before = [first, slot("creditors", "URSSAF 4500 €, impôts"), slot("departement", "59")]
    read = {"creditors": "URSSAF 4500 €, impôts", "departement": "59"}
    slots = triaged(words, read, asked="deadline", before=before)
    assert slots["creditors"] == "URSSAF 4500 €, impôts"
    assert slots["departement"] == "59"


@pytest.mark.parametrize(
    "words, corrected",
    [("pardon c'est 45000 pas 4500", "URSSAF 45000 €, impôts"), ("non pas 4500, 5400", "URSSAF 5400 €, impôts")],
)
def test_an_amount_put_right_still_replaces_it(words, corrected):
    assert corrected_creditors("URSSAF 4500 €, impôts", words) == corrected

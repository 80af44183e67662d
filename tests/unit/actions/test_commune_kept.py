"""Round 25: a roofer near Saint-Malo; the case kept the département 35 only, not the commune the artisan named.

A commune read in the artisan's own words (places.find_in_text, through intake.facts.commune_said) is kept in the
`commune` slot, which the case's situation carries ("Commune : près de Saint-Malo" beside "Lieu : 35"). Only a commune
said: never a negated one, never one inferred from a postcode several communes share, never a département's name.
"""

from __future__ import annotations

import pytest

from actions.handoff import build_case_draft
from actions.triage_actions import ValidateTriageSlots
from intake.facts import commune_said
from tests.support.trackers import bot, run, slot_events, tracker, user


def _first_message(words: str, slots: dict | None = None) -> dict:
    known = [{"event": "slot", "name": name, "value": value} for name, value in (slots or {}).items()]
    events = [*known, bot("Qu'est-ce qui vous amène aujourd'hui ?"), user(words)]
    _, produced = run(ValidateTriageSlots(), tracker(events, slots or {}))
    return slot_events(produced)


@pytest.mark.parametrize(
    "words, code, commune",
    [
        ("je suis couvreur près de Saint-Malo, deux clients ne m'ont pas payé", "35", "près de Saint-Malo"),
        ("couvreur a saint malo, 2 clients paient pas", "35", "Saint-Malo"),
        ("chui couvreur a st malo et les clients payent plus", "35", "Saint-Malo"),
        ("Je suis couvreur à Dinard virgule mes clients ne paient plus point", "35", "Dinard"),
        ("je suis couvreur, pas à Saint-Malo hein, à Rennes, les clients paient plus", "35", "Rennes"),
    ],
)
def test_a_commune_named_is_kept_with_its_departement(words, code, commune):
    slots = _first_message(words)
    assert slots.get("departement") == code, slots
    assert slots.get("commune") == commune, slots


@pytest.mark.parametrize(
    "words",
    [
        "je suis couvreur, je suis pas a saint malo, mes clients paient plus",
        "couvreur dans le 35, mes clients paient plus",
        "couvreur en Ille-et-Vilaine, mes clients paient plus",
    ],
)
def test_no_commune_is_stored_unless_one_is_said(words):
    assert not _first_message(words).get("commune")


def test_a_postcode_several_communes_share_names_no_commune():
    assert commune_said("je suis couvreur au 22100", "22") is None


def test_the_commune_known_stays_when_the_departement_is_said_again():
    slots = _first_message("oui c'est dans le 35", {"departement": "35", "commune": "près de Saint-Malo"})
    assert slots.get("commune", "près de Saint-Malo") == "près de Saint-Malo"


def test_a_town_where_one_will_be_never_replaces_the_commune_known():
    known = {"departement": "35", "commune": "près de Saint-Malo"}
    slots = _first_message("oui mais lundi je serai sur un chantier a Rennes", known)
    assert slots.get("commune", "près de Saint-Malo") == "près de Saint-Malo", slots


def test_another_departement_takes_the_old_commune_away():
    slots = _first_message("ah non pardon, je suis dans le 22", {"departement": "35", "commune": "près de Saint-Malo"})
    assert slots.get("departement") == "22" and slots.get("commune") is None, slots


def test_the_case_carries_the_commune_for_the_advisor():
    draft = build_case_draft(
        conversation_id="c-r25-commune",
        reference="R25-COM",
        chamber_id="cma-test",
        slots={
            "difficulty_categories": ["tresorerie"],
            "urgency": "normale",
            "consent_given": True,
            "departement": "35",
            "commune": "près de Saint-Malo",
        },
        situation={"departement": "35"},
        transcript=[{"sender": "artisan", "text": "je suis couvreur près de Saint-Malo"}],
        consent_version="v1",
    )
    assert draft.situation.get("commune") == "près de Saint-Malo"
    assert draft.departement == "35"

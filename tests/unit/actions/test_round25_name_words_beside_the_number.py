"""Round 25, defect 4: the words that introduce a first name are no part of it.

`name_beside_contact("le prénom c'est Jean-Marc")` gave "prénom Jean-Marc", and "il s'appelle Jean-Marc, 06 ..." gave no
name at all: at the name question, "le prénom c'est Jean-Marc 06 12 34 56 78" stored "prénom Jean-Marc" as the name the
advisor asks for. "le prénom c'est", "mon prénom est", "il s'appelle", "elle s'appelle", "c'est" only introduce it.

Real trackers at the name question, the real form validation; sentences written for these tests (SMS, no accents,
typos, dictation)."""

from __future__ import annotations

import pytest

from actions.handoff import name_beside_contact
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, tracker, user

INTRODUCED = [
    ("le prénom c'est Jean-Marc", "Jean-Marc"),
    ("mon prénom est Jean-Marc", "Jean-Marc"),
    ("il s'appelle Jean-Marc", "Jean-Marc"),
    ("elle s'appelle Nadia", "Nadia"),
    ("c'est Nadia", "Nadia"),
    ("Le prénom c'est Jean-Marc 06 12 34 56 78", "Jean-Marc"),
    ("mon prenom cest Jean-Marc, 06 12 34 56 78", "Jean-Marc"),  # no accents, SMS
    ("son prénom c'est Nadia, 06 45 12 78 90", "Nadia"),
    ("elle s appelle Nadia 0645127890", "Nadia"),  # the apostrophe lost
    ("il sappelle Jean-Marc 06.12.34.56.78", "Jean-Marc"),
    ("elle sapelle Nadia 06 45 12 78 90", "Nadia"),  # a typo
    ("prénom : Nadia, numéro : 06 45 12 78 90", "Nadia"),
    ("le prénom c'est Jean-Marc virgule zéro six douze trente-quatre cinquante-six soixante-dix-huit", "Jean-Marc"),
    ("mon nom c'est Durand 06 12 34 56 78", "Durand"),
]


@pytest.mark.parametrize("words, name", INTRODUCED)
def test_the_words_that_introduce_a_name_are_no_part_of_it(words, name):
    assert name_beside_contact(words) == name


@pytest.mark.parametrize(
    "words",
    [
        "le prénom c'est 06 12 34 56 78",  # no name at all
        "appelez moi sur le 06 12 34 56 78",
        "il s'appelle comment déjà, 06 12 34 56 78",
        "demain matin 06 12 34 56 78",
        "sa ligne directe 07 81 22 43 65",
        "elle répond 06 12 34 56 78",
        "il répond jamais, 06 12 34 56 78",
    ],
)
def test_near_misses_name_nobody(words):
    assert name_beside_contact(words) is None


AT_THE_NAME = "Quel est le prénom de votre père, pour le conseiller ?"


@pytest.mark.parametrize(
    "words, name",
    [
        ("le prénom c'est Jean-Marc 06 12 34 56 78", "Jean-Marc"),
        ("le prenom c Jean-Marc, 06 12 34 56 78", "Jean-Marc"),
        ("il s'appelle Jean-Marc, son portable 06 12 34 56 78", "Jean-Marc"),
        ("mon prénom est Nadia et mon numéro le 06 45 12 78 90", "Nadia"),
    ],
)
def test_at_the_name_question_the_case_keeps_the_name_alone(words, name):
    events = [
        user("j'écris pour mon père, il est boulanger, l'urssaf lui réclame 8000 euros", "describe_situation"),
        bot(AT_THE_NAME),
        user(words, "inform"),
        {"event": "slot", "name": "contact_name", "value": words},
    ]
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "normale",
        "wants_advisor": True,
        "consent_given": True,
        "consent_at": "2026-12-06T10:00:00+00:00",
        "requested_slot": "contact_name",
        "contact_name": words,
    }
    _, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced).get("contact_name") == name

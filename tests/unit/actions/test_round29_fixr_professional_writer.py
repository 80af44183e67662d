"""Round 29, talker b (fixr): an accountant writing for a client, over the real acknowledgement action and the real
case draft.

- r29-b-07: "Je suis l'expert-comptable d'un de mes clients, plombier ..." got "votre proche" and a case with no line
  saying who wrote; the person at risk was « un proche ».
- r29-b-24: "je suis le comptable de la SARL Garage ..." : no writer line, the manager's number filed as the writer's.
A professional writing for a client is a writer for someone else, named as such. Near misses: the artisan who names
their own accountant, or who is an accountant by training, writes for themself.
"""

from __future__ import annotations

import pytest

from actions.handoff import build_case_draft
from actions.intake_actions import ActionAcknowledgeSituation
from tests.support.trackers import run, texts, tracker, user


def _restatement(first: str) -> str:
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "triage_reasons": {}}
    said = texts(run(ActionAcknowledgeSituation(), tracker([user(first)], slots=slots))[0])
    return next(text for text in said if "Si je comprends bien" in text)


FIRSTS = [
    ("Bonjour, je suis l'expert-comptable d'un de mes clients, menuisier à Niort : sa banque lui coupe tout", "client"),
    ("je suis la comptable de la SARL Carrelages Dumas, la banque a dénoncé le découvert", "client"),
    ("Bonjour, je suis le comptable de Mme Ortiz, fleuriste, sa banque a bloqué le compte", "cliente"),
]


@pytest.mark.parametrize("first, client", FIRSTS)
def test_the_client_is_the_person_concerned(first, client):
    assert f"Si je comprends bien, votre {client} fait face" in _restatement(first)


@pytest.mark.parametrize(
    "first",
    [
        "mon comptable m'a dit de vous écrire, la banque me coupe le découvert",
        "je suis comptable de formation mais j'ai repris une boulangerie, la banque me lâche",
    ],
)
def test_the_artisan_who_names_an_accountant_writes_for_themself(first):
    assert "Si je comprends bien, vous faites face" in _restatement(first)


def test_the_case_says_a_professional_wrote_for_a_client():
    draft = build_case_draft(
        conversation_id="fixr-accountant",
        reference="RL-FIXR04",
        chamber_id="cma-test",
        slots={
            "difficulty_categories": ["banque"],
            "urgency": "haute",
            "consent_given": True,
            "contact_name": "Hélène",
        },
        situation={},
        transcript=[{"sender": "artisan", "text": FIRSTS[0][0]}],
        consent_version="v1",
    )
    assert "Écrit par un professionnel : son expert-comptable" in draft.summary
    assert "personne concernée : son client" in draft.summary

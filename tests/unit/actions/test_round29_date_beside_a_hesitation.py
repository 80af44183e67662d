"""Round 29 (make run, the lead): "je sais pas trop, ya une date sur le papier, le 18 je crois" at "Voulez-vous qu'un
conseiller vous rappelle ?" got the advisor's role explained and the date dropped: the case had no deadline. A date
named as written on a paper is a deadline; beside a hesitation at the offer, what was kept is said back."""

from __future__ import annotations

from datetime import date

import pytest

from intake.facts import extract_facts
from tests.support.handoff_form import validate

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "words, deadline",
    [
        ("bof je sais pas, y a une date sur le courrier, le 21", "le lundi 21 décembre"),
        ("la date dans la lettre c'est le 30 décembre", "le mercredi 30 décembre"),
        ("une date est marquée sur le recommandé : le 19", "le samedi 19 décembre"),
    ],
)
def test_a_date_written_on_a_paper_is_the_deadline(words, deadline):
    assert extract_facts(words, MONDAY) == {"deadline": deadline}


@pytest.mark.parametrize(
    "words",
    ["la date de création c'est le 18", "le 18 je suis en congé", "j'ai pris date avec le comptable le 15"],
)
def test_other_dates_are_no_deadline(words):
    assert "deadline" not in extract_facts(words, MONDAY)


def test_beside_a_hesitation_at_the_offer_the_date_kept_is_said():
    deadline = "le lundi 21 décembre"
    said, slots = validate(
        "wants_advisor",
        "je sais pas trop, y a une date sur le courrier, le 21",
        {"wants_advisor": None, "deadline": deadline},
    )
    assert slots.get("wants_advisor") is None
    assert said[0].startswith(f"Merci, c'est noté : échéance {deadline}.")


def test_a_hesitation_alone_still_explains_the_advisor_s_role():
    said, _ = validate("wants_advisor", "je sais pas trop", {"wants_advisor": None})
    assert not said[0].startswith("Merci, c'est noté")

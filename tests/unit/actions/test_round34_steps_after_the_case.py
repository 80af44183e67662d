"""Round 34 (make run, r34-f): a redressement judiciaire, the callback asked at an intake question, the case stored; the
steps said right after "votre demande est bien enregistrée" began with the chamber's card, "Appelez-les au ..., ou
demandez ici qu'un conseiller vous rappelle". With the case made, that card is left out; the others still come."""

from __future__ import annotations

import pytest

from actions.handoff import CASE_SAVED
from guidance.select import CHAMBER_ADVISORS
from tests.unit.actions.test_round27_steps_with_the_case import INTRO, _at_the_phone_question, _given

# An open procedure, in several voices: the chamber's card leads the steps when no case exists.
PROCEDURE_OPEN = [
    "j'ai un redressement judiciaire ouvert depuis octobre, le mandataire attend un plan",
    "on est en redressement judiciaire depuis un mois, je sais pas comment tenir le plan",
    "Madame, Monsieur, ma société a été placée en redressement judiciaire le mois dernier.",
]


@pytest.mark.parametrize("first", PROCEDURE_OPEN)
def test_the_chambers_card_is_left_out_once_the_case_is_made(first):
    _, dispatcher, produced = _at_the_phone_question(first)
    said = " ".join(dispatcher.messages[i].get("text") or "" for i in range(len(dispatcher.messages)))
    assert said.startswith(f"{CASE_SAVED} {INTRO}")
    given = _given(produced)
    assert given and CHAMBER_ADVISORS not in given
    assert "demandez ici qu'un conseiller vous rappelle" not in said

"""Round 26 (talk-c M10: r26c-06, r26c-16, r26c-18): the card on the sole trader's protected personal assets said
"depuis mai 2022" as if it covered every debt (a taxi-licence loan probably older than 2022). Its text now says the
condition the law sets: debts born after 15 May 2022 (loi n° 2022-172, as the entry's own conditions and source say)."""

from __future__ import annotations

import pytest

from actions import services
from guidance import render_guidance
from guidance.select import select_guidance
from triage import assess

CARD = "patrimoine_ei"


def _entries(message: str):
    return select_guidance(
        services.knowledge_base(),
        assess([message]),
        services.chamber(),
        {},
        limit=12,
        messages=[message],
        today=services.chamber_today(),
    )


@pytest.mark.parametrize(
    "message",
    [
        "j'ai des dettes, ils peuvent saisir ma maison ?",
        "je suis en entreprise individuelle et j'ai peur pour mes biens personnels avec toutes ces dettes",
    ],
)
def test_when_the_assets_are_feared_for_it_says_its_condition(message):
    entries = [entry for entry in _entries(message) if entry.id == CARD]
    assert entries
    text = render_guidance(entries, services.chamber())[0]
    assert "nées après le 15\u00a0mai 2022" in text

"""Places written every way, through the real running bot: every message answered, and after consent,
first name and phone the case reaches the inbox with the right département (issue 12)."""

from __future__ import annotations

import pytest

from tests.e2e.test_walking_skeleton import find_case, login
from tests.support.intake import ANSWERS

# The answers given to the place question, in turn (a second one when the bot asks again), and the
# département the case must carry (None: left for the advisor, kept as typed in the situation).
PLACES = [
    (["Arras"], "62"),
    (["pas de calais"], "62"),
    (["le Nord"], "59"),
    (["Seine-St-Denis"], "93"),
    (["Boulogne sur mer"], "62"),  # the CRF tags only "mer" as a town: the whole answer is read
    (["mon garage est a bethune"], "62"),
    (["20000"], "2A"),  # Ajaccio: Corsica's postcodes are split by commune
    (["97400"], "974"),
    (["à Trifouillis", "Pétaouchnok"], None),  # not read twice: kept for the advisor, never blocks
    (["Saint-Pierre", "Saint-Pierre (974)"], "974"),  # a name shared by several départements, then chosen
]


def walk_with_place(conversation, places: list[str]) -> tuple[list[list[str]], dict]:
    pending = list(places)
    said = [("bonjour", conversation.say("bonjour"))]
    opening = "l'urssaf me réclame des cotisations et je n'arrive plus à payer"
    said.append((opening, conversation.say(opening)))
    for _ in range(len(ANSWERS) + len(places) + 2):
        slots = conversation.slots()
        if slots.get("case_reference") and slots.get("requested_slot") is None:  # stored, and the handoff over
            return said, slots
        asked = slots.get("requested_slot")
        assert asked in ANSWERS, f"unexpected state: requested_slot={asked!r}, last replies={said[-1]}"
        answer = (pending.pop(0) if pending else "passer") if asked == "departement" else ANSWERS[asked]
        said.append((answer, conversation.say(answer)))
    pytest.fail(f"no case after the whole conversation: {said}")


@pytest.mark.parametrize("places, code", PLACES, ids=[" / ".join(p) for p, _ in PLACES])
def test_every_place_answer_reaches_the_inbox(conversation, stack, advisor, http, places, code):
    said, slots = walk_with_place(conversation, places)
    silent = [message for message, replies in said if not replies]
    assert not silent, f"no reply to {silent}"
    login(http, stack, advisor)
    case = find_case(http, stack, slots["case_reference"])
    assert case["departement"] == code
    if code is None:
        assert case["situation"].get("departement") == places[-1], "\n".join(f"{m} -> {r}" for m, r in said)

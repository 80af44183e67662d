"""Round 26 (r26a-05, r26a-16): the case said « signe indirect, sa nature reste à préciser » although the triage had
read the kind of sign (tools given away, the life insurance for the family). The case names the category the triage
found, unquoted and « à confirmer » when only the classifier read it; a rule's reading keeps its own words. Real
trackers, the real triage and a real SQLite case store; sentences in other words than the conversations'."""

from __future__ import annotations

import pytest

from actions.handoff_actions import save_case
from actions.triage_actions import ValidateTriageSlots
from tests.support.action_services import stored_cases
from tests.support.trackers import consented, run, slot_events, tracker, user

SENDER = "case-names-the-sign"


def _case_summary(words: str) -> str:
    """The message triaged as Rasa does it, then the case stored after the consent."""
    events = [user("je suis menuisier, l'urssaf me réclame 12 000 €"), user(words, "express_distress")]
    _, triaged = run(ValidateTriageSlots(), tracker(events, slots=consented(), sender_id=SENDER))
    slots = consented(**slot_events(triaged), phone="+33611223344")
    assert slots.get("distress") is True
    save_case(tracker(events, slots=slots, sender_id=SENDER), slots)
    return stored_cases()[0].summary


@pytest.mark.parametrize(
    "words, named",
    [
        # SMS, no accents: the van and the tools given to the apprentice.
        (
            "jai file ma camionnette et mes outils au petit, il en fera meilleur usage que moi",
            "se défaire de ses biens",
        ),
        # Spoken, the life insurance for the family.
        ("au moins avec l'assurance vie ma famille sera tranquille", "disparaître pour l'assurance"),
        # Dictated, no punctuation.
        ("ma femme touchera l assurance vie au moins ce sera utile", "disparaître pour l'assurance"),
    ],
)
def test_a_sign_only_the_classifier_read_is_named_to_be_confirmed(words: str, named: str) -> None:
    summary = _case_summary(words)
    assert f"{named} (à confirmer)" in summary
    assert "sa nature reste à préciser" not in summary
    assert "Signes repérés" in summary


@pytest.mark.parametrize(
    "words, named",
    [
        # Near miss: a rule read the sign, its words stand without "à confirmer".
        ("j'ai donné mes outils à mon apprenti, j'en aurai plus besoin", "se défaire de ses biens."),
    ],
)
def test_near_miss_a_sign_a_rule_read_keeps_its_own_words(words: str, named: str) -> None:
    summary = _case_summary(words)
    assert named in summary and "à confirmer" not in summary

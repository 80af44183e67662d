"""A case draft built as the handoff builds it, from the artisan's messages alone: the facts of each message, the
triage of all of them, a consented callback (the case summary's tests read what it says)."""

from __future__ import annotations

from typing import Any

from actions.handoff import build_case_draft
from intake.facts import extract_facts
from triage.engine import assess


def case_draft(messages: list[str], conversation_id: str, reference: str, **slots: Any) -> Any:
    situation: dict[str, str] = {}
    for message in messages:
        for key, value in extract_facts(message).items():
            situation.setdefault(key, value)
    assessment = assess(messages)
    base = {
        "difficulty_categories": list(assessment.categories),
        "triage_reasons": {key: list(value) for key, value in assessment.reasons.items()},
        "urgency": "haute",
        "consent_given": True,
    }
    return build_case_draft(
        conversation_id=conversation_id,
        reference=reference,
        chamber_id="cma-test",
        slots={**base, **slots},
        situation=situation,
        transcript=[{"sender": "artisan", "text": message} for message in messages],
        consent_version="v1",
    )

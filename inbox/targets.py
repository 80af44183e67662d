"""The waiting targets per urgency: the rule lives in the core (cases.targets), shared with the supervisor's
notification job; this module keeps the inbox's name for it."""

from __future__ import annotations

from cases.targets import CRITICAL_GRACE, TARGET_LABELS, Wait, due_at, wait_of

__all__ = ["CRITICAL_GRACE", "TARGET_LABELS", "Wait", "due_at", "wait_of"]

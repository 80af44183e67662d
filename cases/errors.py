"""What the repositories raise for a request they refuse (a caller's bug raises ``InvalidDraft``, cases.drafts)."""

from __future__ import annotations


class CaseNotFound(LookupError):
    """No such case in the acting user's chamber."""


class InvalidTransition(ValueError):
    """The requested status change is not allowed from the current status."""


class InvalidInput(ValueError):
    """An inbox request with a value outside the allowed set."""

"""What the pages and the API share, one per application: settings, the repositories, the chambers and the
login throttle. The app puts it in every request's scope (inbox.app); ``context_of(request)`` reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from fastapi import Request
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from cases.accounts import AccountRepository
from cases.audit import AuditLog
from cases.live import LiveRepository
from cases.models import User
from cases.repository import CaseRepository
from cases.statistics import StatisticsRepository
from chamber import Chamber
from inbox.security import LoginThrottle
from ops.live import LiveHub
from ops.settings import Settings


@dataclass
class InboxContext:
    """Everything the pages and the API share (one per application)."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker
    repository: CaseRepository
    accounts: AccountRepository
    statistics: StatisticsRepository
    audit: AuditLog
    default_chamber: Chamber
    chambers: dict[str, Chamber]
    live: LiveRepository
    # The live chat's hub (ops.live): stores, publishes, pauses and resumes Rasa; started with the app.
    hub: LiveHub
    throttle: LoginThrottle = field(default_factory=LoginThrottle)

    def chamber(self, chamber_id: str) -> Chamber:
        return self.chambers.get(chamber_id, self.default_chamber)

    def zone_of(self, user: User) -> ZoneInfo:
        """The time zone of the user's chamber: its weeks and dates are counted there, not in UTC."""
        return self.chamber(user.chamber_id).timezone

    def erase(self, reference: str, actor: User) -> None:
        """The case, its Rasa conversation and its spooled drafts, at once (cases.retention.erase_everywhere)."""
        from cases.retention import erase_everywhere

        erase_everywhere(self.repository, reference, actor, self.settings.tracker_db_url, self.settings.outbox_dir)


def context_of(request: Request) -> InboxContext:
    return request.scope["relais_context"]

"""SQLAlchemy models of the cases database (portable between SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import declarative_base, relationship

from triage.rules import (
    CATEGORIES as CATEGORIES,  # part of this module's API (an explicit re-export)
    URGENCY_LEVELS,
)

STATUSES = ("nouveau", "en_cours", "en_attente", "clos")
OPEN_STATUSES = ("nouveau", "en_cours", "en_attente")
# The triage contract's codes (triage/rules.py), the most urgent first.
URGENCIES = tuple(reversed(URGENCY_LEVELS))
# Sort key: the most urgent first; a case without urgency goes last.
URGENCY_RANK: dict[str | None, int] = {**{level: rank for rank, level in enumerate(URGENCIES)}, None: len(URGENCIES)}
ROLES = ("advisor", "supervisor")
# "joint": the artisan was reached; it sets the case's first contact.
CALL_OUTCOMES = ("joint", "message_laisse", "pas_de_reponse", "numero_errone")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UtcDateTime(TypeDecorator):  # type: ignore[misc]  # SQLAlchemy 1.4 ships no types
    """Aware UTC datetimes in and out, on SQLite (which stores no offset) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a timezone-aware one")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
if TYPE_CHECKING:
    # What declarative_base() builds, as the type checker should see it (SQLAlchemy 1.4 ships no types).
    class Base:
        metadata: Any
        __table__: Any

        def __init__(self, **values: Any) -> None: ...
else:
    Base = declarative_base(metadata=metadata)


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(320), nullable=False, unique=True)  # stored lower-case
    name = Column(String(200), nullable=False)
    chamber_id = Column(String(64), nullable=False, index=True)
    role = Column(String(16), nullable=False)
    password_hash = Column(String(255), nullable=False)
    # sha256 of the API token: a stolen database does not give working tokens.
    api_token_hash = Column(String(64), unique=True)
    failed_logins = Column(Integer, nullable=False, default=0)
    locked_until = Column(UtcDateTime)
    # Raised at logout: every session cookie signed with an older epoch stops working.
    session_epoch = Column(Integer, nullable=False, default=0)
    active = Column(Boolean, nullable=False, default=True)
    last_login_at = Column(UtcDateTime)
    created_at = Column(UtcDateTime, nullable=False, default=utcnow)
    # How the artisan sees this advisor in the live chat ("Paul, conseiller de la chambre, a rejoint la
    # conversation."), set by the advisor in the inbox. None: the first word of ``name``, the chamber's word.
    live_name = Column(String(60))
    live_role = Column(String(60))

    @property
    def is_supervisor(self) -> bool:
        return bool(self.role == "supervisor")  # an ORM column reads as Any


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_queue", "chamber_id", "status", "urgency_rank", "created_at"),)

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False, unique=True)
    chamber_id = Column(String(64), nullable=False)
    status = Column(String(16), nullable=False, default="nouveau")
    assignee_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"))

    categories = Column(JSON, nullable=False, default=list)
    urgency = Column(String(16))
    urgency_rank = Column(Integer, nullable=False, default=URGENCY_RANK[None])
    distress = Column(Boolean, nullable=False, default=False)
    reasons = Column(JSON, nullable=False, default=dict)
    summary = Column(Text, nullable=False, default="")
    situation = Column(JSON, nullable=False, default=dict)
    guidance = Column(JSON, nullable=False, default=list)

    contact_name = Column(String(200))
    phone = Column(String(32))  # E.164
    email = Column(String(320))
    callback_slot = Column(String(200))
    departement = Column(String(3), index=True)

    consent_version = Column(String(64))
    consent_at = Column(UtcDateTime)
    health_consent = Column(Boolean, nullable=False, default=False)

    transcript = Column(JSON, nullable=False, default=list)
    # Accent-free lower-case text of every searchable field: one portable LIKE search on both databases.
    search_text = Column(Text, nullable=False, default="")

    created_at = Column(UtcDateTime, nullable=False, default=utcnow)
    updated_at = Column(UtcDateTime, nullable=False, default=utcnow)
    first_contact_at = Column(UtcDateTime)
    closed_at = Column(UtcDateTime)
    erased_at = Column(UtcDateTime)

    assignee = relationship("User", lazy="joined")
    notes = relationship("Note", order_by="Note.created_at", cascade="all, delete-orphan", lazy="selectin")
    call_attempts = relationship(
        "CallAttempt", order_by="CallAttempt.at", cascade="all, delete-orphan", lazy="selectin"
    )
    # The live chat with an advisor (cases.live): its messages join the transcript, and go with an erasure.
    live_messages = relationship(
        "LiveMessage", order_by="LiveMessage.id", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def primary_category(self) -> str | None:
        return self.categories[0] if self.categories else None


class Note(Base):
    __tablename__ = "notes"

    id = Column(Integer, primary_key=True)
    case_id = Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    author_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"))
    body = Column(Text, nullable=False)
    created_at = Column(UtcDateTime, nullable=False, default=utcnow)

    author = relationship("User", lazy="joined")


class CallAttempt(Base):
    __tablename__ = "call_attempts"

    id = Column(Integer, primary_key=True)
    case_id = Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    author_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"))
    outcome = Column(String(32), nullable=False)
    comment = Column(Text, nullable=False, default="")
    at = Column(UtcDateTime, nullable=False, default=utcnow)

    author = relationship("User", lazy="joined")


class AuditEvent(Base):
    """Who viewed or changed what, and when. No foreign key to cases: the trail outlives an erasure."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_chamber_at", "chamber_id", "at"),)

    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime, nullable=False, default=utcnow)
    actor_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"))
    actor_label = Column(String(320), nullable=False)  # the email, or "artisan" / "system"
    chamber_id = Column(String(64), nullable=False)
    action = Column(String(64), nullable=False)
    case_reference = Column(String(16), index=True)
    detail = Column(JSON, nullable=False, default=dict)


# States of a case's live chat (cases.live): waiting for an advisor, held by one, handed back to the bot, closed.
LIVE_STATES = ("waiting", "active", "returned", "ended")
LIVE_OPEN_STATES = ("waiting", "active")
LIVE_SENDERS = ("artisan", "advisor", "system")


class LiveSession(Base):
    """The live chat of one case: one row per case, its state moving waiting -> active -> returned/ended and
    back to waiting when the artisan asks again. ``advisor_id`` is set by the atomic claim only."""

    __tablename__ = "live_sessions"

    id = Column(Integer, primary_key=True)
    case_id = Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, unique=True)
    chamber_id = Column(String(64), nullable=False, index=True)
    state = Column(String(16), nullable=False)
    advisor_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"))
    requested_at = Column(UtcDateTime, nullable=False)
    claimed_at = Column(UtcDateTime)
    ended_at = Column(UtcDateTime)
    # The distress reminder (3114) was said for the current wait.
    distress_reminded_at = Column(UtcDateTime)
    updated_at = Column(UtcDateTime, nullable=False, default=utcnow)
    # The artisan's live socket: open now, and when it was last seen (advisors see who is still there).
    artisan_seen_at = Column(UtcDateTime)
    artisan_connected = Column(Boolean, nullable=False, default=False, server_default=false())

    advisor = relationship("User", lazy="joined")


class LiveMessage(Base):
    """One message of a live chat. Its id is the cursor clients resume from; ``client_id`` (made by the
    sender's page) makes a message sent twice after a reconnect one row."""

    __tablename__ = "live_messages"
    __table_args__ = (UniqueConstraint("case_id", "client_id"),)

    id = Column(Integer, primary_key=True)
    case_id = Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    sender = Column(String(16), nullable=False)
    author_id = Column(Integer, ForeignKey("users.id", ondelete="SET NULL"))
    text = Column(Text, nullable=False)
    client_id = Column(String(64))
    at = Column(UtcDateTime, nullable=False, default=utcnow)


class AdvisorPresence(Base):
    """The last heartbeat of an advisor's inbox page: "someone present" is a heartbeat of the chamber
    within cases.live.PRESENCE_WINDOW."""

    __tablename__ = "advisor_presence"
    __table_args__ = (Index("ix_advisor_presence_chamber_seen", "chamber_id", "seen_at"),)

    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    chamber_id = Column(String(64), nullable=False)
    seen_at = Column(UtcDateTime, nullable=False)

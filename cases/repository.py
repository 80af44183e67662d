"""The case aggregate's operations for the action server and the inbox, each in its own transaction.

Every inbox operation takes the acting ``User`` and only reaches cases of that user's chamber: a case of
another chamber raises ``CaseNotFound``, exactly like a reference that does not exist. Changes and views
write an ``AuditEvent`` in the same transaction as the change (cases.audit). The draft and its validation
are in cases.drafts, accounts in cases.accounts, statistics in cases.statistics.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, lazyload

from cases.audit import Repository
from cases.drafts import CaseDraft, aware_utc, merge_draft
from cases.errors import CaseNotFound, InvalidInput, InvalidTransition
from cases.models import (
    CALL_OUTCOMES,
    CATEGORIES,
    OPEN_STATUSES,
    STATUSES,
    URGENCIES,
    URGENCY_RANK,
    CallAttempt,
    Case,
    LiveSession,
    Note,
    User,
    utcnow,
)
from cases.reference import new_reference
from cases.search import like_escape, refresh_search_text, search_terms
from cases.text import without_nul
from places import departement_code

# status -> the statuses it may move to; "clos" -> "en_cours" is the reopening.
STATUS_TRANSITIONS = {
    "nouveau": ("en_cours", "en_attente", "clos"),
    "en_cours": ("en_attente", "clos"),
    "en_attente": ("en_cours", "clos"),
    "clos": ("en_cours",),
}


@dataclass
class QueueFilters:
    statuses: tuple[str, ...] = OPEN_STATUSES
    category: str | None = None
    urgency: str | None = None
    assignee: str | None = None  # "me", "none", or a user id as text
    departement: str | None = None
    query: str | None = None
    limit: int = 200
    offset: int = 0


class CaseRepository(Repository):
    # ---------------------------------------------------------------- from the action server

    def save_draft(self, draft: CaseDraft) -> str:
        """Create or update the case of ``draft.conversation_id``; returns its (first) reference.

        Idempotent: the unique conversation_id plus an insert-or-nothing makes retries and concurrent
        calls land on one row. Raises SQLAlchemy errors when the database is unreachable.
        """
        draft.validate()
        draft = CaseDraft(**{f.name: without_nul(getattr(draft, f.name)) for f in dataclasses.fields(CaseDraft)})
        now = utcnow()
        with self._session_factory() as session, session.begin():
            # A reference already given to another conversation (its case erased, then the artisan asked for an
            # advisor again in the same conversation): this case gets a fresh one rather than a unique-key crash.
            # One read of the rows holding the reference answers both (the reference is unique: at most one row).
            holders = self._holders(session, draft.reference)
            if self._withdrawn_before(holders, draft):
                # A draft older than the withdrawal or erasure of its case (spooled by another action server
                # while the database was down, retried late): what the artisan took back is not stored again.
                return draft.reference
            while any(conversation_id != draft.conversation_id for conversation_id, _ in holders):
                draft.reference = new_reference()
                holders = self._holders(session, draft.reference)
            # Most saves update the case stored at an earlier answer: read first, the insert-or-nothing only when there
            # is none. SQLAlchemy 1.4 compiles its dialects' INSERT ... ON CONFLICT at every execution (no cache key),
            # a third of a save's CPU (issue 18); the row it would not have inserted is the one read here either way.
            case: Case | None = session.execute(self._case_of(draft.conversation_id)).scalar_one_or_none()
            created = False
            if case is None:
                created = self._insert_or_nothing(session, draft, now)
                case = session.execute(self._case_of(draft.conversation_id)).scalar_one()
            said_something_new = merge_draft(case, draft)
            if case.status == "nouveau" and case.assignee_id is None:
                case.chamber_id = draft.chamber_id  # routing may change until someone works the case
            case.updated_at = now
            refresh_search_text(case)
            action = "case.created" if created else "case.updated_by_artisan"
            self._audit(session, None, action, case.chamber_id, case.reference, {"urgency": case.urgency})
            if not created and case.status == "clos" and said_something_new:
                case.status = "en_cours" if case.assignee_id else "nouveau"
                case.closed_at = None
                self._audit(session, None, "case.reopened_by_artisan", case.chamber_id, case.reference, {})
            reference: str = case.reference
            return reference

    # ---------------------------------------------------------------- reading

    def find_by_conversation(self, conversation_id: str) -> Case | None:
        with self._session_factory() as session:
            case: Case | None = session.execute(
                select(Case).where(Case.conversation_id == conversation_id)
            ).scalar_one_or_none()
            return case

    def get_case(self, reference: str, actor: User, *, record_view: bool = True) -> Case:
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            if record_view:
                self._audit(session, actor, "case.viewed", case.chamber_id, case.reference, {})
            return case

    def queue(self, actor: User, filters: QueueFilters | None = None) -> list[Case]:
        filters = dataclasses.replace(filters or QueueFilters())
        filters.query, filters.departement = without_nul(filters.query), without_nul(filters.departement)
        statement = select(Case).where(Case.chamber_id == actor.chamber_id)
        if filters.statuses:
            bad = set(filters.statuses) - set(STATUSES)
            if bad:
                raise InvalidInput(f"unknown status {sorted(bad)}")
            statement = statement.where(Case.status.in_(filters.statuses))
        if filters.category:
            if filters.category not in CATEGORIES:
                raise InvalidInput(f"unknown category {filters.category!r}")
            # The JSON list serialised as text contains the quoted code on both databases.
            statement = statement.where(
                cast(Case.categories, String).like(f'%"{like_escape(filters.category)}"%', escape="\\")
            )
        if filters.urgency:
            if filters.urgency not in URGENCIES:
                raise InvalidInput(f"unknown urgency {filters.urgency!r}")
            statement = statement.where(Case.urgency == filters.urgency)
        if filters.assignee == "me":
            statement = statement.where(Case.assignee_id == actor.id)
        elif filters.assignee == "none":
            statement = statement.where(Case.assignee_id.is_(None))
        elif filters.assignee:
            if not filters.assignee.isdigit():
                raise InvalidInput("assignee is 'me', 'none' or a user id")
            statement = statement.where(Case.assignee_id == int(filters.assignee))
        if filters.departement:
            code = departement_code(filters.departement) or filters.departement
            statement = statement.where(Case.departement == code)
        for term in search_terms(filters.query or ""):
            statement = statement.where(Case.search_text.like(f"%{like_escape(term)}%", escape="\\"))
        statement = (
            statement.order_by(Case.urgency_rank, Case.created_at, Case.id)
            .limit(max(1, min(filters.limit, 1000)))
            .offset(max(0, filters.offset))
        )
        with self._session_factory() as session:
            return list(session.execute(statement).scalars().unique())

    def changed_since(self, actor: User, since: datetime) -> list[Case]:
        """Cases of the actor's chamber created or changed after ``since`` (for the live queue)."""
        with self._session_factory() as session:
            return list(
                session.execute(
                    select(Case)
                    .where(Case.chamber_id == actor.chamber_id, Case.updated_at > since)
                    .order_by(Case.urgency_rank, Case.created_at)
                    .limit(200)
                )
                .scalars()
                .unique()
            )

    # ---------------------------------------------------------------- working a case

    def take(self, reference: str, actor: User) -> Case:
        return self.assign(reference, actor, actor.id)

    def assign(self, reference: str, actor: User, assignee_id: int | None) -> Case:
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            if assignee_id is not None:
                assignee = session.get(User, assignee_id)
                if assignee is None or not assignee.active or assignee.chamber_id != actor.chamber_id:
                    raise InvalidInput("this advisor does not exist in your chamber")
            previous = case.assignee.email if case.assignee else None
            case.assignee_id = assignee_id
            if assignee_id is not None and case.status == "nouveau":
                case.status = "en_cours"
            case.updated_at = utcnow()
            session.flush()
            session.refresh(case)
            action = "case.taken" if assignee_id == actor.id else "case.assigned"
            detail = {"from": previous, "to": case.assignee.email if case.assignee else None, "status": case.status}
            self._audit(session, actor, action, case.chamber_id, case.reference, detail)
            return case

    def set_status(self, reference: str, actor: User, status: str) -> Case:
        if status not in STATUSES:
            raise InvalidInput(f"unknown status {status!r}")
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            if status not in STATUS_TRANSITIONS[case.status]:
                raise InvalidTransition(f"{case.status} -> {status} is not allowed")
            previous = case.status
            case.status = status
            now = utcnow()
            case.closed_at = now if status == "clos" else None
            case.updated_at = now
            action = "case.reopened" if previous == "clos" else "case.status_changed"
            self._audit(session, actor, action, case.chamber_id, case.reference, {"from": previous, "to": status})
            return case

    def add_note(self, reference: str, actor: User, body: str) -> Note:
        body = without_nul(body).strip()
        if not body or len(body) > 10_000:
            raise InvalidInput("a note has 1 to 10,000 characters")
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            note = Note(case_id=case.id, author_id=actor.id, body=body, created_at=utcnow())
            case.notes.append(note)
            case.updated_at = note.created_at
            refresh_search_text(case)
            session.flush()
            # The note's text stays out of the audit trail: the trail is wider-read than the case.
            self._audit(session, actor, "case.note_added", case.chamber_id, case.reference, {"note_id": note.id})
            session.refresh(note)
            return note

    def add_call_attempt(self, reference: str, actor: User, outcome: str, comment: str = "") -> CallAttempt:
        if outcome not in CALL_OUTCOMES:
            raise InvalidInput(f"unknown call outcome {outcome!r}")
        comment = without_nul(comment)
        if len(comment) > 2_000:
            raise InvalidInput("the comment is too long")
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            attempt = CallAttempt(
                case_id=case.id, author_id=actor.id, outcome=outcome, comment=comment.strip(), at=utcnow()
            )
            case.call_attempts.append(attempt)
            if outcome == "joint" and case.first_contact_at is None:
                case.first_contact_at = attempt.at
            if case.status == "nouveau":  # calling the artisan is working the case
                case.status = "en_cours"
                if case.assignee_id is None:
                    case.assignee_id = actor.id
            case.updated_at = attempt.at
            session.flush()
            self._audit(
                session,
                actor,
                "case.call_attempt",
                case.chamber_id,
                case.reference,
                {"outcome": outcome, "status": case.status},
            )
            session.refresh(attempt)
            return attempt

    # ---------------------------------------------------------------- personal data (RGPD)

    def export_personal_data(self, reference: str, actor: User) -> dict[str, Any]:
        """Everything stored about the person of one case (right of access), audited."""
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            self._audit(session, actor, "case.personal_data_exported", case.chamber_id, case.reference, {})
            return case_as_dict(case, with_personal_data=True)

    def erase_personal_data(self, reference: str, actor: User) -> Case:
        """Remove the person's data from a case and close it; codes and dates stay for statistics."""
        with self._session_factory() as session, session.begin():
            case = self._load(session, reference, actor)
            _erase(session, case)
            self._audit(session, actor, "case.personal_data_erased", case.chamber_id, case.reference, {})
            return case

    def withdraw(self, conversation_id: str) -> str | None:
        """The artisan took back their consent in the conversation: its case is erased at once like an erasure
        (``erase_personal_data``: personal data removed, closed, codes and dates kept for the statistics), and
        audited as the artisan's act. Returns the case's reference, None when the conversation has no case.
        Idempotent; a draft of that conversation older than the withdrawal is never stored again (save_draft)."""
        with self._session_factory() as session, session.begin():
            case: Case | None = (
                session.execute(select(Case).where(Case.conversation_id == conversation_id).with_for_update(of=Case))
                .unique()
                .scalar_one_or_none()
            )
            if case is None:
                return None
            _erase(session, case)
            self._audit(session, None, "case.withdrawn_by_artisan", case.chamber_id, case.reference, {})
            reference: str = case.reference
            return reference

    # ---------------------------------------------------------------- internals

    @staticmethod
    def _case_of(conversation_id: str) -> Any:
        """The conversation's case, row-locked (PostgreSQL) for the rest of the transaction. What a save reads of it:
        its fields and its notes (the search text); its advisor, calls and live messages only if something reads
        them (loaded then), not at every answer of the artisan."""
        return (
            select(Case)
            .where(Case.conversation_id == conversation_id)
            .with_for_update(of=Case)
            .options(lazyload(Case.assignee), lazyload(Case.call_attempts), lazyload(Case.live_messages))
        )

    @staticmethod
    def _insert_or_nothing(session: Session, draft: CaseDraft, now: datetime) -> bool:
        """The conversation's case row, inserted unless one is there (a concurrent call or a retry got there
        first: the unique conversation_id); whether this call inserted it."""
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        result = session.execute(
            insert(Case.__table__)
            .values(
                reference=draft.reference,
                conversation_id=draft.conversation_id,
                chamber_id=draft.chamber_id,
                status="nouveau",
                categories=[],
                urgency_rank=URGENCY_RANK[None],
                distress=False,
                reasons={},
                summary="",
                situation={},
                guidance=[],
                health_consent=False,
                transcript=[],
                search_text="",
                created_at=now,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=["conversation_id"])
        )
        inserted: bool = result.rowcount == 1
        return inserted

    @staticmethod
    def _holders(session: Session, reference: str) -> list[tuple[str, datetime | None]]:
        """The conversation id and erasure time of the cases holding ``reference``."""
        rows = session.execute(select(Case.conversation_id, Case.erased_at).where(Case.reference == reference))
        return [(row.conversation_id, row.erased_at) for row in rows]

    @staticmethod
    def _withdrawn_before(holders: list[tuple[str, datetime | None]], draft: CaseDraft) -> bool:
        """Whether the draft's case was erased (withdrawn by the artisan, or erased by the chamber) after the
        consent this draft carries: a new consent, later than the erasure, makes a new case. ``holders``: the
        cases holding the draft's reference (``_holders``)."""
        erased_case = f"erased:{draft.reference}"
        erased = aware_utc(next((at for conversation_id, at in holders if conversation_id == erased_case), None))
        return erased is not None and (draft.consent_at is None or draft.consent_at <= erased)

    @staticmethod
    def _load(session: Session, reference: str, actor: User) -> Case:
        case: Case | None = (
            session.execute(
                # Row lock (PostgreSQL): two advisors changing one case apply their changes one after the other.
                select(Case)
                .where(Case.reference == reference, Case.chamber_id == actor.chamber_id)
                .with_for_update(of=Case)
            )
            .unique()
            .scalar_one_or_none()
        )
        if case is None:
            raise CaseNotFound(reference)
        return case


def _erase(session: Session, case: Case) -> None:
    """The person's data removed from the case, which is closed; codes and dates stay for the statistics."""
    now = utcnow()
    for name in ("contact_name", "phone", "email", "callback_slot"):
        setattr(case, name, None)
    case.summary = ""
    case.situation = {}
    case.reasons = {}
    case.guidance = []
    case.transcript = []
    case.notes.clear()
    case.live_messages.clear()  # the live chat (cases.live) is the artisan's words too
    session.execute(delete(LiveSession).where(LiveSession.case_id == case.id))
    for attempt in case.call_attempts:
        attempt.comment = ""
    case.conversation_id = f"erased:{case.reference}"
    if case.status != "clos":
        case.status = "clos"
        case.closed_at = now
    case.erased_at = now
    case.updated_at = now
    refresh_search_text(case)


def case_as_dict(case: Case, *, with_personal_data: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reference": case.reference,
        "chamber_id": case.chamber_id,
        "status": case.status,
        "assignee": case.assignee.email if case.assignee else None,
        "categories": list(case.categories),
        "urgency": case.urgency,
        "distress": case.distress,
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat(),
        "first_contact_at": case.first_contact_at.isoformat() if case.first_contact_at else None,
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "departement": case.departement,
    }
    if with_personal_data:
        data.update(
            {
                "conversation_id": case.conversation_id,
                "reasons": case.reasons,
                "summary": case.summary,
                "situation": case.situation,
                "guidance": case.guidance,
                "contact_name": case.contact_name,
                "phone": case.phone,
                "email": case.email,
                "callback_slot": case.callback_slot,
                "consent_version": case.consent_version,
                "consent_at": case.consent_at.isoformat() if case.consent_at else None,
                "health_consent": case.health_consent,
                "transcript": case.transcript,
                "notes": [
                    {
                        "author": n.author.email if n.author else None,
                        "body": n.body,
                        "created_at": n.created_at.isoformat(),
                    }
                    for n in case.notes
                ],
                "live_messages": [
                    {"sender": m.sender, "text": m.text, "at": m.at.isoformat()} for m in case.live_messages
                ],
                "call_attempts": [
                    {
                        "author": a.author.email if a.author else None,
                        "outcome": a.outcome,
                        "comment": a.comment,
                        "at": a.at.isoformat(),
                    }
                    for a in case.call_attempts
                ],
            }
        )
    return data

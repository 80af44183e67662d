"""The operations on cases that the action server and the inbox need, each in its own transaction.

Every inbox operation takes the acting ``User`` and only reaches cases of that user's chamber: a case of
another chamber raises ``CaseNotFound``, exactly like a reference that does not exist. Changes and views
write an ``AuditEvent`` in the same transaction as the change.
"""

from __future__ import annotations

import dataclasses
import re
import statistics as stats_lib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import String, cast, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from cases.models import (
    CALL_OUTCOMES,
    CATEGORIES,
    OPEN_STATUSES,
    ROLES,
    STATUSES,
    URGENCIES,
    URGENCY_RANK,
    AuditEvent,
    CallAttempt,
    Case,
    Note,
    User,
    utcnow,
)
from cases.reference import REFERENCE_PATTERN, new_reference
from places import departement_code

# Situation keys that carry health details: kept only with the artisan's explicit health consent.
HEALTH_SITUATION_KEYS = frozenset({"sante", "health", "health_details", "sante_details", "health_condition"})
HEALTH_CATEGORY = "sante"
TRANSCRIPT_SENDERS = ("artisan", "bot")

# status -> the statuses it may move to; "clos" -> "en_cours" is the reopening.
STATUS_TRANSITIONS = {
    "nouveau": ("en_cours", "en_attente", "clos"),
    "en_cours": ("en_attente", "clos"),
    "en_attente": ("en_cours", "clos"),
    "clos": ("en_cours",),
}


_PHONE_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class InvalidDraft(ValueError):
    """The draft breaks the contract (unknown code, malformed phone, no consent...): a caller's bug."""


class CaseNotFound(LookupError):
    """No such case in the acting user's chamber."""


class InvalidTransition(ValueError):
    """The requested status change is not allowed from the current status."""


class InvalidInput(ValueError):
    """An inbox request with a value outside the allowed set."""


class UserExists(ValueError):
    pass


# --------------------------------------------------------------------------------------------- drafts


@dataclass
class CaseDraft:
    """What the action server sends to create or update the case of one conversation.

    All fields are JSON-serialisable except ``consent_at`` (an aware datetime; see ``to_json``).
    ``situation`` keys: trade, legal_form, employees, departement, since_when, deadline, creditors,
    steps_taken, description... ``guidance``: ``[{"id", "name", "link"}]`` already given.
    ``transcript``: ``[{"sender": "artisan"|"bot", "text": str, "at": iso8601}]``; an entry may carry
    ``"health": true`` so that it is dropped without health consent.
    A draft without ``consent_version``/``consent_at`` is refused: without consent nothing is stored.
    """

    conversation_id: str
    reference: str
    chamber_id: str
    categories: list[str] = field(default_factory=list)
    urgency: str | None = None
    distress: bool = False
    reasons: dict[str, list[str]] = field(default_factory=dict)
    summary: str = ""
    situation: dict[str, str] = field(default_factory=dict)
    guidance: list[dict[str, Any]] = field(default_factory=list)
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None
    callback_slot: str | None = None
    departement: str | None = None
    consent_version: str | None = None
    consent_at: datetime | None = None
    health_consent: bool = False
    transcript: list[dict[str, Any]] = field(default_factory=list)

    def normalise(self) -> None:
        """Tidy what has one obvious form: "+33 6 12 34 56 78" -> "+33612345678", "59000" -> "59", "2a" -> "2A"."""
        if self.phone:
            self.phone = re.sub(r"[\s.\-()]", "", self.phone)
        if self.email is not None:
            self.email = self.email.strip() or None
        if self.departement:
            typed = str(self.departement).strip()
            self.departement = departement_code(typed)
            if self.departement is None and typed:
                # A place that cannot be read never blocks a consented case: the advisor reads it as typed.
                self.situation = {**(self.situation or {}), "departement": typed}
        if self.consent_at is not None:
            self.consent_at = _aware(self.consent_at)

    def validate(self) -> None:
        self.normalise()
        problems = []
        if not self.conversation_id or len(self.conversation_id) > 255:
            problems.append("conversation_id must be 1 to 255 characters")
        if not REFERENCE_PATTERN.match(self.reference or ""):
            problems.append(f"reference {self.reference!r} is not like RL-7K3Q9M")
        if not self.chamber_id:
            problems.append("chamber_id is required")
        unknown = [c for c in self.categories if c not in CATEGORIES]
        if unknown:
            problems.append(f"unknown categories {unknown}")
        if self.urgency not in URGENCIES and self.urgency is not None:
            problems.append(f"unknown urgency {self.urgency!r}")
        if not self.consent_version or self.consent_at is None:
            problems.append("no consent: nothing personal may be stored")
        if self.phone and not _PHONE_E164.match(self.phone):
            problems.append(f"phone {self.phone!r} is not E.164")
        if self.email and not _EMAIL.match(self.email):
            problems.append("email is malformed")
        for name, longest in (("contact_name", 200), ("email", 320), ("callback_slot", 200), ("consent_version", 64)):
            if len(getattr(self, name) or "") > longest:
                problems.append(f"{name} is longer than {longest} characters")
        for entry in self.transcript:
            if not isinstance(entry, dict) or entry.get("sender") not in TRANSCRIPT_SENDERS:
                problems.append("transcript entries need a sender 'artisan' or 'bot'")
                break
        if problems:
            raise InvalidDraft("; ".join(problems))

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["consent_at"] = self.consent_at.isoformat() if self.consent_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseDraft:
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if values.get("consent_at"):
            values["consent_at"] = datetime.fromisoformat(values["consent_at"])
        return cls(**values)


def without_nul(value: Any) -> Any:
    """The value with NUL characters removed from every string: PostgreSQL refuses them in text."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    return value


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)  # the contract says UTC when no offset is given
    return moment


# Reasons that quote health or distress: without the health consent only their codes stay (distress flag).
SENSITIVE_REASON_KEYS = frozenset({HEALTH_CATEGORY, "distress", "overwhelm"})


def _strip_health(case: Case) -> None:
    case.categories = [c for c in case.categories if c != HEALTH_CATEGORY]
    case.reasons = {k: v for k, v in case.reasons.items() if k not in SENSITIVE_REASON_KEYS}
    case.situation = {k: v for k, v in case.situation.items() if k not in HEALTH_SITUATION_KEYS}
    case.transcript = [e for e in case.transcript if not e.get("health")]


def _transcript_key(entry: dict[str, Any]) -> tuple[Any, Any, Any]:
    return (entry.get("sender"), entry.get("text"), entry.get("at"))


def _merge_draft(case: Case, draft: CaseDraft) -> bool:
    """Fold a draft into the case; returns whether the artisan said anything new."""
    case.categories = list(dict.fromkeys([*draft.categories, *case.categories]))
    # Urgency and distress never go down (triage contract), even if a retry carries an older draft.
    if URGENCY_RANK[draft.urgency] < URGENCY_RANK[case.urgency]:
        case.urgency = draft.urgency
    case.urgency_rank = URGENCY_RANK[case.urgency]
    case.distress = bool(case.distress or draft.distress)
    reasons = {k: list(v) for k, v in case.reasons.items()}
    for category, why in draft.reasons.items():
        reasons[category] = list(dict.fromkeys([*reasons.get(category, []), *why]))
    case.reasons = reasons
    if draft.summary:
        case.summary = draft.summary
    case.situation = {**case.situation, **{k: v for k, v in draft.situation.items() if v not in (None, "")}}
    guidance = {g.get("id"): g for g in case.guidance}
    guidance.update({g.get("id"): g for g in draft.guidance})
    case.guidance = list(guidance.values())
    for name in ("contact_name", "phone", "email", "callback_slot", "departement", "consent_version"):
        value = getattr(draft, name)
        if value not in (None, ""):
            setattr(case, name, value)
    if draft.consent_at is not None:
        case.consent_at = _aware(draft.consent_at)
    case.health_consent = draft.health_consent
    seen = {_transcript_key(e) for e in case.transcript}
    new_entries = [e for e in draft.transcript if _transcript_key(e) not in seen]
    case.transcript = [*case.transcript, *new_entries]
    if not case.health_consent:
        _strip_health(case)
    return bool(new_entries)


def normalise_text(text: str) -> str:
    """Lower case without accents: 'Réglé' and 'regle' match each other."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _phone_forms(phone: str | None) -> list[str]:
    if not phone:
        return []
    forms = [phone, phone.lstrip("+")]
    if phone.startswith("+33"):
        forms += ["0" + phone[3:], phone[3:]]
    return forms


def _refresh_search_text(case: Case) -> None:
    parts: list[str] = [case.reference, case.contact_name or "", case.email or "", case.summary or ""]
    parts += _phone_forms(case.phone)
    parts += [case.departement or "", case.callback_slot or "", " ".join(case.categories)]
    parts += [str(v) for v in case.situation.values()]
    parts += [" ".join(map(str, v)) for v in case.reasons.values()]
    parts += [str(e.get("text", "")) for e in case.transcript]
    parts += [n.body for n in case.notes]
    case.search_text = normalise_text(" \n".join(p for p in parts if p))


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_terms(query: str) -> list[str]:
    compact = re.sub(r"[\s.\-]", "", query)
    if re.fullmatch(r"\+?\d{6,}", compact):  # a phone number typed with spaces or dots
        return [compact.lstrip("+")]
    return [t for t in normalise_text(query).split() if t]


# --------------------------------------------------------------------------------------------- queue


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


@dataclass
class Statistics:
    weeks: list[str]  # Monday of each ISO week, "YYYY-MM-DD", oldest first
    cases_per_week: dict[str, dict[str, int]]  # week -> primary category (or "aucune") -> count
    urgency_mix: dict[str, int]  # urgency code (or "non_evaluee") -> count
    first_contact_hours: dict[str, list[float]]  # urgency -> hours from creation to first contact
    total: int

    def median_first_contact_hours(self) -> dict[str, float | None]:
        return {u: (stats_lib.median(v) if v else None) for u, v in self.first_contact_hours.items()}


def week_start(moment: datetime) -> str:
    day = moment.date()
    return (day - timedelta(days=day.weekday())).isoformat()


# --------------------------------------------------------------------------------------------- repository


class CaseRepository:
    def __init__(self, session_factory: sessionmaker) -> None:
        self._session_factory = session_factory

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
            insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
            # A reference already given to another conversation (its case erased, then the artisan asked for an
            # advisor again in the same conversation): this case gets a fresh one rather than a unique-key crash.
            while session.execute(select(Case.id).where(Case.reference == draft.reference,
                                                        Case.conversation_id != draft.conversation_id)).first():
                draft.reference = new_reference()
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
            created = result.rowcount == 1
            case = session.execute(
                select(Case).where(Case.conversation_id == draft.conversation_id).with_for_update(of=Case)
            ).scalar_one()
            said_something_new = _merge_draft(case, draft)
            if case.status == "nouveau" and case.assignee_id is None:
                case.chamber_id = draft.chamber_id  # routing may change until someone works the case
            case.updated_at = now
            _refresh_search_text(case)
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
                cast(Case.categories, String).like(f'%"{_like_escape(filters.category)}"%', escape="\\")
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
        for term in _search_terms(filters.query or ""):
            statement = statement.where(Case.search_text.like(f"%{_like_escape(term)}%", escape="\\"))
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
            _refresh_search_text(case)
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
            attempt = CallAttempt(case_id=case.id, author_id=actor.id, outcome=outcome, comment=comment.strip(), at=utcnow())
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
                session, actor, "case.call_attempt", case.chamber_id, case.reference, {"outcome": outcome, "status": case.status}
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
            now = utcnow()
            for name in ("contact_name", "phone", "email", "callback_slot"):
                setattr(case, name, None)
            case.summary = ""
            case.situation = {}
            case.reasons = {}
            case.guidance = []
            case.transcript = []
            case.notes.clear()
            for attempt in case.call_attempts:
                attempt.comment = ""
            case.conversation_id = f"erased:{case.reference}"
            if case.status != "clos":
                case.status = "clos"
                case.closed_at = now
            case.erased_at = now
            case.updated_at = now
            _refresh_search_text(case)
            self._audit(session, actor, "case.personal_data_erased", case.chamber_id, case.reference, {})
            return case

    # ---------------------------------------------------------------- statistics

    def statistics(self, actor: User, weeks: int = 12, now: datetime | None = None) -> Statistics:
        now = now or utcnow()
        first_week = datetime.fromisoformat(week_start(now)).replace(tzinfo=timezone.utc) - timedelta(weeks=weeks - 1)
        week_labels = [(first_week + timedelta(weeks=i)).date().isoformat() for i in range(weeks)]
        rows = self.export_rows(actor, since=first_week, record=False)
        per_week: dict[str, dict[str, int]] = {w: {} for w in week_labels}
        urgency_mix: dict[str, int] = {}
        first_contact: dict[str, list[float]] = {u: [] for u in (*URGENCIES, "non_evaluee")}
        for row in rows:
            category = row["categorie_principale"] or "aucune"
            week = per_week.setdefault(row["semaine"], {})
            week[category] = week.get(category, 0) + 1
            urgency = row["urgence"] or "non_evaluee"
            urgency_mix[urgency] = urgency_mix.get(urgency, 0) + 1
            if row["heures_avant_premier_contact"] is not None:
                first_contact[urgency].append(row["heures_avant_premier_contact"])
        return Statistics(week_labels, per_week, urgency_mix, first_contact, len(rows))

    def export_rows(self, actor: User, since: datetime | None = None, *, record: bool = True) -> list[dict[str, Any]]:
        """One row per case for statistics: codes and dates, no personal data."""
        # Only the columns needed: no transcript, notes or call attempts loaded for thousands of cases.
        columns = (Case.reference, Case.created_at, Case.departement, Case.categories, Case.urgency, Case.distress,
                   Case.status, Case.first_contact_at, Case.closed_at)
        statement = select(*columns).where(Case.chamber_id == actor.chamber_id).order_by(Case.created_at, Case.id)
        if since is not None:
            statement = statement.where(Case.created_at >= since)
        with self._session_factory() as session, session.begin():
            cases = session.execute(statement).all()
            if record:
                self._audit(session, actor, "statistics.exported", actor.chamber_id, None, {"rows": len(cases)})
        rows = []
        for case in cases:
            hours = None
            if case.first_contact_at is not None:
                hours = round((case.first_contact_at - case.created_at).total_seconds() / 3600, 2)
            rows.append(
                {
                    "reference": case.reference,
                    "cree_le": case.created_at.isoformat(),
                    "semaine": week_start(case.created_at),
                    "departement": case.departement or "",
                    "categorie_principale": case.categories[0] if case.categories else "",
                    "categories": " ".join(case.categories),
                    "urgence": case.urgency or "",
                    "detresse": case.distress,
                    "statut": case.status,
                    "premier_contact_le": case.first_contact_at.isoformat() if case.first_contact_at else "",
                    "heures_avant_premier_contact": hours,
                    "clos_le": case.closed_at.isoformat() if case.closed_at else "",
                }
            )
        return rows

    # ---------------------------------------------------------------- users

    def create_user(self, email: str, name: str, chamber_id: str, role: str, password_hash: str) -> User:
        if role not in ROLES:
            raise InvalidInput(f"role is one of {ROLES}")
        email, name = without_nul(email).strip().lower(), without_nul(name)
        with self._session_factory() as session, session.begin():
            if session.execute(select(User.id).where(User.email == email)).first():
                raise UserExists(email)
            user = User(email=email, name=name.strip(), chamber_id=chamber_id, role=role, password_hash=password_hash)
            session.add(user)
            session.flush()
            self._audit(session, None, "user.created", chamber_id, None, {"email": email, "role": role}, label="system")
            return user

    def find_user_by_email(self, email: str) -> User | None:
        with self._session_factory() as session:
            user: User | None = session.execute(
                select(User).where(User.email == without_nul(email).strip().lower())
            ).scalar_one_or_none()
            return user

    def find_user_by_token_hash(self, token_hash: str) -> User | None:
        with self._session_factory() as session:
            user: User | None = session.execute(
                select(User).where(User.api_token_hash == token_hash, User.active.is_(True))
            ).scalar_one_or_none()
            return user

    def get_user(self, user_id: int) -> User | None:
        with self._session_factory() as session:
            user: User | None = session.get(User, user_id)
            return user

    def list_users(self, chamber_id: str) -> list[User]:
        with self._session_factory() as session:
            return list(
                session.execute(
                    select(User).where(User.chamber_id == chamber_id, User.active.is_(True)).order_by(User.name)
                ).scalars()
            )

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        with self._session_factory() as session, session.begin():
            session.execute(update(User).where(User.id == user_id).values(password_hash=password_hash))

    def set_api_token_hash(self, user_id: int, token_hash: str | None) -> None:
        with self._session_factory() as session, session.begin():
            user = session.get(User, user_id)
            user.api_token_hash = token_hash
            self._audit(session, user, "user.api_token_set", user.chamber_id, None, {}, label="system")

    def register_login_failure(self, user_id: int, now: datetime | None = None) -> datetime | None:
        """Count a failed login, for the audit trail. Nothing is locked: an account locked by failures is a
        weapon against its owner (the inbox throttles the guessing address instead, inbox.security)."""
        with self._session_factory() as session, session.begin():
            # Increment in SQL: concurrent failures are all counted.
            session.execute(update(User).where(User.id == user_id).values(failed_logins=User.failed_logins + 1))
            user = session.get(User, user_id)
            session.refresh(user)
            self._audit(session, user, "user.login_failed", user.chamber_id, None, {"failures": user.failed_logins})
            return None

    def unlock_user(self, user_id: int, actor: User) -> User:
        """A supervisor clears an account's failure count (and any lock an older version set), audited."""
        with self._session_factory() as session, session.begin():
            user: User = session.get(User, user_id)
            user.failed_logins = 0
            user.locked_until = None
            self._audit(session, actor, "user.unlocked", user.chamber_id, None, {"email": user.email})
            return user

    def register_login_success(self, user_id: int) -> User:
        with self._session_factory() as session, session.begin():
            user: User = session.get(User, user_id)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = utcnow()
            self._audit(session, user, "user.logged_in", user.chamber_id, None, {})
            return user

    def end_sessions(self, user_id: int) -> None:
        with self._session_factory() as session, session.begin():
            session.execute(update(User).where(User.id == user_id).values(session_epoch=User.session_epoch + 1))
            user = session.get(User, user_id)
            self._audit(session, user, "user.logged_out", user.chamber_id, None, {})

    # ---------------------------------------------------------------- audit

    def record_audit(self, actor: User | None, action: str, chamber_id: str, case_reference: str | None = None,
                     detail: dict[str, Any] | None = None) -> None:
        with self._session_factory() as session, session.begin():
            self._audit(session, actor, action, chamber_id, case_reference, detail or {})

    def audit_log(self, actor: User, case_reference: str | None = None, limit: int = 200, offset: int = 0) -> list[AuditEvent]:
        statement = select(AuditEvent).where(AuditEvent.chamber_id == actor.chamber_id)
        if case_reference:
            statement = statement.where(AuditEvent.case_reference == case_reference)
        statement = statement.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(max(1, min(limit, 1000))).offset(max(0, offset))
        with self._session_factory() as session:
            return list(session.execute(statement).scalars())

    # ---------------------------------------------------------------- internals

    @staticmethod
    def _load(session: Session, reference: str, actor: User) -> Case:
        case: Case | None = session.execute(
            # Row lock (PostgreSQL): two advisors changing one case apply their changes one after the other.
            select(Case).where(Case.reference == reference, Case.chamber_id == actor.chamber_id).with_for_update(of=Case)
        ).unique().scalar_one_or_none()
        if case is None:
            raise CaseNotFound(reference)
        return case

    @staticmethod
    def _audit(session: Session, actor: User | None, action: str, chamber_id: str, case_reference: str | None,
               detail: dict[str, Any], label: str | None = None) -> None:
        session.add(
            AuditEvent(
                at=utcnow(),
                actor_id=actor.id if actor else None,
                actor_label=label or (actor.email if actor else "artisan"),
                chamber_id=chamber_id,
                action=action,
                case_reference=case_reference,
                detail=detail,
            )
        )


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
                    {"author": n.author.email if n.author else None, "body": n.body, "created_at": n.created_at.isoformat()}
                    for n in case.notes
                ],
                "call_attempts": [
                    {"author": a.author.email if a.author else None, "outcome": a.outcome, "comment": a.comment,
                     "at": a.at.isoformat()}
                    for a in case.call_attempts
                ],
            }
        )
    return data


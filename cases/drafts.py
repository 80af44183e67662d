"""The case draft: what the action server sends for one conversation, its validation, and how it folds into
the stored case (the health rule of RGPD art. 9 included). Plain data and rules: no session, no query.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from cases.models import CATEGORIES, URGENCIES, URGENCY_RANK, Case
from cases.reference import REFERENCE_PATTERN
from places import departement_code

# Situation keys that carry health details: kept only with the artisan's explicit health consent.
HEALTH_SITUATION_KEYS = frozenset({"sante", "health", "health_details", "sante_details", "health_condition"})
HEALTH_CATEGORY = "sante"
TRANSCRIPT_SENDERS = ("artisan", "bot")


_PHONE_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class InvalidDraft(ValueError):
    """The draft breaks the contract (unknown code, malformed phone, no consent...): a caller's bug."""


@dataclass
class CaseDraft:
    """What the action server sends to create or update the case of one conversation.

    All fields are JSON-serialisable except ``consent_at`` (an aware datetime; see ``to_json``).
    ``situation`` keys: trade, legal_form, employees, departement, since_when, deadline, creditors,
    steps_taken, description... ``guidance``: ``[{"id", "name", "link"}]`` already given.
    ``transcript``: ``[{"sender": "artisan"|"bot", "text": str, "at": iso8601}]``; an entry may carry
    ``"health": true`` so that it is dropped without health consent, and ``"kept"``: what is left of it then (the
    clauses of health replaced by « [information de santé retirée] »).
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
            self.consent_at = aware_utc(self.consent_at)
        self._keep_what_has_its_shape()

    def _keep_what_has_its_shape(self) -> None:
        """The last check before the case is stored, whatever path filled the fields (an entity the extractor misread
        is not checked on every path): a trade is no town, the employees a count or who works, the deadline a date and
        no digits of a phone number, the name without the politeness typed after it (round 14, A8: "Métier : Mâcon",
        "Salariés : 31 décembre", "Échéance : 18 40", "Monsieur Lemoine je vous prie"). A value dropped from the
        situation is dropped from the summary line that says it too."""
        from intake.shapes import fits, name_without_courtesy
        from triage.labels import SITUATION_LABELS

        if self.contact_name:
            typed = str(self.contact_name)
            kept = name_without_courtesy(typed)
            if kept != typed:
                self.summary = self.summary.replace(typed, kept or "")
                self.contact_name = kept
        situation = dict(self.situation or {})
        for key in SHAPED_SITUATION_KEYS:
            value = situation.get(key)
            if not isinstance(value, str) or not value.strip() or fits(key, value):
                continue
            del situation[key]
            self.summary = _without_fact(self.summary, f"{SITUATION_LABELS[key]} : {value}")
        self.situation = situation

    def validate(self) -> None:
        self.normalise()
        problems: list[str] = []
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


# The situation keys whose values have a shape to check (intake.shapes.fits): other keys are the artisan's free words.
SHAPED_SITUATION_KEYS = ("trade", "employees", "deadline")


def _without_fact(summary: str, fact: str) -> str:
    """The summary without one "Label : value" of its situation line ("Métier : X ; Salariés : Y ; ..."), the
    separators kept right."""
    for said, left in ((f" ; {fact} ; ", " ; "), (f" ; {fact}.", "."), (f"{fact} ; ", ""), (f" {fact}.", "")):
        if said in summary:
            return summary.replace(said, left, 1)
    return summary


def aware_utc(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)  # the contract says UTC when no offset is given
    return moment


# Reasons that quote health or distress: without the health consent only their codes stay (distress flag).
SENSITIVE_REASON_KEYS = frozenset({HEALTH_CATEGORY, "distress", "overwhelm"})


# Round 18 (r18b-09, r18b-10): a line dropped without a trace left the transcript starting at the bot's question about
# suicide; the advisor now sees where something was said, as in the live chat (cases/live.py), never what.
WITHHELD_LINE = (
    "[Message non conservé : il parlait de santé ou de détresse, sans l'accord de l'artisan pour le garder.]"
)


def _withheld(entry: dict[str, Any]) -> dict[str, Any]:
    """The line as kept without the health consent: its other words when it said more than health (``"kept"``, the
    clauses of health replaced: round 26, r26b-14), else ``WITHHELD_LINE``."""
    if not entry.get("health"):
        return entry
    return {**entry, "text": entry.get("kept") or WITHHELD_LINE}


def _is_withheld(entry: dict[str, Any]) -> bool:
    return entry.get("text") == WITHHELD_LINE or (bool(entry.get("kept")) and entry.get("text") == entry.get("kept"))


def _strip_health(case: Case) -> None:
    case.categories = [c for c in case.categories if c != HEALTH_CATEGORY]
    case.reasons = {k: v for k, v in case.reasons.items() if k not in SENSITIVE_REASON_KEYS}
    case.situation = {k: v for k, v in case.situation.items() if k not in HEALTH_SITUATION_KEYS}
    case.transcript = [_withheld(e) for e in case.transcript]


def _transcript_key(entry: dict[str, Any]) -> tuple[Any, Any, Any]:
    return (entry.get("sender"), entry.get("text"), entry.get("at"))


def merge_draft(case: Case, draft: CaseDraft) -> bool:
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
        case.consent_at = aware_utc(draft.consent_at)
    case.health_consent = draft.health_consent
    incoming = draft.transcript if case.health_consent else [_withheld(e) for e in draft.transcript]
    if not case.health_consent:
        case.transcript = [_withheld(e) for e in case.transcript]  # a consent withdrawn: no line twice
    # A line withheld before the health consent was given is put back in full once it is given.
    withheld = {(e.get("sender"), e.get("at")): i for i, e in enumerate(case.transcript) if _is_withheld(e)}
    transcript = list(case.transcript)
    for entry in incoming:
        place = withheld.get((entry.get("sender"), entry.get("at")))
        if place is not None and not _is_withheld(entry):
            transcript[place] = entry
    case.transcript = transcript
    seen = {_transcript_key(e) for e in case.transcript}
    new_entries = [e for e in incoming if _transcript_key(e) not in seen]
    case.transcript = [*case.transcript, *new_entries]
    if not case.health_consent:
        _strip_health(case)
    return bool(new_entries)

"""How long a case may wait for its first contact, per urgency, in the chamber's working days.

critique: at once (15 minutes of grace to pick up the phone); haute: the same working day (before the
last opening slot ends; a case arriving after closing is due at the end of the next working day);
normale, basse and not yet rated: two working days (before closing on the second working day after).

In the core because two processes apply it: the inbox (waiting times, the escalation flag) and the
supervisor's notification job (cases.escalation). ``inbox.targets`` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from chamber import OpeningHours

CRITICAL_GRACE = timedelta(minutes=15)
TARGET_LABELS = {
    "critique": "immédiatement",
    "haute": "dans la journée",
    "normale": "sous deux jours ouvrés",
    "basse": "sous deux jours ouvrés",
    None: "sous deux jours ouvrés",
}


@dataclass(frozen=True)
class Wait:
    waited: timedelta
    due_at: datetime
    label: str
    late: bool
    contacted: bool


def _closing(hours: OpeningHours, day: date) -> datetime:
    return datetime.combine(day, hours.slots[-1][1], hours.zone)


def _working_days_after(hours: OpeningHours, day: date, count: int) -> date:
    found = 0
    while found < count:
        day += timedelta(days=1)
        if hours.is_working_day(day):
            found += 1
    return day


def due_at(urgency: str | None, created_at: datetime, hours: OpeningHours) -> datetime:
    if urgency == "critique":
        return created_at + CRITICAL_GRACE
    local = created_at.astimezone(hours.zone)
    day = local.date()
    if urgency == "haute":
        if hours.is_working_day(day) and local < _closing(hours, day):
            return _closing(hours, day)
        return _closing(hours, _working_days_after(hours, day, 1))
    return _closing(hours, _working_days_after(hours, day, 2))


def wait_of(
    urgency: str | None, created_at: datetime, first_contact_at: datetime | None, now: datetime, hours: OpeningHours
) -> Wait:
    end = first_contact_at or now
    due = due_at(urgency, created_at, hours)
    return Wait(
        waited=max(end - created_at, timedelta()),
        due_at=due,
        label=TARGET_LABELS.get(urgency, TARGET_LABELS[None]),
        late=end > due,
        contacted=first_contact_at is not None,
    )

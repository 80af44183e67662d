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


def due_at(urgency: str | None, created_at: datetime, hours: OpeningHours) -> datetime:
    if urgency == "critique":
        return created_at + CRITICAL_GRACE
    if urgency == "haute":
        # The same day the callback promise names (chamber.hours): what the artisan hears is what advisors are held to.
        return _closing(hours, hours.high_urgency_day(created_at))
    return _closing(hours, hours.working_days_after(created_at.astimezone(hours.zone).date(), 2))


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

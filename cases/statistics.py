"""What supervisors count: cases per week and category, urgency mix, hours to first contact, and the
per-case export behind them (codes and dates, never personal data). Scoped to the actor's chamber like
every query; the export is audited.
"""

from __future__ import annotations

import statistics as stats_lib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from sqlalchemy import select

from cases.audit import Repository
from cases.models import URGENCIES, Case, User, utcnow


@dataclass
class Statistics:
    weeks: list[str]  # Monday of each ISO week, "YYYY-MM-DD", oldest first
    cases_per_week: dict[str, dict[str, int]]  # week -> primary category (or "aucune") -> count
    urgency_mix: dict[str, int]  # urgency code (or "non_evaluee") -> count
    first_contact_hours: dict[str, list[float]]  # urgency -> hours from creation to first contact
    total: int

    def median_first_contact_hours(self) -> dict[str, float | None]:
        return {u: (stats_lib.median(v) if v else None) for u, v in self.first_contact_hours.items()}


def week_start(moment: datetime, zone: tzinfo = timezone.utc) -> str:
    """The Monday of ``moment``'s week where the chamber is: a case of Monday 00:30 in Paris (Sunday 23:30 UTC)
    belongs to the new week."""
    day = moment.astimezone(zone).date()
    return (day - timedelta(days=day.weekday())).isoformat()


class StatisticsRepository(Repository):
    def weekly(
        self, actor: User, weeks: int = 12, now: datetime | None = None, zone: tzinfo = timezone.utc
    ) -> Statistics:
        """``zone``: the chamber's time zone, where its weeks begin."""
        now = now or utcnow()
        first_week = datetime.fromisoformat(week_start(now, zone)).replace(tzinfo=zone) - timedelta(weeks=weeks - 1)
        week_labels = [(first_week + timedelta(weeks=i)).date().isoformat() for i in range(weeks)]
        rows = self.export_rows(actor, since=first_week, record=False, zone=zone)
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

    def export_rows(
        self, actor: User, since: datetime | None = None, *, record: bool = True, zone: tzinfo = timezone.utc
    ) -> list[dict[str, Any]]:
        """One row per case for statistics: codes and dates, no personal data; weeks begin in ``zone``."""
        # Only the columns needed: no transcript, notes or call attempts loaded for thousands of cases.
        columns = (
            Case.reference,
            Case.created_at,
            Case.departement,
            Case.categories,
            Case.urgency,
            Case.distress,
            Case.status,
            Case.first_contact_at,
            Case.closed_at,
        )
        statement = select(*columns).where(Case.chamber_id == actor.chamber_id).order_by(Case.created_at, Case.id)
        if since is not None:
            statement = statement.where(Case.created_at >= since)
        with self._session_factory() as session, session.begin():
            cases = session.execute(statement).all()
            if record:
                self._audit(session, actor, "statistics.exported", actor.chamber_id, None, {"rows": len(cases)})
        rows: list[dict[str, Any]] = []
        for case in cases:
            hours = None
            if case.first_contact_at is not None:
                hours = round((case.first_contact_at - case.created_at).total_seconds() / 3600, 2)
            rows.append(
                {
                    "reference": case.reference,
                    "cree_le": case.created_at.isoformat(),
                    "semaine": week_start(case.created_at, zone),
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

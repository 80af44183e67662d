"""Opening hours of a chamber's help line: open or closed, next opening, and how to say it in French."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FRENCH_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
# How far ahead next_opening looks: a year covers any sane schedule with holidays and closures.
_SEARCH_DAYS = 370


def french_time(moment: time) -> str:
    """8:00 -> "8 h", 12:30 -> "12 h 30" (the French typographic convention)."""
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"


def french_date(day: date, with_weekday: bool = True) -> str:
    """date(2026, 11, 30) -> "lundi 30 novembre"; the 1st of a month is written "1er"."""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {FRENCH_MONTHS[day.month - 1]}"
    if with_weekday:
        text = f"{FRENCH_WEEKDAYS[day.weekday()]} {text}"
    return text


@dataclass(frozen=True)
class OpeningHours:
    timezone: str
    weekdays: frozenset[int]  # 0 = Monday
    slots: tuple[tuple[time, time], ...]  # sorted, non-overlapping, same every open day
    closed_dates: frozenset[date]
    callback_lead_minutes: int
    holidays_subdivision: str | None = None

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        # Years are filled in lazily by the library as dates are looked up.
        return holidays.country_holidays("FR", subdiv=self.holidays_subdivision)

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() in self.weekdays
            and day not in self._holidays
            and day not in self.closed_dates
        )

    def _local(self, at: datetime) -> datetime:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError("a timezone-aware datetime is required (e.g. datetime.now(timezone.utc))")
        return at.astimezone(self.zone)

    def _slot_bounds(self, day: date) -> list[tuple[datetime, datetime]]:
        return [
            (datetime.combine(day, start, self.zone), datetime.combine(day, end, self.zone))
            for start, end in self.slots
        ]

    def is_open(self, at: datetime) -> bool:
        local = self._local(at)
        if not self.is_working_day(local.date()):
            return False
        return any(start <= local < end for start, end in self._slot_bounds(local.date()))

    def next_opening(self, at: datetime) -> datetime:
        """`at` itself (in the chamber's zone) when open, else the start of the next opening slot."""
        local = self._local(at)
        if self.is_open(local):
            return local
        day = local.date()
        for offset in range(_SEARCH_DAYS):
            current = day + timedelta(days=offset)
            if not self.is_working_day(current):
                continue
            for start, _ in self._slot_bounds(current):
                if start > local:
                    return start
        raise RuntimeError("no opening found within a year: check the opening hours configuration")

    def open_minutes_left_today(self, at: datetime) -> float:
        local = self._local(at)
        if not self.is_working_day(local.date()):
            return 0.0
        left = timedelta()
        for start, end in self._slot_bounds(local.date()):
            if end > local:
                left += end - max(start, local)
        return left.total_seconds() / 60

    def callback_promise(self, at: datetime) -> str:
        """When an advisor can call back, as a French fragment that follows "Un conseiller vous rappelle ...".

        "aujourd'hui avant 17 h" when open now with enough time left, "aujourd'hui à partir de 13 h 30"
        during a break, else the next working day named: "lundi 30 novembre à partir de 8 h".
        """
        local = self._local(at)
        today = local.date()
        if self.open_minutes_left_today(local) >= self.callback_lead_minutes:
            if self.is_open(local):
                closing = self._slot_bounds(today)[-1][1]
                return f"aujourd'hui avant {french_time(closing.timetz())}"
            opening = self.next_opening(local)
            return f"aujourd'hui à partir de {french_time(opening.timetz())}"
        # Not enough time today: the first slot of the next working day.
        opening = self.next_opening(datetime.combine(today + timedelta(days=1), time(0), self.zone))
        return f"{french_date(opening.date())} à partir de {french_time(opening.timetz())}"

    def text(self) -> str:
        """"du lundi au vendredi, de 8 h à 17 h" (or "..., de 9 h à 12 h 30 et de 13 h 30 à 17 h")."""
        ordered = sorted(self.weekdays)
        names = [FRENCH_WEEKDAYS[day] for day in ordered]
        if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
            days = f"du {names[0]} au {names[-1]}"
        elif len(names) == 1:
            days = f"le {names[0]}"
        else:
            days = "les " + ", ".join(names[:-1]) + f" et {names[-1]}"
        slots = " et ".join(f"de {french_time(start)} à {french_time(end)}" for start, end in self.slots)
        return f"{days}, {slots}"

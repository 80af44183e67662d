"""Opening hours of a chamber's help line: open or closed, next opening, and how to say it in French."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property
from itertools import pairwise
from zoneinfo import ZoneInfo

import holidays

from french import MONTHS, MONTHS_FOLDED, WEEKDAYS as WEEKDAYS_FR, fold

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NOON = time(12, 0)
# How far ahead next_opening looks: a year covers any sane schedule with holidays and closures.
_SEARCH_DAYS = 370
# The clocks of the overseas départements and collectivités, whose artisans may write to a chamber in another one.
DEPARTEMENT_ZONES = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}
# Asked after a moment no opening hour fits.
OTHER_MOMENT_ASKED = "À quel autre moment peuvent-ils vous joindre ?"
# A day asked for the call further away than this is no promise the chamber makes: its usual delay is said instead.
_DATED_WISH_DAYS = 45


def french_time(moment: time) -> str:
    """8:00 -> "8 h", 12:30 -> "12 h 30" (the French typographic convention)."""
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"


def french_date(day: date, with_weekday: bool = True) -> str:
    """date(2026, 11, 30) -> "lundi 30 novembre"; the 1st of a month is written "1er"."""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {MONTHS[day.month - 1]}"
    if with_weekday:
        text = f"{WEEKDAYS_FR[day.weekday()]} {text}"
    return text


@dataclass(frozen=True)
class OpeningHours:
    timezone: str
    weekdays: frozenset[int]  # 0 = Monday
    slots: tuple[tuple[time, time], ...]  # sorted, non-overlapping, same every open day
    closed_dates: frozenset[date]
    callback_lead_minutes: int
    holidays_subdivision: str | None = None
    # The chamber's promise: an advisor calls back within this many working days.
    callback_within_working_days: int = 2
    # The hours of their own day in which someone living in another time zone may be called (round 12: a call at 3 h
    # in Guadeloupe was possible).
    artisan_daytime: tuple[time, time] = (time(8), time(20))

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        # Years are filled in lazily by the library as dates are looked up.
        return holidays.country_holidays("FR", subdiv=self.holidays_subdivision)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self._holidays and day not in self.closed_dates

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

    def working_days_after(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (1: the next one)."""
        current = day
        for _ in range(_SEARCH_DAYS):
            current += timedelta(days=1)
            if self.is_working_day(current):
                count -= 1
                if count <= 0:
                    return current
        raise RuntimeError("no working day found within a year: check the opening hours configuration")

    def _parts(self, part: str) -> list[tuple[time, time]]:
        """The parts of the opening slots in the morning (before noon) or the afternoon (after)."""
        spans = []
        for start, end in self.slots:
            if part == "morning" and start < NOON:
                spans.append((start, min(end, NOON)))
            elif part in ("afternoon", "evening") and end > NOON:
                spans.append((max(start, NOON), end))
        return spans

    def callback_promise(
        self, at: datetime, preference: str | None = None, urgency: str | None = None, departement: str | None = None
    ) -> str:
        """When an advisor calls back (see ``_promise``). A time difference said ("on a 10h de décalage") with no clock
        of the artisan's known to convert it: the hour promised is said to be Paris's, never passed off as theirs
        (round 20, r20c-05: "le matin heure de Nouméa" was promised "vers 10 h")."""
        promise = self._promise(at, preference, urgency, departement)
        local_day = self._local(at).date()
        if (
            time_difference_said(preference) is not None
            and self.artisan_zone(departement, local_day) is None
            and CallbackPreference.read(preference)._time_said()
            and "heure" not in promise
        ):
            own = "heure de Paris" if self.timezone == "Europe/Paris" else "heure de la chambre"
            head, comma, tail = promise.partition(", au plus tard")
            return f"{head} ({own}){comma}{tail}"
        return promise

    def _promise(
        self, at: datetime, preference: str | None = None, urgency: str | None = None, departement: str | None = None
    ) -> str:
        """When an advisor calls back, as a French fragment after "Un conseiller vous rappellera ...".

        Honest by construction: never a time the chamber has not promised. The chamber promises a call
        within `callback_within_working_days` working days; the artisan's preference ("plutôt le matin",
        "après 18h", "lundi") is said back within what the opening hours allow:
        "dès que possible, au plus tard le mercredi 2 décembre", "un matin, au plus tard le ...",
        "le lundi 7 décembre, dans la matinée", "en fin de journée (les conseillers appellent jusqu'à 17 h),
        au plus tard le ...".

        ``urgency`` (the case's): a critical case is promised what the inbox's target asks of the advisors
        (cases/targets.py: at once, or at the reopening), a high one the same working day (or the next one
        after closing), never the chamber's ordinary delay of several days.

        ``departement``: the artisan's, whose clock may differ from the chamber's (overseas). The wish is then read in
        the artisan's time, and no moment is promised that is night there (round 12). A "not" said about a moment
        ("pas avant 10h", "pas entre 12h et 14h", "sauf le matin") is a constraint, never the time promised.
        """
        local = self._local(at)
        wish = CallbackPreference.read(preference)
        artisan_zone = self.artisan_zone(departement, local.date())
        # An hour said is promised as said, or said plainly not to be possible (round 14): the constraints read it.
        constrained = artisan_zone is not None or wish.strict or wish.at is not None
        if wish.weekday is not None and wish.weekday not in self.weekdays:
            # "samedi" where advisors never call on Saturdays: the search found no such working day and promised a
            # date a year away (round 6: "le vendredi 10 décembre"). The wish's day is dropped, its part kept; an
            # alternative day said with it ("samedi ou lundi") stands.
            open_days = [day for day in wish.other_weekdays if day in self.weekdays]
            wish = replace(wish, weekday=open_days[0] if open_days else None, other_weekdays=tuple(open_days[1:]))
        if urgency == "critique" and wish.part is None and wish.weekday is None and constrained:
            return self._first_moment_text(local, wish, artisan_zone)
        if urgency == "critique" and wish.part is None and wish.weekday is None:
            if self.is_open(local):
                return "en priorité, dès que possible"
            opening = self.next_opening(local)
            when = "aujourd'hui" if opening.date() == local.date() else f"le {french_date(opening.date())}"
            return f"en priorité dès la réouverture, {when} à {french_time(opening.time())}"
        # The promise counts from the first moment an advisor could call with the lead time they need.
        start = self.next_opening(local + timedelta(minutes=self.callback_lead_minutes))
        if urgency in ("critique", "haute"):
            latest = self.high_urgency_day(local)
        else:
            latest = self.working_days_after(local.date(), self.callback_within_working_days)
        latest = max(latest, start.date())
        limited = wish.not_before is not None or wish.not_after is not None
        if constrained or (limited and self._allowed(start.date(), wish, None)[1] is None):
            # A limit said as a wish ("l'après-midi après 14h", "le matin plutôt après 10h") that the hours allow is
            # promised as said, never the whole part of the day (round 14: never a wider window than asked).
            part = self._constrained_text(start.date(), wish, artisan_zone)
        else:
            part = self._window_text(wish.window) if wish.window else self._part_text(wish.part)
        if (wish.part is not None or part) and latest == local.date():
            # The part of today the artisan prefers may be over: promise no more than the next working day.
            latest = self.working_days_after(latest, 1)
        refused_days = wish.refused_weekdays()
        while latest.weekday() in refused_days:
            latest = self.working_days_after(latest, 1)  # "pas le mercredi": the promise goes past it
        if wish.weekday is not None:
            # "lundi" said on a Monday means the next one; "mardi la semaine prochaine", the next week's.
            day = max(start.date(), local.date() + timedelta(days=1))
            if wish.next_week:
                day = max(day, local.date() + timedelta(days=7 - local.date().weekday()))
            wished_days = {wish.weekday, *wish.other_weekdays}
            for _ in range(_SEARCH_DAYS):
                if day.weekday() in wished_days and self.is_working_day(day):
                    break
                day += timedelta(days=1)
            # "jeudi ou vendredi matin" (round 20, r20b-07: the Friday was lost): each day said, the nearest first.
            days = [day]
            for later in (day + timedelta(days=step) for step in range(1, 7)):
                if later.weekday() in wished_days - {day.weekday()} and self.is_working_day(later):
                    days.append(later)
            when = " ou ".join(f"le {french_date(each)}" for each in days)
            return f"{when}, {part}" if part else when
        wished = wish.date_from(local.date())
        if wished is not None and local.date() < wished <= local.date() + timedelta(days=_DATED_WISH_DAYS):
            # "demain", "le 14 décembre" (round 7: promised as "dès que possible"): that day, or the first one after it
            # the advisors call, and why, when they do not call that day.
            earliest = max(wished, start.date())
            day = earliest if self.is_working_day(earliest) else self.working_days_after(earliest, 1)
            when = f"le {french_date(day)}, {part}" if part else f"le {french_date(day)}"
            if wish.next_week:
                when = f"à partir du {french_date(day)}, {part}" if part else f"à partir du {french_date(day)}"
            elif not self.is_working_day(wished):
                when += f" (les conseillers n'appellent pas le {french_date(wished)})"
            return when
        deadline = "dans la journée" if latest == local.date() else f"au plus tard le {french_date(latest)}"
        # "sauf le mercredi" said with the moment, as the artisan said it (round 18, r18b-11: "au plus tard le lundi 7
        # décembre, pas le mercredi" read oddly).
        except_day = (
            " sauf le " + " et le ".join(WEEKDAYS_FR[day] for day in sorted(refused_days)) if refused_days else ""
        )
        if part:
            return f"{part}{except_day}, {deadline}"
        if wish.now and not self.is_open(local):
            # "maintenant", "tout de suite" while the line is closed: when the first call can be, said plainly.
            opening = self.next_opening(local)
            return (
                f"dès la réouverture ({self._day_words(opening.date(), local.date())} à "
                f"{french_time(opening.time())}){except_day}, {deadline}"
            )
        return f"dès que possible{except_day}, {deadline}"

    # --- the wish read as constraints, in the artisan's own clock ------------------------------------------------

    def artisan_zone(self, departement: str | None, day: date) -> ZoneInfo | None:
        """The artisan's clock when it differs from the chamber's on the same day; None otherwise (the same clock, or
        another day there, as in the Pacific, where hours are not converted simply)."""
        zone_name = DEPARTEMENT_ZONES.get(str(departement or "").upper())
        if zone_name is None:
            return None
        zone = ZoneInfo(zone_name)
        shifted = [
            (
                datetime.combine(day, start, self.zone).astimezone(zone),
                datetime.combine(day, end, self.zone).astimezone(zone),
            )
            for start, end in self.slots
        ]
        if all(begin.time() == start for (begin, _), (start, _) in zip(shifted, self.slots, strict=True)):
            return None
        if any(begin.date() != day or finish.date() != day for begin, finish in shifted):
            return None
        return zone

    def _calling_spans(self, day: date, zone: ZoneInfo | None) -> list[tuple[int, int]]:
        """The opening slots of ``day`` in minutes of the artisan's clock, cut to their daytime when it is not the
        chamber's (an advisor never calls at 3 h in Guadeloupe)."""
        spans = self._shifted_spans(day, zone)
        if zone is None:
            return spans
        daytime = [(_minutes(self.artisan_daytime[0]), _minutes(self.artisan_daytime[1]))]
        return _intersect(spans, daytime)

    def _shifted_spans(self, day: date, zone: ZoneInfo | None) -> list[tuple[int, int]]:
        """The opening slots of ``day`` in minutes of the artisan's clock, night included."""
        if zone is None:
            return [(_minutes(start), _minutes(end)) for start, end in self.slots]
        return [
            (
                _minutes(datetime.combine(day, start, self.zone).astimezone(zone).time()),
                _minutes(datetime.combine(day, end, self.zone).astimezone(zone).time()),
            )
            for start, end in self.slots
        ]

    def _allowed(
        self, day: date, wish: CallbackPreference, zone: ZoneInfo | None
    ) -> tuple[list[tuple[int, int]], str | None]:
        """The spans of ``day`` (artisan's minutes) in which the wish can be served, and None; when it cannot be, the
        nearest hour the advisors call and why, said plainly."""
        calling = self._calling_spans(day, zone)
        wished = wish.spans()
        allowed = _intersect(calling, wished)
        if allowed or not calling or not wished:
            return allowed or calling, None
        where = " : chez vous," if zone is not None else " :"
        words = wish.words()
        if min(start for start, _ in wished) >= calling[-1][1]:
            end = calling[-1][1]
            why = f"les conseillers ne peuvent pas vous appeler {words}{where} ils appellent jusqu'à {_said(end)}"
            return [(max(calling[-1][0], end - 60), end)], why
        if max(end for _, end in wished) <= calling[0][0]:
            begin = calling[0][0]
            why = f"les conseillers ne peuvent pas vous appeler {words}{where} ils appellent à partir de {_said(begin)}"
            return [(begin, min(calling[0][1], begin + 60))], why
        # Between two opening slots: the end of the one before and the start of the one after.
        before = max(end for _, end in calling if end <= min(start for start, _ in wished))
        after = min(start for start, _ in calling if start >= max(end for _, end in wished))
        return [(before - 30, before), (after, after + 30)], "les conseillers ne rappellent pas entre les deux"

    def minutes_for_wish(self, at: datetime, preference: str | None, departement: str | None = None) -> int:
        """How many minutes of the next calling day fit the wish, in the artisan's clock ("plutôt le matin" in La
        Réunion, where the calls start at 11 h: 60)."""
        day = self.next_opening(self._local(at) + timedelta(minutes=self.callback_lead_minutes)).date()
        calling = self._calling_spans(day, self.artisan_zone(departement, day))
        return sum(end - start for start, end in _intersect(calling, CallbackPreference.read(preference).spans()))

    def wish_out_of_hours(self, at: datetime, preference: str | None, departement: str | None = None) -> str | None:
        """When no hour the advisors call fits the moment asked for ("après 14h heure d'ici" in Martinique, where calls
        end at 12 h; "le soir après 18h"; "pas avant 18h"; "mardi 17h30"): one sentence saying so, in the artisan's
        clock, and asking for another moment. None when some hour fits, or when nothing about the hour was said.
        Round 13 (r13a-07): an hour the artisan had ruled out was confirmed without asking; round 14 (r14b-15): 17 h 30
        too."""
        local = self._local(at)
        wish = CallbackPreference.read(preference)
        if wish.spans() == [(0, _DAY_MINUTES)]:
            return None
        day = self.next_opening(local + timedelta(minutes=self.callback_lead_minutes)).date()
        zone = self.artisan_zone(departement, day)
        calling = self._calling_spans(day, zone)
        if not calling or _intersect(calling, wish.spans()):
            return None
        where = "chez vous, " if zone is not None else ""
        hours = " et ".join(f"de {_said(begin)} à {_said(end)}" for begin, end in calling)
        # The wish said with its limits ("l'après-midi après 14 h", "le matin avant 7 h"), not only its part.
        said = [wish.words()] if wish.window is not None or wish.part is not None else []
        if wish.window is None and wish.not_before is not None:
            said.append(f"après {french_time(wish.not_before)}")
        if wish.window is None and wish.not_after is not None:
            said.append(f"avant {french_time(wish.not_after)}")
        moment = " ".join(said) or wish.words()
        return (
            f"Les conseillers ne peuvent pas vous appeler {moment} : {where}ils appellent {hours}. {OTHER_MOMENT_ASKED}"
        )

    def _constrained_text(self, day: date, wish: CallbackPreference, zone: ZoneInfo | None) -> str:
        """The moment promised, said in the artisan's clock: "à partir de 10 h", "en dehors de 12 h - 14 h",
        "dans la matinée", "à partir de 18 h, heure de chez vous"; "" when the wish restricts nothing."""
        calling = self._calling_spans(day, zone)
        allowed, why = self._allowed(day, wish, zone)
        suffix = ", heure locale" if zone is not None else ""
        if why is not None:
            if why.endswith("entre les deux"):
                (_, before), (after, _) = allowed
                return f"vers {_said(before)} ou vers {_said(after)} ({why})"
            ((begin, end),) = allowed
            return f"entre {_said(begin)} et {_said(end)}{suffix} ({why})"
        if wish.at is not None and _intersect(allowed, wish.spans()):
            return f"vers {french_time(wish.at)}{suffix}"  # "jeudi 16h45": that hour, never the whole day
        unclipped = self._shifted_spans(day, zone)
        if allowed == calling and calling == unclipped:
            return ""
        if zone is None:
            for part, said in (("morning", "dans la matinée"), ("afternoon", "dans l'après-midi")):
                if allowed == [(_minutes(start), _minutes(end)) for start, end in self._parts(part)]:
                    return said
        first, last = calling[0][0], calling[-1][1]
        if wish.excluded_window is not None and len(allowed) > 1:
            text = f"en dehors de {french_time(wish.excluded_window[0])} - {french_time(wish.excluded_window[1])}"
            if allowed[0][0] > first:
                text = f"à partir de {_said(allowed[0][0])}, {text}"
            return text + suffix
        if len(allowed) == 1:
            begin, end = allowed[0]
            if begin > first and end == last:
                return f"à partir de {_said(begin)}{suffix}"
            if begin == first and end < last:
                return f"avant {_said(end)}{suffix}"
        return " ou ".join(f"entre {_said(begin)} et {_said(end)}" for begin, end in allowed) + suffix

    def _first_moment_text(self, local: datetime, wish: CallbackPreference, zone: ZoneInfo | None) -> str:
        """A critical case: the first moment the wish allows, at once or from the reopening (round 12: "pas avant 10h"
        was promised "le lundi 7 décembre à 8 h")."""
        clock = zone or self.zone
        day = local.date()
        for _ in range(_SEARCH_DAYS):
            if self.is_working_day(day):
                allowed, why = self._allowed(day, wish, zone)
                for begin, end in allowed:
                    start = datetime.combine(day, _time(begin), clock)
                    if datetime.combine(day, _time(end), clock) <= local:
                        continue
                    suffix = ", heure locale" if zone is not None else ""
                    if why is not None and not why.endswith("entre les deux"):
                        suffix += f" ({why})"
                    if wish.excluded_window is not None:
                        window = f"{french_time(wish.excluded_window[0])} - {french_time(wish.excluded_window[1])}"
                        suffix += f", en dehors de {window}"
                    if start <= local:
                        return "en priorité, dès que possible" + suffix
                    when = self._day_words(day, local.date())
                    if not self.is_open(local) and start == self.next_opening(local):
                        return f"en priorité dès la réouverture, {when} à {_said(begin)}{suffix}"
                    return f"en priorité, {when} à partir de {_said(begin)}{suffix}"
            day += timedelta(days=1)
        raise RuntimeError("no opening found within a year: check the opening hours configuration")

    @staticmethod
    def _day_words(day: date, today: date) -> str:
        return "aujourd'hui" if day == today else f"le {french_date(day)}"

    def closed_now_text(self, at: datetime, departement: str | None = None) -> str | None:
        """One sentence, while the line is closed, saying when advisors are next available (round 12: "je veux parler
        à quelqu'un maintenant" on a Saturday learnt only in the last message that nobody calls before Monday); None
        while it is open. Overseas, the moment is said in the artisan's time."""
        local = self._local(at)
        if self.is_open(local):
            return None
        zone = self.artisan_zone(departement, local.date())
        moment = self._first_moment_text(local, CallbackPreference(), zone)
        moment = moment.removeprefix("en priorité dès la réouverture, ").removeprefix("en priorité, ")
        return f"Les conseillers ne sont pas disponibles en ce moment : ils reprennent {moment}."

    def high_urgency_day(self, at: datetime) -> date:
        """The day a high case is due (the inbox's target, cases/targets.py): today while the line is still open
        today, else the next working day."""
        local = self._local(at)
        today = local.date()
        if self.is_working_day(today) and local.time() < self.slots[-1][1]:
            return today
        return self.working_days_after(today, 1)

    def _window_text(self, window: tuple[time, time]) -> str:
        """The window as said, cut to the opening hours; outside them, the nearest moment advisors call."""
        spans = [(max(start, window[0]), min(end, window[1])) for start, end in self.slots]
        spans = [(start, end) for start, end in spans if start < end]
        if spans:
            return " ou ".join(f"entre {french_time(start)} et {french_time(end)}" for start, end in spans)
        if window[1] <= self.slots[0][0]:
            return f"dès {french_time(self.slots[0][0])} (les conseillers appellent à partir de {french_time(self.slots[0][0])})"
        if window[0] >= self.slots[-1][1]:
            return f"en fin de journée (les conseillers appellent jusqu'à {french_time(self.slots[-1][1])})"
        # Between two opening slots (the lunch break): the end of the one before and the start of the one after.
        before = max(end for _, end in self.slots if end <= window[0])
        after = min(start for start, _ in self.slots if start >= window[1])
        return f"vers {french_time(before)} ou vers {french_time(after)} (les conseillers ne rappellent pas entre les deux)"

    def _part_text(self, part: str | None) -> str:
        if part is None:
            return ""
        spans = self._parts(part)
        if part == "morning":
            if spans:
                return "dans la matinée"
            return f"l'après-midi (les conseillers appellent {self.text()})"
        if part == "afternoon":
            if spans:
                return "dans l'après-midi"
            return f"le matin (les conseillers appellent {self.text()})"
        # Evening: later than the chamber calls. Say the truth and the closest moment.
        closing = self.slots[-1][1]
        return f"en fin de journée (les conseillers appellent jusqu'à {french_time(closing)})"

    def text(self) -> str:
        """ "du lundi au vendredi, de 8 h à 17 h" (or "..., de 9 h à 12 h 30 et de 13 h 30 à 17 h")."""
        ordered = sorted(self.weekdays)
        names = [WEEKDAYS_FR[day] for day in ordered]
        if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
            days = f"du {names[0]} au {names[-1]}"
        elif len(names) == 1:
            days = f"le {names[0]}"
        else:
            days = "les " + ", ".join(names[:-1]) + f" et {names[-1]}"
        slots = " et ".join(f"de {french_time(start)} à {french_time(end)}" for start, end in self.slots)
        return f"{days}, {slots}"

    def text_for(self, departement: str | None, at: datetime, calls: bool = False) -> str:
        """The hours as said to an artisan of ``departement``: in the artisan's own time too when their clock differs
        from the chamber's ("…, de 8 h à 17 h, heure de Paris (de 3 h à 12 h chez vous)"; round 7: a hairdresser in
        Guadeloupe asked for "après 14 h" her time, which the chamber's hours never said were Paris's)."""
        code = str(departement or "").upper()
        zone_name = DEPARTEMENT_ZONES.get(code) or ("Europe/Paris" if re.fullmatch(r"\d{2}|2[AB]", code) else None)
        text = self.text()
        if zone_name is None:
            return text
        local_zone = ZoneInfo(zone_name)
        day = self._local(at).date()
        shifted = []
        for start, end in self.slots:
            begin = datetime.combine(day, start, self.zone).astimezone(local_zone)
            finish = datetime.combine(day, end, self.zone).astimezone(local_zone)
            shifted.append((begin, finish))
        if all(begin.time() == start for (begin, _), (start, _) in zip(shifted, self.slots, strict=True)):
            return text  # the same clock (a chamber of La Réunion for an artisan of La Réunion)
        own = "heure de Paris" if self.timezone == "Europe/Paris" else "heure de la chambre"
        if any(begin.date() != day or finish.date() != day for begin, finish in shifted):
            return f"{text}, {own}"  # another day there (the Pacific): no hours to convert simply
        local = " et ".join(
            f"de {french_time(begin.time())} à {french_time(finish.time())}" for begin, finish in shifted
        )
        if calls:
            # The hours an advisor may call, never at night there (round 12: "de 3 h à 12 h chez vous").
            spans = self._calling_spans(day, ZoneInfo(zone_name))
            said = " et ".join(f"de {_said(begin)} à {_said(end)}" for begin, end in spans)
            if spans and said != local:
                return f"{text}, {own} (appels de {said.removeprefix('de ')} chez vous)"
        return f"{text}, {own} ({local} chez vous)"


_WEEKDAY_WORDS = {name: index for index, name in enumerate(WEEKDAYS_FR)}
# The days said before a day in a list of days refused ("sauf mercredi et vendredi", "pas le lundi ni le mardi").
# Not after a comma ("pas le mercredi, jeudi ça va": Thursday wished).
_OTHER_DAYS_REFUSED = (
    r"(?:(?:(?: et| ni)?(?: le| les)? (?:" + "|".join(WEEKDAYS_FR) + r")s?)+(?: et| ni)(?: le| les)?)?"
)
_DAY_MINUTES = 24 * 60


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _time(minutes: int) -> time:
    return time(23, 59) if minutes >= _DAY_MINUTES else time(minutes // 60, minutes % 60)


def _said(minutes: int) -> str:
    return french_time(_time(minutes))


def _intersect(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = [(max(a, c), min(b, d)) for a, b in spans for c, d in others if max(a, c) < min(b, d)]
    return sorted(found)


def _subtract(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    kept = []
    for a, b in spans:
        kept += [(a, min(b, start))] if a < min(b, start) else []
        kept += [(max(a, end), b)] if max(a, end) < b else []
    return kept


# The parts of the day as people mean them, in their own clock.
# "en fin de journée" (round 17, r17a-16 vs r17a-04: refused as "le soir" at the time question, promised "en fin de
# journée (… jusqu'à 17 h)" when said earlier): the last hours of a working day, which the advisors' last hour meets.
_PART_SPANS = {
    "morning": (0, 12 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "late": (16 * 60, 19 * 60),
    "evening": (17 * 60, _DAY_MINUTES),
}
_PART_WORDS = {"morning": "le matin", "afternoon": "l'après-midi", "late": "en fin de journée", "evening": "le soir"}
_AT_HOUR = r"(?:(\d{1,2})\s*h(?:eures?)?\s*(\d{2})?\b|(midi))"
# "pas avant 10h", "à partir de 10h", "dès 10h" (said as a limit: strict), "après 18h" (said as a wish).
_NOT_BEFORE = re.compile(r"\b(pas avant|jamais avant|a partir de|des|(?<!pas )(?<!jamais )apres)\s+" + _AT_HOUR)
# "pas après 16h", "jusqu'à 16h" (strict), "avant 11h" (a wish).
_NOT_AFTER = re.compile(
    r"\b(pas apres|jamais apres|jusqu'?\s?a|au plus tard a|(?<!pas )(?<!jamais )avant)\s+" + _AT_HOUR
)
_STRICT_LIMITS = frozenset({"pas avant", "jamais avant", "a partir de", "des", "pas apres", "jamais apres"})
_WINDOW_REFUSED = re.compile(r"\b(?:pas|sauf|hors|jamais|surtout pas|evitez|eviter|excepte)\s+(?:de |d')?$")
_NOW = re.compile(r"\b(?:maintenant|tout de suite|immediatement|de suite|tt de suite|asap)\b")


def _hour_of(match: re.Match[str], offset: int) -> time | None:
    if match.group(offset + 2):
        return NOON
    hour, minute = int(match.group(offset)), int(match.group(offset + 1) or 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _limit(pattern: re.Pattern[str], folded: str) -> tuple[time | None, bool]:
    """The hour of a limit said ("pas avant 10h"), and whether it was said as a limit rather than a wish."""
    for match in pattern.finditer(folded):
        if match.group(4) and match.group(1).endswith("apres"):
            continue  # "après midi" is the afternoon, no limit
        moment = _hour_of(match, 2)
        if moment is not None:
            return moment, " ".join(match.group(1).split()) in _STRICT_LIMITS or match.group(1).startswith("jusqu")
    return None, False


_MORNING = re.compile(r"\bmatin|\bmatinee|\bavant (?:midi|12|[89] ?h|1[01] ?h)|\b(?:vers|a) (?:[89]|1[01]) ?h")
_AFTERNOON = re.compile(
    r"apres[ -]?midi|\baprem|\bapm\b|\bapres (?:midi|1[2-6] ?h)|\bentre 1[2-6]|\bvers (?:1[2-6]|[2-5]) ?h|\ba 1[2-6] ?h"
)
# A day said as such: "demain", "après-demain", "le 14", "le 14 décembre", "14/12".
_DAYS_AHEAD = {"apres demain": 2, "apres-demain": 2, "demain": 1}
_DAY_OF_MONTH = re.compile(
    r"\b(?:le|du|ce|pour le)\s+(1er|[12]\d|3[01]|0?[1-9])(?:\s+("
    + "|".join(MONTHS_FOLDED)
    + r"))?\b(?!\s*(?:h\b|heures?|:))"
    r"|\b(1er|[12]\d|3[01]|0?[1-9])\s+(" + "|".join(MONTHS_FOLDED) + r")\b"
    r"|\b([12]\d|3[01]|0?[1-9])/(1[0-2]|0?[1-9])\b"
)
_EVENING = re.compile(r"\bsoir|\bapres (?:1[7-9]|2[0-3]) ?h|\b(?:1[89]|2[0-3]) ?h|\btard\b")
_LATE = re.compile(r"\bfin (?:de (?:la )?|d')?journee\b")
_LATE_MORNING = re.compile(r"\bfin (?:de |d')?(?:la )?(?:matinee|matin)\b")


_HOUR = r"(\d{1,2})(?:\s*h(?:eures?)?\s*(\d{2})?)?|(midi)"
# "entre 12h et 14h", "de 12 h à 14 h 30", "entre midi et deux" (the lunch break, as people say it).
_WINDOW = re.compile(
    rf"\b(?:entre|de)\s+(?:{_HOUR})\s*(?:et|a|-)\s*(?:{_HOUR}|(deux))\b(?!\s*(?:jours?|semaines?|mois|ans?|min|fois|euros?|%))"
)


# The lunch break said as such ("à la pause de midi", "pendant ma pause déj", "à l'heure du déjeuner"): 12 h to 14 h, as
# "entre midi et deux" (round 18, r18a-10: promised "dès que possible" with the words quoted back).
_LUNCH_BREAK = re.compile(
    r"\b(?:(?:a|pendant|durant|sur|pour) )?(?:la |ma |sa |leur |votre )?(?:pause (?:de |du )?(?:midi|dej\w*|repas)|"
    r"heure (?:du |de )(?:dejeuner|dej|repas|midi))\b"
)


# An hour said as the moment of the call ("mardi 17h30", "à 16h45", "vers 11h"), read where no limit, window, refusal or
# length of time owns it ("pas avant 12h30", "après 18h", "entre 8h et 8h30", "pas à 13h", "dans 2h", "pendant 1h").
_POINT = re.compile(r"(?<![\d:/])(\d{1,2})\s*h(?:eures?)?\s*(\d{2})?(?![\w])")
_NOT_A_POINT_BEFORE = re.compile(
    r"(?:\b(?:avant|apres|partir d[eu]|des|jusqu'?\s?a|jusque|plus tard a|pas|sauf|hors|excepte|jamais|evitez|eviter|"
    r"entre|de|dans|pendant|durant|depuis|en|y a|les|toutes|tous)(?: vers| a)?\s*|[-/]\s*)$"
)


def _point(folded: str) -> time | None:
    """The first hour said as the moment itself, or None."""
    owned = [match.span() for match in _WINDOW.finditer(folded)]
    for match in _POINT.finditer(folded):
        if any(start <= match.start() < end for start, end in owned):
            continue
        if _NOT_A_POINT_BEFORE.search(folded[: match.start()]):
            continue
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    for match in _NOON_POINT.finditer(folded):
        # "mardi midi", "demain à midi" (round 19, r19b-15: the case said "le mardi 8 décembre", the hour lost); never
        # "après-midi", "avant midi", "entre midi et deux" (a part of the day, a limit, a window).
        if not any(start <= match.start() < end for start, end in owned) and not _NOT_A_POINT_BEFORE.search(
            folded[: match.start()]
        ):
            return NOON
    return None


_NOON_POINT = re.compile(r"(?<![\w-])midi\b(?![ -]?(?:et|a|-) ?(?:deux|\d))")
# An hour said as when the artisan's day starts or ends, not as the moment of the call: "le matin, elle ouvre la boutique
# à 10h", "je commence à 9h" (round 19, r19a-14: promised "vers 10 h"; before 10 h was meant), "je finis à 16h", "je
# ferme à 15h30" (after it).
_BUSY_FROM = re.compile(
    r"\b(?:(?:j'|je |il |elle |on |nous )?(?:ouvr|commenc|attaqu|embauch|demarr|reprend|repren|pars\b|part\b)\w*)"
    r"[^.,;!?\d]{0,30}?\b(?:a|vers|des)\s+" + _AT_HOUR
)
_FREE_FROM = re.compile(
    r"\b(?:(?:j'|je |il |elle |on |nous )(?:ferm|fini|termin|sor[st]\b|rentr|quitt)\w*)"
    r"[^.,;!?\d]{0,30}?\b(?:a|vers)\s+" + _AT_HOUR
)


def _window(folded: str, refused: bool = False) -> tuple[time, time] | None:
    """The hours of a window said in so many words (``refused``: said as the time not to call, "pas entre 12h et
    14h", "sauf entre midi et deux"), or None."""
    for match in _WINDOW.finditer(folded):
        if bool(_WINDOW_REFUSED.search(folded[: match.start()])) == refused:
            return _window_of(match)
    return None


def _without_refused_window(folded: str) -> str:
    for match in _WINDOW.finditer(folded):
        if _WINDOW_REFUSED.search(folded[: match.start()]):
            return folded[: match.start()] + " " * (match.end() - match.start()) + folded[match.end() :]
    return folded


def _window_of(match: re.Match[str]) -> tuple[time, time] | None:
    start_hour = 12 if match.group(3) else int(match.group(1))
    start = (start_hour, int(match.group(2) or 0))
    if match.group(7):
        end = (14, 0)  # "entre midi et deux"
    else:
        end_hour = 12 if match.group(6) else int(match.group(4))
        end_minute = int(match.group(5) or 0)
        # "entre 11h et 2h": two in the afternoon; "entre 8h et 8h30" ends half an hour later, the same morning (round
        # 14, r14a-15: it was read as ending at 20 h 30, and promised "entre 8 h et 17 h").
        if (end_hour, end_minute) <= start and start_hour < end_hour + 12:
            end_hour += 12
        end = (end_hour, end_minute)
    if not (0 <= start[0] < 24 and 0 <= end[0] < 24 and start < end):
        return None
    return time(*start), time(*end)


# A correction within the words about the moment: what follows it replaces what came before ("ah non en fait l'aprem",
# "finalement mardi", "ou plutôt le soir"; "plutôt que le matin", "mieux que le matin" compare, and correct nothing).
# A preference stated after moments offered is one too ("le matin ou l'aprem, l'aprem c'est mieux", "de préférence
# l'aprem": round 14, the first moment said was kept); said after its moment ("l'aprem c'est mieux", "mardi plutôt"),
# its whole clause is what replaces (see _correction_cuts).
_CORRECTION = re.compile(
    r"\b(?:(?:ah|oh|euh|heu|enfin|mais|non|bon) non\b|non,? (?:en fait|finalement|plutot|pardon|attendez|attends)\b|"
    r"en fait\b|finalement\b|(?:ou |non,? )?plutot\b(?! qu)|pardon\b|au final\b|tout compte fait\b|reflexion faite\b|"
    r"a la reflexion\b|je me suis trompee?\b|je voulais dire\b|je rectifie\b|je prefere(?:rais)?\b|"
    r"(?<!pas )(?<!plus )(?<!pas forcement )mieux\b(?! qu)|de preference\b|preferablement\b|idealement\b|l'ideal\b|"
    r"si possible\b|surtout\b(?! pas)|(?:ca |ce )?(?:m'arrange(?:rait)?|m'irait|me convient|me conviendrait)\b(?! pas))"
)
# Where the clause of a preference said after its moment starts: after a stop or a comma, or at "ou", "mais", "sinon"
# ("le matin ou l'aprem l'aprem c'est mieux"); where the words following a correction end ("le soir si possible sinon
# le matin": the evening).
_CLAUSE_START = re.compile(r"[.,;!?:]+\s*|\b(?:ou|mais|sinon)\s+")


def _correction_cuts(folded: str) -> list[int]:
    """Where each correction within the words starts: at its marker when the marker opens the moment it brings
    ("finalement mardi", "de préférence l'aprem"), at its clause when it follows it ("l'aprem c'est mieux", "mardi
    plutôt"); never before an earlier correction."""
    cuts: list[int] = []
    for match in _CORRECTION.finditer(folded):
        following = _CLAUSE_START.search(folded, match.end())
        brought = folded[match.end() : following.start() if following else len(folded)]
        cut = match.start()
        if not CallbackPreference._read_one(brought)._anything_said():
            cut = max((start.end() for start in _CLAUSE_START.finditer(folded, 0, match.start())), default=0)
        cuts.append(max(cut, cuts[-1] if cuts else 0))
    return cuts


# A part of the day said as the time not to call: "pas l'après-midi", "l'après-midi je suis au magasin".
# "pas ce soir, demain" (round 28, r28-a-22: promised "en fin de journée"): "ce soir" refused as "le soir" is.
_PART_EXCLUDED_BEFORE = re.compile(r"\b(?:pas|sauf|jamais|surtout pas|hors)\s+(?:le |l'|en |dans l'|ce |cet |cette )?$")
# "la semaine prochaine, pas avant", "pas cette semaine" (round 28, r28-a-09: promised "dès que possible, dans la
# journée", the day the artisan refused): from the next Monday on.
_TODAY_REFUSED = re.compile(
    r"\b(?:pas|sauf|surtout pas)\s+(?:ce|cet|cette)\s+(?:soir|soiree|matin|matinee|apres[- ]?midi|aprem)\b"
)
_ANOTHER_DAY = re.compile(
    r"\b(?:demain|apres-demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|semaine prochaine|\d{1,2}(?:er)? \w+)\b"
)
_NEXT_WEEK = re.compile(r"\bsemaine (?:prochaine|d'apres|suivante)\b|\bpas (?:avant la semaine|cette semaine)\b")
_PART_BUSY_AFTER = re.compile(
    # No hour in between: "le matin avant 7h je suis au fournil après" (round 19, r19a-02) is busy after 7 h, not all
    # morning.
    r"^[^.,;!?\d]{0,12}?\b(?:je suis (?:au|a la|en|sur|pas)|je travaille|je bosse|j'ai|je peux pas|je ne peux pas|"
    # "le matin ça m'arrange pas", "le matin c'est compliqué" (round 14: read as the moment wished).
    r"pas dispo|impossible|occupee?|(?:m'arrange|me va|me convient)(?: vraiment)? pas|pas possible|c'est complique|"
    r"c'est (?:le rush|la course|la folie|le coup de feu|speed))\b"
)
# A part of the day said after what keeps the artisan busy then: "jsuis sur chantier le matin", "je bosse l'aprem",
# "j'ai les clientes le matin" (round 14, r14a-01: "lundi mais pas avant 12h30 jsuis sur chantier le matin" was read as
# the morning wished, and no hour fitted). Not "je suis dispo le matin", "j'ai le temps l'après-midi".
_PART_BUSY_BEFORE = re.compile(
    r"\b(?:je suis|jsuis|j'suis|chui|je serai|je bosse|je travaille|j'ai|je peux pas|je ne peux pas|je suis pas dispo|"
    r"pas dispo|occupee?|indisponible)\b(?P<between>[^.,;!?]{0,40}?)\s*(?:le |l'|en |dans l'|tout l'|toute la |les )?$"
)
_AVAILABLE = re.compile(r"\b(?:dispo\w*|libre|joignable|la|tranquille|calme|temps|creneau|moment)\b")


def _busy_before(before: str) -> bool:
    """Whether the words before a part of the day say the artisan is busy then."""
    match = _PART_BUSY_BEFORE.search(before)
    if match is None:
        return False
    between = match.group("between")
    return " pas " in f" {between} " or "pas dispo" in match.group() or not _AVAILABLE.search(between)


# Busy all day ("plutot en fin de journee je suis sur les chantiers toute la journee", round 25, s25b-05): why the part
# said before is wished, never a part refused.
_ALL_DAY = re.compile(r"^[^.;!?]*?\b(?:toute la journee|tous les jours|la journee entiere|en journee)\b")


def _busy_after(after: str) -> bool:
    """Whether the words after a part of the day say the artisan is busy then, not all day long."""
    return bool(_PART_BUSY_AFTER.search(after)) and not _ALL_DAY.search(after)


_PARTS_SAID = (("late", _LATE), ("evening", _EVENING), ("afternoon", _AFTERNOON), ("morning", _MORNING))


def _part_wished(folded: str) -> str | None:
    """The part of the day the artisan asks for: the first said, less those said as times not to call (round 7: "le
    matin avant 11 heures, l'après-midi je suis au magasin" was promised "dans l'après-midi"), wherever they are said
    ("le matin ou l'aprem, surtout pas le matin": round 14)."""
    refused = _parts_refused(folded)
    said = [
        (match.start(), part)
        for part, pattern in _PARTS_SAID
        if part not in refused
        for match in pattern.finditer(folded)
        if not _PART_EXCLUDED_BEFORE.search(folded[: match.start()])
        and not _busy_before(folded[: match.start()])
        and not _busy_after(folded[match.end() :])
    ]
    return min(said)[1] if said else None


def _parts_refused(folded: str) -> tuple[str, ...]:
    """The parts of the day said as times not to call ("pas le matin", "l'après-midi je suis au magasin"); an hour
    said as a limit ("pas avant 10h") is a limit, not a part refused."""
    refused = []
    for part, pattern in _PARTS_SAID:
        for match in pattern.finditer(folded):
            if re.search(r"\d|^(?:avant|vers|a |apres 1)", match.group()):
                continue
            before, after = folded[: match.start()], folded[match.end() :]
            if _PART_EXCLUDED_BEFORE.search(before) or _busy_before(before) or _busy_after(after):
                refused.append(part)
    return tuple(dict.fromkeys(refused))


# The office to be called closed on a day ("le cabinet ferme a midi le vendredi, sinon n'importe quand", "le bureau est
# fermé le mercredi"): round 25 (s25b-01) promised "le vendredi 11 décembre, vers 12 h", the very moment excluded. The
# day is refused and the hour it closes is no moment wished. Someone's own shop closed is not read so ("je suis fermé le
# lundi" is when they are free).
_OFFICE_CLOSED = re.compile(
    r"\b(?:le |l'|leur |son |mon )?(?:cabinet|bureau|secretariat|etude|agence|standard|accueil)\b(?: \w+){0,3}? "
    r"(?:ferme|est ferme|est fermee|n'est pas ouvert|est pas ouvert|n'ouvre pas|ouvre pas)\b[^,;.!?]*"
)


def _days_refused_instead(closed: re.Match[str]) -> str:
    """The words of an office closed, as the days they refuse ("pas le vendredi"), or as nothing when they name none."""
    days = [word for word in _WEEKDAY_WORDS if re.search(rf"\b{word}s?\b", closed.group())]
    said = " ".join(f"pas le {day}" for day in days)
    return f" {said} ".ljust(len(closed.group()))


# A time difference said in hours ("3h de décalage", "10 heures d'écart", "on a 10h de plus"): no hour of the call.
_TIME_DIFFERENCE = re.compile(
    r"\b(?:[+-]\s*)?\d{1,2}\s*h(?:eures?)?\s*(?:de |d')?(?:decalage|ecart|difference|avance|retard|de plus|de moins)\b"
    r"|\b(?:decalage|ecart|difference)\s+(?:horaire\s+)?(?:de\s+)?(?:[+-]\s*)?\d{1,2}\s*h(?:eures?)?\b"
)


def time_difference_said(text: str | None) -> int | None:
    """The hours of a time difference the words say ("j'ai 3h de décalage avec Paris" -> 3), or None."""
    found = _TIME_DIFFERENCE.search(fold(text or "").replace("’", "'"))
    hours = re.search(r"\d{1,2}", found.group()) if found else None
    return int(hours.group()) if hours else None


# The fields of a wish that say the time of day, and those that say the day: one list each, for every reading that
# goes over them (a correction, what a wish says), so that a field added is never forgotten by one of them.
_TIME_FIELDS = ("part", "window", "not_before", "not_after", "excluded_window", "excluded_parts", "strict", "now", "at")
_DAY_FIELDS = ("weekday", "other_weekdays", "days_ahead", "day_of_month", "next_week")


def _field_said(value: object) -> bool:
    """Whether a field of a wish says something: a day (0 is Monday), a tuple with days, a flag set."""
    return value is not None and value != () and value is not False


@dataclass(frozen=True)
class CallbackPreference:
    """When the artisan would like to be called, read from their words."""

    part: str | None = None  # "morning", "afternoon", "late", "evening"
    weekday: int | None = None  # 0 = Monday
    # Days said as alternatives ("le mardi ou le jeudi"): the nearest of them all is promised (round 18, r18a-03: the
    # Thursday 10 was promised, the Tuesday 8 was nearer).
    other_weekdays: tuple[int, ...] = ()
    # A day the artisan cannot take the call ("pas le mercredi", "sauf lundi"): never the day promised.
    excluded_weekday: int | None = None
    other_excluded_weekdays: tuple[int, ...] = ()  # "sauf mercredi et vendredi": the days refused after the first
    # A window said in so many words ("entre 12h et 14h, je suis au travail sinon"): kept as said within the opening
    # hours (round 5: it was promised as "dans l'après-midi").
    window: tuple[time, time] | None = None
    # A day said as such: days from today ("demain": 1), or a day of the month with its month when said (1-12).
    days_ahead: int | None = None
    day_of_month: tuple[int, int | None] | None = None
    # "la semaine prochaine", "pas cette semaine": no call before the next Monday.
    next_week: bool = False
    # Limits said about the hour ("pas avant 10h", "à partir de 10h", "après 18h"; "pas après 16h", "avant 11h"),
    # a window refused ("pas entre 12h et 14h"), parts of the day refused ("sauf le matin"): constraints, never the
    # time promised (round 12: "pas entre 12h et 14h" was promised "entre 12 h et 14 h").
    not_before: time | None = None
    not_after: time | None = None
    excluded_window: tuple[time, time] | None = None
    excluded_parts: tuple[str, ...] = ()
    # A limit said as such ("pas avant", "à partir de", "jusqu'à", a window or part refused): read by the constraints.
    strict: bool = False
    # "maintenant", "tout de suite".
    now: bool = False
    # An hour said as the moment itself ("mardi 17h30", "jeudi 16h45 alors", "vers 11h"): promised as said when the
    # advisors call then, said plainly when they do not (round 14, r14a-07, r14b-15: 17 h 30, after the closing, was
    # accepted and promised as a day with no time; 16 h 45 lost its time).
    at: time | None = None

    def refused_weekdays(self) -> tuple[int, ...]:
        """Every day said as a day not to call."""
        first = () if self.excluded_weekday is None else (self.excluded_weekday,)
        return first + self.other_excluded_weekdays

    def spans(self) -> list[tuple[int, int]]:
        """The minutes of the artisan's day the wish allows."""
        if self.at is not None:
            spans = [(_minutes(self.at), _minutes(self.at) + 1)]  # the hour itself: 17 h is the closing, no hour open
        elif self.window is not None:
            spans = [(_minutes(self.window[0]), _minutes(self.window[1]))]
        elif self.part is not None:
            spans = [_PART_SPANS[self.part]]
        else:
            spans = [(0, _DAY_MINUTES)]
        if self.not_before is not None:
            spans = _intersect(spans, [(_minutes(self.not_before), _DAY_MINUTES)])
        if self.not_after is not None:
            spans = _intersect(spans, [(0, _minutes(self.not_after))])
        if self.excluded_window is not None:
            spans = _subtract(spans, _minutes(self.excluded_window[0]), _minutes(self.excluded_window[1]))
        for part in self.excluded_parts:
            spans = _subtract(spans, *_PART_SPANS[part])
        return spans

    def words(self) -> str:
        """The wish in a few words, to say it cannot be served ("le soir", "après 18 h")."""
        if self.window is not None:
            return f"entre {french_time(self.window[0])} et {french_time(self.window[1])}"
        if self.part is not None and self.at is not None:
            return f"{_PART_WORDS[self.part]} à {french_time(self.at)}"  # "le matin à 9 h", never "le matin" alone
        if self.part is not None:
            return _PART_WORDS[self.part]
        if self.at is not None:
            return f"à {french_time(self.at)}"
        if self.not_before is not None:
            return f"après {french_time(self.not_before)}"
        if self.not_after is not None:
            return f"avant {french_time(self.not_after)}"
        spans = self.spans()  # what is left once the refused parts are taken out ("sauf le matin": the afternoon)
        if len(spans) == 1 and spans[0] == (_PART_SPANS["afternoon"][0], _DAY_MINUTES):
            return "l'après-midi"
        if len(spans) == 1 and spans[0][1] == _DAY_MINUTES:
            return f"après {_said(spans[0][0])}"
        if len(spans) == 1 and spans[0][0] == 0:
            return f"avant {_said(spans[0][1])}"
        return "à ce moment-là"

    def date_from(self, today: date) -> date | None:
        """The day wished, from ``today``: "demain" the day after, "le 14" the next 14th (this month or the next),
        "le 14 décembre" the next such date; None when no day was said or it does not exist ("le 31 novembre")."""
        if self.days_ahead is not None:
            return today + timedelta(days=self.days_ahead)
        if self.day_of_month is None:
            return today + timedelta(days=7 - today.weekday()) if self.next_week else None
        day, month = self.day_of_month
        candidates = (
            [(today.year, month), (today.year + 1, month)]
            if month
            else [(today.year + (today.month + step - 1) // 12, (today.month + step - 1) % 12 + 1) for step in range(3)]
        )
        for year, candidate_month in candidates:
            try:
                wished = date(year, candidate_month, day)
            except ValueError:
                continue
            if wished > today:
                return wished
        return None

    @classmethod
    def read(cls, text: str | None) -> CallbackPreference:
        """The wish the words say. A correction within them ("le matin mais pas avant 10h. ah non en fait l'aprem c'est
        mieux", "lundi, finalement mardi", "le soir ou plutôt vers 16h") is read as such: what is said after it wins,
        what it does not speak of (the day, a limit that still fits) is kept (round 13, r13a-01: the morning was
        promised)."""
        if not text:
            return cls()
        folded = _LUNCH_BREAK.sub("entre midi et deux", fold(text).replace("’", "'"))
        # "j'ai 3h de décalage avec Paris" (round 20, r20b-14, r20c-05: promised "le matin à 3 h", "vers 10 h"): a time
        # difference, never the hour of the call.
        folded = _TIME_DIFFERENCE.sub(lambda said: " " * len(said.group()), folded)
        folded = _OFFICE_CLOSED.sub(_days_refused_instead, folded)
        cuts = [0, *_correction_cuts(folded), len(folded)]
        wish = cls._read_one(folded[: cuts[1]])
        for start, end in pairwise(cuts[1:]):
            wish = wish.corrected_by(cls._read_one(folded[start:end]))
        return wish

    def _time_said(self) -> bool:
        # "strict" is never said alone: it qualifies a limit, a window or a part refused.
        return any(getattr(self, name) for name in _TIME_FIELDS)

    def _anything_said(self) -> bool:
        """A time or a day said, or a day refused."""
        return self._time_said() or any(_field_said(getattr(self, name)) for name in (*_DAY_FIELDS, "excluded_weekday"))

    def limits(self) -> bool:
        """Whether the wish says more than "as soon as possible": a limit, a part of the day, an hour or a day ("pas
        avant 10h chez moi", read as a skip, was stored "dès que possible" and promised 8 h to 12 h there: round 16,
        r16a-13). "maintenant" limits nothing."""
        return self._anything_said() and replace(self, now=False, strict=False) != CallbackPreference()

    def corrected_by(self, later: CallbackPreference) -> CallbackPreference:
        """This wish as a later one said in a correction leaves it: what the later one says replaces what this one
        said of the same thing; this one's day and limits are kept when the later one says none, or still fits them."""
        merged = self
        if any(_field_said(getattr(later, name)) for name in _DAY_FIELDS):
            merged = replace(merged, **{name: getattr(later, name) for name in _DAY_FIELDS})
        if later.excluded_weekday is not None:
            # Days refused add up ("sauf le mercredi ... et pas le vendredi non plus": round 20, r20b-13).
            refused = [
                *later.refused_weekdays(),
                *(day for day in self.refused_weekdays() if day not in later.refused_weekdays()),
            ]
            merged = replace(merged, excluded_weekday=refused[0], other_excluded_weekdays=tuple(refused[1:]))
        if merged.weekday is not None and merged.weekday in merged.refused_weekdays():
            # "pas le lundi... ah si, lundi ça va"
            refused = [day for day in merged.refused_weekdays() if day != merged.weekday]
            merged = replace(
                merged,
                excluded_weekday=refused[0] if refused else None,
                other_excluded_weekdays=tuple(refused[1:]),
            )
        if not later._time_said():
            return merged
        # What the later words say of a time field replaces the earlier, what they leave unsaid is kept; but the part of
        # the day goes with its hours, the parts refused add up, and "maintenant" holds only when said last.
        fields = {name: getattr(later, name) or getattr(self, name) for name in _TIME_FIELDS}
        if later.part is not None or later.window is not None or later.at is not None:
            fields.update(part=later.part, window=later.window, at=later.at)
        kept_parts = tuple(part for part in self.excluded_parts if part != later.part)
        fields.update(excluded_parts=tuple(dict.fromkeys(later.excluded_parts + kept_parts)), now=later.now)
        both = replace(merged, **fields)
        if both.spans():
            return both
        # The earlier words no longer fit the later ones ("après 15h, ah non en fait le matin"): only the later count.
        return replace(merged, **{name: getattr(later, name) for name in _TIME_FIELDS})

    @classmethod
    def _read_one(cls, folded: str) -> CallbackPreference:
        """The wish said by ``folded`` (folded words with no correction in them)."""
        if _TODAY_REFUSED.search(folded) and _ANOTHER_DAY.search(folded):
            # "pas cet après-midi, demain": today's part refused, another day wished; no part of that day refused.
            folded = _TODAY_REFUSED.sub(lambda said: " " * len(said.group()), folded)
        part = _part_wished(folded)
        weekday = excluded = None
        said: list[tuple[int, int]] = []  # (where, day) of the days wished
        refused_days: list[int] = []
        for word, index in _WEEKDAY_WORDS.items():
            # "sauf mercredi et vendredi", "pas le lundi ni le mardi" (round 20, r20b-13: the Friday excluded was
            # promised): every day of the list refused.
            if re.search(
                rf"\b(?:pas|sauf|hors|excepte|jamais|surtout pas)(?: le| les)?{_OTHER_DAYS_REFUSED} {word}s?\b", folded
            ):
                refused_days.append(index)
            elif found := re.search(rf"\b{word}\b", folded):
                said.append((found.start(), index))
        if refused_days:
            excluded = refused_days[0]
        said.sort()
        if said:
            weekday = said[0][1]
        other_weekdays = tuple(index for _, index in said[1:])
        folded = folded.replace("’", "'")
        window = _window(folded)
        excluded_window = _window(folded, refused=True)
        if excluded_window is not None:
            # The hours of a window refused are no part of the day wished ("pas de 12h à 14h": no afternoon).
            folded = _without_refused_window(folded)
            part = _part_wished(folded)
        if window is not None:
            part = "morning" if window[1] <= NOON else part or "afternoon"
        not_before, strict_before = _limit(_NOT_BEFORE, folded)
        not_after, strict_after = _limit(_NOT_AFTER, folded)
        at = _point(folded)
        busy_from, free_from = _BUSY_FROM.search(folded), _FREE_FROM.search(folded)
        if busy_from and not_after is None and _hour_of(busy_from, 1) is not None:
            not_after, at = _hour_of(busy_from, 1), None if at == _hour_of(busy_from, 1) else at
        if free_from and not_before is None and _hour_of(free_from, 1) is not None:
            not_before, at = _hour_of(free_from, 1), None if at == _hour_of(free_from, 1) else at
        if not_before is None and _LATE_MORNING.search(folded):
            # "en fin de matinée" (round 18, r18b-15: promised "dans la matinée"): the morning's last hour, as a wish.
            not_before = time(11, 0)
        refused_parts = _parts_refused(folded)
        days_ahead = next((days for word, days in _DAYS_AHEAD.items() if re.search(rf"\b{word}\b", folded)), None)
        day_of_month = None
        dated = _DAY_OF_MONTH.search(folded) if days_ahead is None else None
        if dated:
            number = next(group for group in (dated.group(1), dated.group(3), dated.group(5)) if group)
            month_word = dated.group(2) or dated.group(4)
            month = MONTHS_FOLDED.index(month_word) + 1 if month_word else dated.group(6) and int(dated.group(6))
            day_of_month = (1 if number == "1er" else int(number), month or None)
        if day_of_month is not None:
            weekday = None  # "le lundi 14 décembre": the date says the day (round 7: promised the Monday before)
            other_weekdays = ()
        return cls(
            part=part,
            weekday=weekday,
            other_weekdays=other_weekdays,
            excluded_weekday=excluded,
            other_excluded_weekdays=tuple(refused_days[1:]),
            window=window,
            days_ahead=days_ahead,
            day_of_month=day_of_month,
            not_before=not_before,
            not_after=not_after,
            excluded_window=excluded_window,
            next_week=bool(_NEXT_WEEK.search(folded)) and days_ahead is None and day_of_month is None,
            excluded_parts=refused_parts,
            strict=bool(strict_before or strict_after or excluded_window or refused_parts),
            now=bool(_NOW.search(folded)),
            at=at,
        )

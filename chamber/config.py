"""Load and validate a chamber's YAML configuration into an immutable `Chamber`."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
import yaml

from chamber.hours import WEEKDAYS, OpeningHours
from places import departement_code

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
DEFAULT_CONFIG = CONFIG_DIR / "default.yml"
ENV_VAR = "RELAIS_CHAMBER_CONFIG"

# Optional or unconfirmed mechanisms a chamber switches on explicitly; all off by default.
OPTION_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "emergency_fund": "the chamber's own emergency fund (fonds de premier secours)",
        "bdf_tpe_correspondent_line": "Banque de France TPE-PME correspondent line 0 800 08 32 08 (unconfirmed)",
        "business_owner_line_0805": "the 0 805 65 50 50 line for business owners in distress (unconfirmed)",
    }
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ChamberConfigError(ValueError):
    """A chamber configuration file is missing, unreadable or invalid (the message names file and field)."""


@dataclass(frozen=True)
class Chamber:
    id: str
    name: str
    short_name: str
    phone: str  # display form, "01 23 45 67 89"
    phone_href: str  # "tel:+33123456789"
    email: str
    website: str
    general_contact_url: str
    departements: tuple[str, ...]
    options: Mapping[str, bool]
    consent_version: str
    retention_days: int
    opening_hours: OpeningHours
    privacy_url: str | None = None
    # (phone, hours) of the business owners' listening line, shown only with its option.
    business_owner_line: tuple[str, str] | None = None
    # Data protection: the officer's contact, the longest any case is kept (open or not), and pages of
    # the chamber's other sites allowed to embed the widget (its website's origin always is).
    dpo_contact: str | None = None
    max_case_age_days: int = 365
    allowed_origins: tuple[str, ...] = ()
    # Where new cases are announced by e-mail (reference, urgency and a link only); None: no such mail.
    advisors_email: str | None = None
    # The live chat (issue 16): the word after the advisor's first name in "Marie, conseillère de la chambre, a
    # rejoint la conversation.", and how long a distress conversation waits for an advisor before it is told
    # that nobody forgot it, with the 3114 again; any other conversation, before it is told kindly that nobody
    # could join and that its callback stands.
    live_advisor_role: str = "conseillère"
    live_distress_wait_minutes: int = 3
    live_wait_minutes: int = 10
    # Where those outside the artisans' service are sent (round 22, r22c-08, r22c-09): the apprenticeship mediation's
    # and the creation-reprise service's contact as said after "joignable"/"le joindre" ("au 03 20 ..., du lundi au
    # vendredi"); None: the chamber's own number is given.
    apprenticeship_mediation: str | None = None
    creation_service: str | None = None
    source_path: Path | None = field(default=None, compare=False)

    @property
    def hours_text(self) -> str:
        return self.opening_hours.text()

    def hours_text_for(self, departement: str | None, at: datetime, calls: bool = False) -> str:
        """The hours for an artisan of ``departement``, in their own time too where it differs (chamber.hours);
        ``calls``: the hours they may be called, cut to their daytime."""
        return self.opening_hours.text_for(departement, at, calls)

    @property
    def timezone(self) -> ZoneInfo:
        return self.opening_hours.zone

    def is_open(self, at: datetime) -> bool:
        return self.opening_hours.is_open(at)

    def next_opening(self, at: datetime) -> datetime:
        return self.opening_hours.next_opening(at)

    def callback_promise(
        self, at: datetime, preference: str | None = None, urgency: str | None = None, departement: str | None = None
    ) -> str:
        return self.opening_hours.callback_promise(at, preference, urgency, departement)

    def closed_now_text(self, at: datetime, departement: str | None = None) -> str | None:
        """One sentence saying when advisors are next available, while the line is closed; None when open."""
        return self.opening_hours.closed_now_text(at, departement)

    def covers(self, departement: str) -> bool:
        return departement_code(departement) in self.departements

    def option(self, key: str) -> bool:
        if key not in OPTION_KEYS:
            raise KeyError(f"unknown chamber option {key!r}; known: {', '.join(OPTION_KEYS)}")
        return bool(self.options.get(key, False))


def _resolve(path: str | os.PathLike[str] | None) -> Path:
    reference = path if path is not None else os.environ.get(ENV_VAR) or None
    if reference is None:
        return DEFAULT_CONFIG
    candidate = Path(reference)
    if candidate.suffix in (".yml", ".yaml") or candidate.exists():
        return candidate
    by_id = CONFIG_DIR / f"{reference}.yml"
    if by_id.exists():
        return by_id
    for config in sorted(CONFIG_DIR.glob("*.yml")):
        # default.yml is named for its role, not its id: look inside too.
        try:
            if (yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}).get("id") == reference:
                return config
        except (OSError, yaml.YAMLError, AttributeError):
            continue
    raise ChamberConfigError(
        f"chamber configuration {reference!r} is neither a file nor an id in {CONFIG_DIR} "
        f"(known ids: {', '.join(sorted(p.stem for p in CONFIG_DIR.glob('*.yml')))})"
    )


def load_chamber(path: str | os.PathLike[str] | None = None) -> Chamber:
    """Load a chamber: `path`, else $RELAIS_CHAMBER_CONFIG (a path or an id from configs/), else default.yml."""
    source = _resolve(path)
    try:
        raw = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError as error:
        raise ChamberConfigError(f"{source}: cannot read chamber configuration ({error})") from error
    except yaml.YAMLError as error:
        raise ChamberConfigError(f"{source}: invalid YAML ({error})") from error
    return _Validator(source, raw).chamber()


def load_all_chambers(directory: str | os.PathLike[str] | None = None) -> list[Chamber]:
    """Every chamber configuration of `directory` (default chamber/configs/), sorted by id."""
    folder = Path(directory) if directory is not None else CONFIG_DIR
    chambers = [load_chamber(path) for path in sorted(folder.glob("*.yml"))]
    seen: dict[str, Path | None] = {}
    for chamber in chambers:
        if chamber.id in seen:
            raise ChamberConfigError(f"{chamber.source_path}: id {chamber.id!r} is already used by {seen[chamber.id]}")
        seen[chamber.id] = chamber.source_path
    return sorted(chambers, key=lambda chamber: chamber.id)


def route_departement(code: str, chambers: list[Chamber] | None = None) -> Chamber | None:
    """The chamber covering a département (or postal code); the most local one when several do."""
    candidates = [c for c in (chambers if chambers is not None else load_all_chambers()) if c.covers(code)]
    if not candidates:
        return None
    return min(candidates, key=lambda chamber: (len(chamber.departements), chamber.id))


class _Validator:
    """Turns the raw YAML mapping into a Chamber, failing with the file and the field at fault."""

    def __init__(self, source: Path, raw: Any) -> None:
        self.source = source
        if not isinstance(raw, dict):
            self.fail("(root)", "expected a mapping of fields")
        self.raw = raw

    def fail(self, field_name: str, problem: str) -> NoReturn:
        raise ChamberConfigError(f"{self.source}: field '{field_name}': {problem}")

    def text(self, name: str, mapping: Mapping[str, Any] | None = None, prefix: str = "") -> str:
        value = (self.raw if mapping is None else mapping).get(name)
        if not isinstance(value, str) or not value.strip():
            self.fail(prefix + name, "a non-empty text is required")
        return value.strip()

    def optional_text(self, name: str) -> str | None:
        return None if self.raw.get(name) is None else self.text(name)

    def url(self, name: str) -> str:
        value = self.text(name)
        if not re.match(r"^https://[^\s/]+\.[^\s]+$", value):
            self.fail(name, f"expected an https:// URL, got {value!r}")
        return value

    def optional_url(self, name: str) -> str | None:
        return None if self.raw.get(name) is None else self.url(name)

    def phone(self) -> tuple[str, str]:
        value = self.text("phone")
        try:
            number = phonenumbers.parse(value, "FR")
        except phonenumbers.NumberParseException as error:
            self.fail("phone", f"{value!r} is not a phone number ({error})")
        if not phonenumbers.is_valid_number(number):
            self.fail("phone", f"{value!r} is not a valid phone number")
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        href = "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return display, href

    def departements(self) -> tuple[str, ...]:
        values = self.raw.get("departements")
        if not isinstance(values, list) or not values:
            self.fail("departements", "a non-empty list of département codes is required")
        codes = []
        for value in values:
            code = str(value).strip().upper()
            if departement_code(code) != code:
                self.fail("departements", f"{value!r} is not a département code (e.g. '59', '2A', '974')")
            codes.append(code)
        if len(set(codes)) != len(codes):
            self.fail("departements", "a département is listed twice")
        return tuple(codes)

    def options(self) -> Mapping[str, bool]:
        values = self.raw.get("options") or {}
        if not isinstance(values, dict):
            self.fail("options", "expected a mapping of option: true/false")
        options = dict.fromkeys(OPTION_KEYS, False)
        for key, value in values.items():
            if key not in OPTION_KEYS:
                self.fail(f"options.{key}", f"unknown option; known: {', '.join(OPTION_KEYS)}")
            if not isinstance(value, bool):
                self.fail(f"options.{key}", "expected true or false")
            options[key] = value
        return MappingProxyType(options)

    def positive_int(
        self, name: str, mapping: Mapping[str, Any] | None = None, prefix: str = "", default: int | None = None
    ) -> int:
        value = (self.raw if mapping is None else mapping).get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.fail(prefix + name, "a positive whole number is required")
        return value

    def opening_hours(self) -> OpeningHours:
        raw = self.raw.get("opening_hours")
        prefix = "opening_hours."
        if not isinstance(raw, dict):
            self.fail("opening_hours", "a mapping with timezone, days and slots is required")
        timezone = self.text("timezone", raw, prefix)
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.fail(prefix + "timezone", f"unknown time zone {timezone!r}")
        days = raw.get("days")
        if not isinstance(days, list) or not days or any(day not in WEEKDAYS for day in days):
            self.fail(prefix + "days", f"a list of weekdays among {', '.join(WEEKDAYS)} is required")
        slots = []
        for slot in raw.get("slots") or []:
            if not (isinstance(slot, list) and len(slot) == 2 and all(isinstance(t, str) for t in slot)):
                self.fail(prefix + "slots", f'each slot is ["HH:MM", "HH:MM"], got {slot!r}')
            start, end = (self._hhmm(value, prefix + "slots") for value in slot)
            if start >= end:
                self.fail(prefix + "slots", f"slot {slot!r} ends before it starts")
            slots.append((start, end))
        if not slots:
            self.fail(prefix + "slots", "at least one slot is required")
        slots.sort()
        for (_, previous_end), (next_start, _) in itertools.pairwise(slots):
            if next_start < previous_end:
                self.fail(prefix + "slots", "slots overlap")
        closed = set()
        for value in raw.get("closed_dates") or []:
            try:
                closed.add(value if isinstance(value, date) else date.fromisoformat(str(value)))
            except ValueError:
                self.fail(prefix + "closed_dates", f"{value!r} is not an ISO date (YYYY-MM-DD)")
        subdivision = raw.get("holidays_subdivision")
        if subdivision is not None and not isinstance(subdivision, str):
            self.fail(prefix + "holidays_subdivision", "expected a text such as '57' or '6AE'")
        # The hours of the artisan's own day in which an advisor may call someone living in another time zone
        # (round 12: "de 3 h à 12 h chez vous" read as a call at night in Guadeloupe).
        daytime = raw.get("artisan_daytime", ["08:00", "20:00"])
        if not (isinstance(daytime, list) and len(daytime) == 2 and all(isinstance(t, str) for t in daytime)):
            self.fail(prefix + "artisan_daytime", f'expected ["HH:MM", "HH:MM"], got {daytime!r}')
        day_start, day_end = (self._hhmm(value, prefix + "artisan_daytime") for value in daytime)
        if day_start >= day_end:
            self.fail(prefix + "artisan_daytime", "the artisan's day ends before it starts")
        return OpeningHours(
            timezone=timezone,
            weekdays=frozenset(WEEKDAYS.index(day) for day in days),
            slots=tuple(slots),
            closed_dates=frozenset(closed),
            callback_lead_minutes=self.positive_int("callback_lead_minutes", raw, prefix, default=60),
            holidays_subdivision=subdivision,
            callback_within_working_days=self.positive_int("callback_within_working_days", raw, prefix, default=2),
            artisan_daytime=(day_start, day_end),
        )

    def _hhmm(self, value: str, field_name: str) -> time:
        match = _HHMM.match(value)
        if not match:
            self.fail(field_name, f"{value!r} is not a time written HH:MM")
        return time(int(match.group(1)), int(match.group(2)))

    def business_owner_line(self, options: Mapping[str, bool]) -> tuple[str, str] | None:
        raw = self.raw.get("business_owner_line")
        if raw is None:
            if options.get("business_owner_line_0805"):
                self.fail("business_owner_line", "phone and hours are required when the option is on")
            return None
        if not isinstance(raw, dict):
            self.fail("business_owner_line", "expected a mapping with phone and hours")
        prefix = "business_owner_line."
        return self.text("phone", raw, prefix), self.text("hours", raw, prefix)

    def chamber(self) -> Chamber:
        chamber_id = self.text("id")
        if not _ID.match(chamber_id):
            self.fail("id", "use lowercase letters, digits and dashes")
        email = self.email("email")
        display, href = self.phone()
        return Chamber(
            id=chamber_id,
            name=self.text("name"),
            short_name=self.text("short_name"),
            phone=display,
            phone_href=href,
            email=email,
            website=self.url("website"),
            general_contact_url=self.url("general_contact_url"),
            departements=self.departements(),
            options=(options := self.options()),
            business_owner_line=self.business_owner_line(options),
            consent_version=self.text("consent_version"),
            retention_days=self.positive_int("retention_days"),
            opening_hours=self.opening_hours(),
            privacy_url=self.optional_url("privacy_url"),
            dpo_contact=self.optional_text("dpo_contact"),
            max_case_age_days=self.max_case_age_days(),
            allowed_origins=self.origins(),
            advisors_email=None if self.raw.get("advisors_email") is None else self.email("advisors_email"),
            **self.live_chat(),
            apprenticeship_mediation=self.optional_text("apprenticeship_mediation"),
            creation_service=self.optional_text("creation_service"),
            source_path=self.source,
        )

    def email(self, name: str) -> str:
        value = self.text(name)
        if not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", value):
            self.fail(name, f"{value!r} is not an email address")
        return value

    def live_chat(self) -> dict[str, Any]:
        raw = self.raw.get("live_chat")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.fail("live_chat", "expected a mapping with advisor_role, distress_wait_minutes and wait_minutes")
        known = {"advisor_role", "distress_wait_minutes", "wait_minutes"}
        unknown = set(raw) - known
        if unknown:
            self.fail(f"live_chat.{sorted(unknown)[0]}", f"unknown field; known: {', '.join(sorted(known))}")
        values: dict[str, Any] = {}
        if "advisor_role" in raw:
            values["live_advisor_role"] = self.text("advisor_role", raw, "live_chat.")
        if "distress_wait_minutes" in raw:
            values["live_distress_wait_minutes"] = self.positive_int("distress_wait_minutes", raw, "live_chat.")
        if "wait_minutes" in raw:
            values["live_wait_minutes"] = self.positive_int("wait_minutes", raw, "live_chat.")
        return values

    def max_case_age_days(self) -> int:
        days = self.positive_int("max_case_age_days", default=365)
        if days < self.positive_int("retention_days"):
            self.fail("max_case_age_days", "must be at least retention_days")
        return days

    def origins(self) -> tuple[str, ...]:
        values = self.raw.get("allowed_origins") or []
        if not isinstance(values, list):
            self.fail("allowed_origins", "expected a list of origins such as https://www.cma-exemple.fr")
        for value in values:
            if not isinstance(value, str) or not re.match(r"^https://[^\s/]+$", value):
                self.fail("allowed_origins", f"{value!r} is not an origin (https://host, no path)")
        return tuple(values)

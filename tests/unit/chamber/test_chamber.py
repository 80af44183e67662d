"""Chamber configuration: loading, validation, opening hours and callback promises."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from chamber import (
    CONFIG_DIR,
    DEFAULT_CONFIG,
    ENV_VAR,
    OPTION_KEYS,
    ChamberConfigError,
    load_all_chambers,
    load_chamber,
    route_departement,
)

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def generic():
    return load_chamber(DEFAULT_CONFIG)


@pytest.fixture(scope="module")
def nord():
    return load_chamber("cma-exemple-nord")


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def test_default_chamber_fields(generic):
    assert generic.id == "cma-generique"
    assert generic.name == "Chambre de métiers et de l'artisanat"
    assert generic.phone == "01 23 45 67 89"
    assert generic.phone_href == "tel:+33123456789"
    assert generic.hours_text == "du lundi au vendredi, de 8 h à 17 h"
    assert generic.website.startswith("https://")
    assert generic.general_contact_url.startswith("https://")
    assert "@" in generic.email
    assert dict(generic.options) == dict.fromkeys(OPTION_KEYS, False)
    assert generic.retention_days > 0 and generic.consent_version


def test_second_chamber_differs(generic, nord):
    assert nord.id == "cma-exemple-nord"
    assert nord.phone == "09 72 72 20 60"
    assert nord.phone_href == "tel:+33972722060"
    assert nord.hours_text == "du lundi au vendredi, de 9 h à 12 h 30 et de 13 h 30 à 17 h"
    assert nord.departements == ("59", "62")
    assert nord.option("emergency_fund") is True
    for field in ("id", "name", "short_name", "phone", "email", "website", "departements", "consent_version"):
        assert getattr(generic, field) != getattr(nord, field), field


def test_options_are_read_only_and_typos_are_refused(nord):
    with pytest.raises(TypeError):
        nord.options["emergency_fund"] = False  # type: ignore[index]
    with pytest.raises(KeyError):
        nord.option("emergency_funds")


def test_load_by_environment(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "cma-exemple-nord")
    assert load_chamber().id == "cma-exemple-nord"
    monkeypatch.setenv(ENV_VAR, str(CONFIG_DIR / "default.yml"))
    assert load_chamber().id == "cma-generique"
    monkeypatch.delenv(ENV_VAR)
    assert load_chamber().id == "cma-generique"
    monkeypatch.setenv(ENV_VAR, "cma-inconnue")
    with pytest.raises(ChamberConfigError, match="cma-inconnue"):
        load_chamber()


@pytest.mark.parametrize(
    "at, is_open, next_opening",
    [
        (paris(2026, 11, 30, 10, 0), True, paris(2026, 11, 30, 10, 0)),  # Monday morning
        (paris(2026, 11, 30, 7, 59), False, paris(2026, 11, 30, 8, 0)),
        (paris(2026, 11, 30, 17, 0), False, paris(2026, 12, 1, 8, 0)),  # closing time is closed
        (paris(2026, 11, 28, 11, 0), False, paris(2026, 11, 30, 8, 0)),  # Saturday
        (paris(2026, 12, 24, 18, 0), False, paris(2026, 12, 28, 8, 0)),  # Christmas then weekend
        (paris(2026, 5, 1, 10, 0), False, paris(2026, 5, 4, 8, 0)),  # Labour Day (a Friday)
        (paris(2026, 7, 14, 10, 0), False, paris(2026, 7, 15, 8, 0)),  # Bastille Day
        (paris(2026, 5, 14, 10, 0), False, paris(2026, 5, 15, 8, 0)),  # Ascension Thursday
        # 09:30 UTC is 10:30 in Paris in winter: zones are converted, not ignored.
        (datetime(2026, 11, 30, 9, 30, tzinfo=timezone.utc), True, paris(2026, 11, 30, 10, 30)),
        (datetime(2026, 11, 30, 16, 30, tzinfo=timezone.utc), False, paris(2026, 12, 1, 8, 0)),
    ],
)
def test_generic_opening_hours(generic, at, is_open, next_opening):
    assert generic.is_open(at) is is_open
    assert generic.next_opening(at) == next_opening


@pytest.mark.parametrize(
    "at, is_open, next_opening",
    [
        (paris(2026, 11, 30, 8, 30), False, paris(2026, 11, 30, 9, 0)),
        (paris(2026, 11, 30, 12, 45), False, paris(2026, 11, 30, 13, 30)),  # lunch break
        (paris(2026, 11, 30, 13, 30), True, paris(2026, 11, 30, 13, 30)),
        (paris(2025, 12, 25, 10, 0), False, paris(2025, 12, 29, 9, 0)),  # Christmas + closed_dates 26th
    ],
)
def test_second_chamber_opening_hours(nord, at, is_open, next_opening):
    assert nord.is_open(at) is is_open
    assert nord.next_opening(at) == next_opening


def test_naive_datetimes_are_refused(generic):
    with pytest.raises(ValueError, match="timezone-aware"):
        generic.is_open(datetime(2026, 11, 30, 10, 0))  # noqa: DTZ001 - naive on purpose


# 2026-11-30 is a Monday; the generic chamber promises 2 working days, the Nord one 3 (configured).
@pytest.mark.parametrize(
    "chamber_id, at, preference, promise",
    [
        ("cma-generique", paris(2026, 11, 30, 10, 0), None, "dès que possible, au plus tard le mercredi 2 décembre"),
        ("cma-generique", paris(2026, 11, 30, 16, 55), None, "dès que possible, au plus tard le mercredi 2 décembre"),
        (
            "cma-generique",
            paris(2026, 11, 30, 16, 55),
            "dès que possible",
            "dès que possible, au plus tard le mercredi 2 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 15, 0),
            "plutôt le matin",
            "dans la matinée, au plus tard le mercredi 2 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 15, 0),
            "Plutot le matin svp",
            "dans la matinée, au plus tard le mercredi 2 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 9, 0),
            "l'aprem",
            "dans l'après-midi, au plus tard le mercredi 2 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 9, 0),
            "après 18h",
            "en fin de journée (les conseillers appellent jusqu'à 17 h), au plus tard le mercredi 2 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 9, 0),
            "le soir si possible",
            "en fin de journée (les conseillers appellent jusqu'à 17 h), au plus tard le mercredi 2 décembre",
        ),
        ("cma-generique", paris(2026, 11, 30, 9, 0), "lundi", "le lundi 7 décembre"),
        ("cma-generique", paris(2026, 11, 30, 9, 0), "jeudi matin", "le jeudi 3 décembre, dans la matinée"),
        # Friday evening: the weekend does not count.
        ("cma-generique", paris(2026, 11, 27, 18, 0), None, "dès que possible, au plus tard le mardi 1er décembre"),
        # New Year's Day is a holiday: Thursday 31 December + 2 working days = Monday 4, Tuesday 5 January.
        ("cma-generique", paris(2026, 12, 31, 16, 30), None, "dès que possible, au plus tard le mardi 5 janvier"),
        # Christmas, then the chamber's closed 26 December 2025: 3 working days are 29, 30 and 31.
        (
            "cma-exemple-nord",
            paris(2025, 12, 24, 16, 50),
            None,
            "dès que possible, au plus tard le mercredi 31 décembre",
        ),
        ("cma-exemple-nord", paris(2026, 11, 30, 12, 45), "matin", "dans la matinée, au plus tard le jeudi 3 décembre"),
        # A day excluded is never the day promised (round 4: "pas le mercredi" was promised on Wednesday 9).
        (
            "cma-generique",
            paris(2026, 11, 30, 9, 0),
            "apres midi mais pas le mercredi",
            "dans l'après-midi sauf le mercredi, au plus tard le jeudi 3 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 9, 0),
            "n'importe quand sauf mardi",
            "dès que possible sauf le mardi, au plus tard le mercredi 2 décembre",
        ),
        (
            "cma-generique",
            paris(2026, 11, 30, 9, 0),
            "pas le vendredi, plutôt le jeudi matin",
            "le jeudi 3 décembre, dans la matinée",
        ),
        # A day the advisors never call (round 6: "samedi" was promised "le vendredi 10 décembre", a date in 2027).
        ("cma-generique", paris(2026, 12, 4, 9, 0), "samedi", "dès que possible, au plus tard le mardi 8 décembre"),
        (
            "cma-generique",
            paris(2026, 12, 4, 9, 0),
            "samedi matin",
            "dans la matinée, au plus tard le mardi 8 décembre",
        ),
    ],
)
def test_callback_promise(chamber_id, at, preference, promise):
    assert load_chamber(chamber_id).callback_promise(at, preference) == promise


# An urgent case is promised what the inbox asks of the advisors (cases/targets.py), not the ordinary delay: a
# person in distress told "au plus tard dans quatre jours" was the defect. The generic chamber opens 8 h - 17 h.
@pytest.mark.parametrize(
    "at, preference, urgency, promise",
    [
        (paris(2026, 11, 30, 10, 0), None, "critique", "en priorité, dès que possible"),
        (paris(2026, 11, 30, 18, 0), None, "critique", "en priorité dès la réouverture, le mardi 1er décembre à 8 h"),
        (paris(2026, 11, 30, 7, 30), None, "critique", "en priorité dès la réouverture, aujourd'hui à 8 h"),
        (paris(2026, 11, 27, 19, 0), None, "critique", "en priorité dès la réouverture, le lundi 30 novembre à 8 h"),
        (paris(2026, 11, 30, 10, 0), None, "haute", "dès que possible, dans la journée"),
        (paris(2026, 11, 30, 18, 0), None, "haute", "dès que possible, au plus tard le mardi 1er décembre"),
        # A preferred part of the day may be over today: no more than the next working day is promised.
        (
            paris(2026, 11, 30, 10, 0),
            "plutôt l'après-midi",
            "haute",
            "dans l'après-midi, au plus tard le mardi 1er décembre",
        ),
        (paris(2026, 11, 30, 10, 0), "le matin", "critique", "dans la matinée, au plus tard le mardi 1er décembre"),
        (paris(2026, 11, 30, 10, 0), "jeudi", "critique", "le jeudi 3 décembre"),
        (paris(2026, 11, 30, 10, 0), None, "normale", "dès que possible, au plus tard le mercredi 2 décembre"),
        (paris(2026, 11, 30, 10, 0), None, None, "dès que possible, au plus tard le mercredi 2 décembre"),
    ],
)
def test_callback_promise_follows_the_urgency(generic, at, preference, urgency, promise):
    assert generic.callback_promise(at, preference, urgency) == promise


@pytest.mark.parametrize("preference", [None, "plutôt le matin", "dès que possible", "après 18h", "l'après-midi"])
@pytest.mark.parametrize("hour, minute", [(8, 0), (15, 0), (16, 55), (19, 0)])
def test_callback_promise_never_says_today(generic, preference, hour, minute):
    assert "aujourd'hui" not in generic.callback_promise(paris(2026, 11, 30, hour, minute), preference)


@pytest.mark.parametrize(
    "code, chamber_id",
    [
        ("59", "cma-exemple-nord"),
        ("62200", "cma-exemple-nord"),
        ("75", "cma-generique"),
        ("93100", "cma-generique"),
        ("13", None),
        ("xx", None),
    ],
)
def test_route_departement(code, chamber_id):
    routed = route_departement(code)
    assert (routed.id if routed else None) == chamber_id


def test_all_chambers_are_valid_and_unique():
    chambers = load_all_chambers()
    assert {c.id for c in chambers} >= {"cma-generique", "cma-exemple-nord"}
    assert [c.id for c in chambers] == sorted(c.id for c in chambers)


def _write(tmp_path: Path, changes: dict, remove: tuple[str, ...] = ()) -> Path:
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    raw.update(changes)
    for key in remove:
        raw.pop(key)
    path = tmp_path / "chamber.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "changes, remove, field",
    [
        ({"phone": "01 23"}, (), "phone"),
        ({"phone": "pas de numéro"}, (), "phone"),
        ({}, ("name",), "name"),
        ({"email": "contact-at-cma"}, (), "email"),
        ({"advisors_email": "conseillers"}, (), "advisors_email"),
        ({"website": "http://www.cma.fr"}, (), "website"),
        ({"departements": ["59", "999"]}, (), "departements"),
        ({"departements": []}, (), "departements"),
        ({"options": {"emergency_fund": "oui"}}, (), "options.emergency_fund"),
        ({"options": {"fonds_urgence": True}}, (), "options.fonds_urgence"),
        ({"retention_days": 0}, (), "retention_days"),
        ({"live_chat": {"wait_minutes": 0}}, (), "live_chat.wait_minutes"),
        ({"live_chat": {"wait_minute": 10}}, (), "live_chat.wait_minute"),
        ({"id": "CMA Nord"}, (), "id"),
        (
            {"opening_hours": {"timezone": "Europe/Lille", "days": ["monday"], "slots": [["08:00", "17:00"]]}},
            (),
            "opening_hours.timezone",
        ),
        (
            {"opening_hours": {"timezone": "Europe/Paris", "days": ["lundi"], "slots": [["08:00", "17:00"]]}},
            (),
            "opening_hours.days",
        ),
        (
            {"opening_hours": {"timezone": "Europe/Paris", "days": ["monday"], "slots": [["17:00", "08:00"]]}},
            (),
            "opening_hours.slots",
        ),
        (
            {"opening_hours": {"timezone": "Europe/Paris", "days": ["monday"], "slots": [["8h", "17h"]]}},
            (),
            "opening_hours.slots",
        ),
    ],
)
def test_invalid_configuration_names_file_and_field(tmp_path, changes, remove, field):
    path = _write(tmp_path, changes, remove)
    with pytest.raises(ChamberConfigError) as error:
        load_chamber(path)
    assert str(path) in str(error.value)
    assert f"'{field}'" in str(error.value)


def test_the_advisors_address_is_off_unless_given(generic, tmp_path):
    assert generic.advisors_email is None
    assert (
        load_chamber(_write(tmp_path, {"advisors_email": "conseillers@cma.fr"})).advisors_email == "conseillers@cma.fr"
    )


def test_the_live_chat_waits_are_the_chambers(generic, nord, tmp_path):
    """A calm wait for an advisor is told after live_chat.wait_minutes (10 unless set), a distress one sooner."""
    assert (generic.live_wait_minutes, generic.live_distress_wait_minutes) == (10, 3)
    assert nord.live_wait_minutes == 10  # not in its file: the default
    assert load_chamber(_write(tmp_path, {"live_chat": {"wait_minutes": 5}})).live_wait_minutes == 5


def test_unreadable_yaml_is_reported(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(ChamberConfigError, match=r"broken\.yml"):
        load_chamber(path)

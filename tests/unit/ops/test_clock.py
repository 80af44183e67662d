from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from ops import clock
from ops.settings import ConfigurationError, Settings


def test_the_real_time_without_the_setting(monkeypatch):
    monkeypatch.delenv(clock.ENV_VAR, raising=False)
    assert abs(clock.now() - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_a_given_moment_starts_the_clock_there(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-05T23:30:00+01:00")  # a Saturday night in Paris
    moment = clock.now()
    assert moment.tzinfo is not None
    assert timedelta(0) <= moment - datetime(2026, 12, 5, 22, 30, tzinfo=timezone.utc) < timedelta(seconds=5)


def test_a_clock_file_moves_a_running_process(monkeypatch, tmp_path):
    file = tmp_path / "now"
    monkeypatch.setenv(clock.ENV_VAR, f"file:{file}")
    file.write_text("2026-12-02T10:00:00+01:00")
    assert clock.now() == datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
    file.write_text("2026-12-02T10:04:00+01:00")
    assert clock.now() == datetime(2026, 12, 2, 9, 4, tzinfo=timezone.utc)


def test_a_naive_or_broken_value_is_not_taken(monkeypatch):
    for value in ("2026-12-02T10:00:00", "demain"):
        monkeypatch.setenv(clock.ENV_VAR, value)
        assert abs(clock.now() - datetime.now(timezone.utc)) < timedelta(seconds=5)


@pytest.mark.parametrize(
    "now, zone, today",
    [
        ("2026-12-05T22:59:00+00:00", "Europe/Paris", date(2026, 12, 5)),
        ("2026-12-05T23:30:00+00:00", "Europe/Paris", date(2026, 12, 6)),  # past midnight in Paris, not in UTC
        ("2026-12-05T23:30:00+00:00", "UTC", date(2026, 12, 5)),
        ("2026-12-05T20:30:00+00:00", "Indian/Reunion", date(2026, 12, 6)),  # UTC+4
    ],
)
def test_today_is_the_date_in_the_given_time_zone(monkeypatch, now, zone, today):
    monkeypatch.setenv(clock.ENV_VAR, now)
    assert clock.today(ZoneInfo(zone)) == today


def test_production_refuses_a_set_clock_and_carries_live_messages_through_redis(monkeypatch, tmp_path):
    stores = dict(
        database_url="postgresql+psycopg2://postgres@127.0.0.1:5432/relais",
        tracker_db_url="postgresql+psycopg2://postgres@127.0.0.1:5432/rasa",
        lock_store_url="redis://127.0.0.1:6379/0",
    )
    monkeypatch.setenv(clock.ENV_VAR, "2026-12-02T10:00:00+01:00")
    with pytest.raises(ConfigurationError, match="RELAIS_NOW"):
        Settings.temporary(tmp_path, production=True, **stores)
    monkeypatch.delenv(clock.ENV_VAR)
    settings = Settings.temporary(tmp_path, production=True, **stores)
    assert settings.process_env()["RELAIS_LIVE_BUS_URL"] == "redis://127.0.0.1:6379/0"

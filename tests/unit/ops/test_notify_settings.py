"""The notification job's SMTP settings come from RELAIS_SMTP_*; a half-given configuration is refused."""

from __future__ import annotations

import pytest

from ops.settings import ConfigurationError, SmtpSettings

SMTP_VARIABLES = ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "FROM")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in SMTP_VARIABLES:
        monkeypatch.delenv(f"RELAIS_SMTP_{name}", raising=False)


def test_no_host_means_no_mail():
    assert SmtpSettings.from_env() is None


@pytest.mark.parametrize("security, port", [("starttls", 587), ("ssl", 465), ("none", 25)])
def test_the_port_follows_the_security_unless_given(monkeypatch, security, port):
    monkeypatch.setenv("RELAIS_SMTP_HOST", "smtp.cma.test")
    monkeypatch.setenv("RELAIS_SMTP_FROM", "relais@cma.test")
    monkeypatch.setenv("RELAIS_SMTP_SECURITY", security)
    assert SmtpSettings.from_env().port == port
    monkeypatch.setenv("RELAIS_SMTP_PORT", "2525")
    assert SmtpSettings.from_env().port == 2525


def test_the_password_never_shows_in_a_log_line(monkeypatch):
    for name, value in {"HOST": "smtp.cma.test", "FROM": "relais@cma.test", "USER": "u", "PASSWORD": "s3cr3t"}.items():
        monkeypatch.setenv(f"RELAIS_SMTP_{name}", value)
    smtp = SmtpSettings.from_env()
    assert (smtp.security, smtp.user, smtp.password) == ("starttls", "u", "s3cr3t")
    assert "s3cr3t" not in repr(smtp)


@pytest.mark.parametrize(
    "variables, problem",
    [
        ({"HOST": "smtp.cma.test"}, "RELAIS_SMTP_FROM"),
        ({"HOST": "smtp.cma.test", "FROM": "relais@cma.test", "SECURITY": "tls"}, "RELAIS_SMTP_SECURITY"),
    ],
)
def test_a_half_given_configuration_is_refused(monkeypatch, variables, problem):
    for name, value in variables.items():
        monkeypatch.setenv(f"RELAIS_SMTP_{name}", value)
    with pytest.raises(ConfigurationError, match=problem):
        SmtpSettings.from_env()

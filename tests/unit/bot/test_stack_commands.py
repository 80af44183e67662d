"""The command lines the stack builds, read back by the programs' own parsers (no process started)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from rasa.__main__ import create_argument_parser

from bot.rasa_server import _token_from_environment
from ops.settings import Settings
from ops.stack import rasa_process


@pytest.mark.parametrize(
    "token",
    [
        "plain-token_0123456789",
        # secrets.token_urlsafe() starts with "-" once in 64 draws: argparse took it for an option and
        # Rasa refused to start in CI.
        "-Vn3x_Q2bLk",
        "--looks-like-an-option",
        # A token set by hand in RELAIS_RASA_TOKEN may hold characters that a URL must escape.
        "a&b=c d#e",
    ],
)
def test_rasa_receives_the_token_exactly(tmp_path: Path, token: str, monkeypatch):
    settings = Settings(var_dir=tmp_path, rasa_token=token, host="127.0.0.1")
    process = rasa_process("rasa", settings, 5005, tmp_path / "endpoints.yml", tmp_path / "model.tar.gz")

    # What follows `python -m bot.rasa_server` is Rasa's own command line, without the token (readable in
    # /proc by every local user): the process gets it from its environment.
    assert process.command[1:3] == ["-m", "bot.rasa_server"]
    assert not [argument for argument in process.command if token in argument]
    assert process.env["RELAIS_RASA_TOKEN"] == token
    monkeypatch.setenv("RELAIS_RASA_TOKEN", process.env["RELAIS_RASA_TOKEN"])
    arguments = create_argument_parser().parse_args(_token_from_environment(process.command[3:]))

    assert arguments.auth_token == token
    assert arguments.enable_api
    assert parse_qs(urlsplit(process.ready_url).query) == {"token": [token]}

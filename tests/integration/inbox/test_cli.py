from __future__ import annotations

import argparse
import os
import subprocess
import sys

from inbox.__main__ import LOCAL_ADVISOR_EMAIL, ensure_local_advisor
from ops.settings import REPO_ROOT

PASSWORD = "mot-de-passe-créé-en-ligne-de-commande"


def run_cli(database_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "inbox", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=REPO_ROOT,
        env={**os.environ, "RELAIS_DATABASE_URL": database_url},
        timeout=120,
        check=False,
    )


def test_accounts_and_tokens_made_on_the_command_line_work(app, client, inbox_database_url):
    made = run_cli(
        inbox_database_url,
        "create-user",
        "--email",
        "Sophie@CMA.test",
        "--name",
        "Sophie",
        "--chamber",
        "cma-generique",
        "--role",
        "supervisor",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert made.returncode == 0, made.stderr
    again = run_cli(
        inbox_database_url,
        "create-user",
        "--email",
        "sophie@cma.test",
        "--name",
        "S",
        "--chamber",
        "cma-generique",
        "--role",
        "advisor",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert again.returncode == 1 and "existe déjà" in again.stderr
    unknown = run_cli(
        inbox_database_url,
        "create-user",
        "--email",
        "x@cma.test",
        "--name",
        "X",
        "--chamber",
        "cma-inconnue",
        "--role",
        "advisor",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert unknown.returncode == 2 and "cma-generique" in unknown.stderr
    short = run_cli(
        inbox_database_url,
        "create-user",
        "--email",
        "y@cma.test",
        "--name",
        "Y",
        "--chamber",
        "cma-generique",
        "--role",
        "advisor",
        "--password-stdin",
        stdin="court\n",
    )
    assert short.returncode == 2 and "12 caractères" in short.stderr

    login = client.post("/api/v1/auth/login", json={"email": "sophie@cma.test", "password": PASSWORD})
    assert login.status_code == 200 and login.json()["user"]["role"] == "supervisor"

    token = run_cli(inbox_database_url, "create-token", "--email", "sophie@cma.test")
    assert token.returncode == 0 and token.stdout.startswith("rlt_")
    client.cookies.clear()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token.stdout.strip()}"})
    assert me.json()["email"] == "sophie@cma.test"


def test_ensure_local_advisor_is_idempotent(app, client, inbox_database_url, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("RELAIS_DATABASE_URL", inbox_database_url)
    monkeypatch.delenv("RELAIS_ENV", raising=False)
    password_file = tmp_path / "local-advisor.txt"
    assert ensure_local_advisor(argparse.Namespace(), password_file) == 0
    first = capsys.readouterr().out
    assert ensure_local_advisor(argparse.Namespace(), password_file) == 0
    assert capsys.readouterr().out == first
    email, password = password_file.read_text(encoding="utf-8").split("\n")[:2]
    assert email == LOCAL_ADVISOR_EMAIL and password in first
    assert oct(password_file.stat().st_mode)[-3:] == "600"
    assert client.post("/api/v1/auth/login", json={"email": email, "password": password}).status_code == 200

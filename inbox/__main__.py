"""Command line of the inbox: accounts, API tokens, migrations, retention purge. See ``inbox/__init__.py``."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys
from pathlib import Path

from cases.accounts import AccountRepository, UserExists
from cases.db import make_engine, make_session_factory, migrate
from inbox.security import MINIMUM_PASSWORD_LENGTH, hash_password, new_api_token
from ops.settings import VAR_DIR, Settings, database_url

LOCAL_ADVISOR_FILE = VAR_DIR / "local-advisor.txt"
LOCAL_ADVISOR_EMAIL = "conseiller@relais.local"


def _accounts() -> AccountRepository:
    url = database_url()
    migrate(url)
    return AccountRepository(make_session_factory(make_engine(url)))


def _known_chamber_ids() -> list[str]:
    from chamber import load_all_chambers, load_chamber

    return sorted({c.id for c in load_all_chambers()} | {load_chamber().id})


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mot de passe : ")
    if first != getpass.getpass("Mot de passe (encore) : "):
        raise SystemExit("Les deux mots de passe diffèrent.")
    return first


def create_user(args: argparse.Namespace) -> int:
    known = _known_chamber_ids()
    if args.chamber not in known:
        print(f"Chambre inconnue : {args.chamber}. Chambres connues : {', '.join(known)}", file=sys.stderr)
        return 2
    password = _read_password(args.password_stdin)
    try:
        password_hash = hash_password(password)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        user = _accounts().create_user(args.email, args.name, args.chamber, args.role, password_hash)
    except UserExists:
        print(f"Un compte existe déjà pour {args.email}.", file=sys.stderr)
        return 1
    print(f"Compte créé : {user.email} ({user.role}, {user.chamber_id}).")
    return 0


def create_token(args: argparse.Namespace) -> int:
    accounts = _accounts()
    user = accounts.find_user_by_email(args.email)
    if user is None:
        print(f"Aucun compte pour {args.email}.", file=sys.stderr)
        return 1
    token, token_hash = new_api_token()
    accounts.set_api_token_hash(user.id, token_hash)
    print(token)  # shown once: only its hash is stored
    return 0


def ensure_local_advisor(_args: argparse.Namespace, password_file: Path = LOCAL_ADVISOR_FILE) -> int:
    from chamber import load_chamber

    if Settings.for_web().production:
        print("ensure-local-advisor n'existe qu'en développement.", file=sys.stderr)
        return 2
    accounts = _accounts()
    user = accounts.find_user_by_email(LOCAL_ADVISOR_EMAIL)
    saved = password_file.read_text(encoding="utf-8").split("\n")[1].strip() if password_file.exists() else None
    if user is None or saved is None:
        password = saved or secrets.token_urlsafe(12)
        if user is None:
            accounts.create_user(
                LOCAL_ADVISOR_EMAIL, "Conseiller local", load_chamber().id, "supervisor", hash_password(password)
            )
        else:
            accounts.set_password_hash(user.id, hash_password(password))
        password_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # never readable by others
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(f"{LOCAL_ADVISOR_EMAIL}\n{password}\n")
        saved = password
    print(f"{LOCAL_ADVISOR_EMAIL} / {saved}")
    return 0


def unlock(args: argparse.Namespace) -> int:
    """Clears an account's failed-login count; the web app forgets its counts from the inbox's own button
    (API POST /api/v1/users/{id}/unlock), else within 15 minutes."""
    accounts = _accounts()
    user = accounts.find_user_by_email(args.email)
    supervisor = accounts.find_user_by_email(args.supervisor)
    if user is None or supervisor is None or not supervisor.is_supervisor or supervisor.chamber_id != user.chamber_id:
        print("Compte ou superviseur inconnu, ou d'une autre chambre.", file=sys.stderr)
        return 1
    accounts.unlock_user(user.id, supervisor)
    print(f"Compte débloqué : {user.email}.")
    return 0


def run_migrate(_args: argparse.Namespace) -> int:
    migrate(database_url())
    print("Base de données à jour.")
    return 0


def purge(args: argparse.Namespace) -> int:
    """The one retention policy (cases.retention.run_retention), the same as ``python -m ops purge``."""
    from cases.retention import run_retention, tracker_retention_days

    report = run_retention(
        database_url(),
        os.environ.get("RELAIS_TRACKER_DB_URL") or None,
        tracker_retention_days(),
        os.environ.get("RELAIS_CHAMBER_CONFIG") or None,
        os.environ.get("RELAIS_OUTBOX_DIR") or None,
        closed_retention_days=args.older_than_days,
    )
    if report.chambers_without_configuration:
        print(
            "Chambres sans configuration, non purgées : " + ", ".join(report.chambers_without_configuration),
            file=sys.stderr,
        )
    print(report.text())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m inbox", description="Relais : comptes et maintenance de la boîte de réception."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    user = commands.add_parser("create-user", help="créer un compte de conseiller ou de superviseur")
    user.add_argument("--email", required=True)
    user.add_argument("--name", required=True)
    user.add_argument("--chamber", required=True, help="identifiant de la chambre, ex. cma-generique")
    user.add_argument("--role", required=True, choices=("advisor", "supervisor"))
    user.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"lire le mot de passe (au moins {MINIMUM_PASSWORD_LENGTH} caractères) sur l'entrée standard",
    )
    user.set_defaults(handler=create_user)

    token = commands.add_parser("create-token", help="créer (ou remplacer) le jeton d'API d'un compte")
    token.add_argument("--email", required=True)
    token.set_defaults(handler=create_token)

    local = commands.add_parser("ensure-local-advisor", help="développement : compte local, mot de passe dans var/")
    local.set_defaults(handler=ensure_local_advisor)

    commands.add_parser("migrate", help="mettre la base de données à jour").set_defaults(handler=run_migrate)

    unlocking = commands.add_parser("unlock", help="effacer les échecs de connexion d'un compte (superviseur)")
    unlocking.add_argument("--email", required=True)
    unlocking.add_argument("--supervisor", required=True, help="e-mail du superviseur qui débloque (journal d'audit)")
    unlocking.set_defaults(handler=unlock)

    cleanup = commands.add_parser(
        "purge",
        help="anonymiser les dossiers au-delà de leur durée de conservation (la même règle que python -m ops purge)",
    )
    cleanup.add_argument("--older-than-days", type=int, help="dossiers clos : par défaut, la durée de chaque chambre")
    cleanup.set_defaults(handler=purge)

    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

"""Production mode: several Rasa and action servers behind nginx, shared stores, JSON logs, retention.

``python -m ops run --production`` (``make run-production``) starts, on one machine:

    nginx :RELAIS_PROXY_PORT ──/webhooks/──> rasa-1..N (by X-Relais-Conversation when sent; a dead one is skipped)
                             ──/socket.io/─> rasa-1..N (ip_hash: a socket.io session stays on its server)
                             ──/──────────> web (inbox, API, widget, demo page)
    nginx 127.0.0.1:RELAIS_ACTIONS_PROXY_PORT ──> actions-1..M (Rasa's action endpoint, never public)

The Rasa servers share the tracker store (PostgreSQL) and the lock store (Redis): any of them can take
the next message of any conversation. deploy/README.md maps this layout onto Rasa's Helm chart.

Rasa's own extensions for this layout live in bot/ (``bot.lock_store.FailSafeRedisLockStore``, the
replay-safe channels of ``bot.channels``), named in the endpoints and credentials that ops/rasa_config.py
writes. This module also holds what production needs around the processes:

- ``Layout``, the nginx configuration (deploy/nginx.conf.j2) and ``ProductionStack``;
- retention and the rights of the person: ``purge`` applies the one retention policy of
  ``cases.retention`` with this stack's stores; ``export_personal_data`` and ``erase_personal_data`` act
  on one case reference for the CLI (audited, and erased everywhere at once, like the inbox's);
- ``PurgeSchedule``, applying the retention every day in both modes.
"""

from __future__ import annotations

import getpass
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory, migrate
from cases.errors import CaseNotFound
from cases.repository import CaseRepository
from cases.retention import PurgeReport, erase_everywhere, run_retention
from ops.logs import write_logging_config
from ops.rasa_config import write_channel_credentials, write_production_endpoints
from ops.settings import REPO_ROOT, Settings, free_port
from ops.stack import VENV_BIN, Process, Stack, actions_process, rasa_process, web_process

DEPLOY_DIR = REPO_ROOT / "deploy"
NGINX_TEMPLATE = DEPLOY_DIR / "nginx.conf.j2"


# ================================================================================================ processes


@dataclass(frozen=True)
class Layout:
    """Ports of every production process on this machine."""

    rasa_ports: tuple[int, ...]
    actions_ports: tuple[int, ...]
    web_port: int
    proxy_port: int
    actions_proxy_port: int

    @classmethod
    def on_free_ports(cls, settings: Settings) -> Layout:
        """Every server on a port of its own that nothing uses now (tests, the benchmark)."""
        return cls(
            rasa_ports=tuple(free_port() for _ in range(settings.rasa_instances)),
            actions_ports=tuple(free_port() for _ in range(settings.actions_instances)),
            web_port=settings.web_port,
            proxy_port=settings.proxy_port,
            actions_proxy_port=settings.actions_proxy_port,
        )

    @classmethod
    def of(cls, settings: Settings) -> Layout:
        return cls(
            rasa_ports=tuple(settings.rasa_port + i for i in range(settings.rasa_instances)),
            actions_ports=tuple(settings.actions_port + i for i in range(settings.actions_instances)),
            web_port=settings.web_port,
            proxy_port=settings.proxy_port,
            actions_proxy_port=settings.actions_proxy_port,
        )


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
    )
    if not found:
        raise FileNotFoundError("nginx is not installed: `make nginx` installs Debian's package.")
    return found


def _worker_user() -> str | None:
    """nginx run by root switches its workers to another user; by anyone else it keeps the caller."""
    if os.geteuid() != 0:
        return None
    for name in ("www-data", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return getpass.getuser()


def _nginx_temp_dir(run_dir: Path, layout: Layout) -> Path:
    """Where nginx buffers large bodies. Workers dropped to another user cannot always reach var/
    (a home or pytest directory is private), so they get a directory of their own under /tmp."""
    if _worker_user() is None:
        return run_dir
    temp_dir = Path(tempfile.gettempdir()) / f"relais-nginx-{layout.proxy_port}"
    temp_dir.mkdir(mode=0o755, exist_ok=True)
    temp_dir.chmod(0o755)
    return temp_dir


def nginx_process(config: Path, run_dir: Path, log_dir: Path, proxy_url: str) -> Process:
    """nginx in the foreground on a rendered configuration, ready when its own health location answers."""
    command = [nginx_binary(), "-p", str(run_dir), "-c", str(config), "-e", str(log_dir / "nginx-error.log")]
    return Process("nginx", [*command, "-g", "daemon off;"], f"{proxy_url}/nginx-health", log_dir / "nginx.log")


def render_nginx_config(settings: Settings, layout: Layout, run_dir: Path, log_dir: Path) -> str:
    environment = Environment(
        loader=FileSystemLoader(DEPLOY_DIR), undefined=StrictUndefined, keep_trailing_newline=True
    )
    return environment.get_template(NGINX_TEMPLATE.name).render(
        host=settings.host,
        layout=layout,
        run_dir=run_dir,
        temp_dir=_nginx_temp_dir(run_dir, layout),
        log_dir=log_dir,
        worker_user=_worker_user(),
        rate_limit_exempt=settings.rate_limit_exempt,
    )


@dataclass
class ProductionStack(Stack):
    """Every production process of one machine, supervised like the embedded stack."""

    layout: Layout | None = None

    def build_processes(self) -> list[Process]:
        s = self.settings
        self.layout = layout = self.layout or Layout.of(s)
        production_dir = s.var_dir / "production"
        run_dir, log_dir = production_dir / "nginx", s.var_dir / "logs"
        run_dir.mkdir(parents=True, exist_ok=True)
        endpoints = write_production_endpoints(s, layout.actions_proxy_port)
        credentials = write_channel_credentials(production_dir)
        json_logs = write_logging_config(production_dir / "logging.yml") if s.log_format == "json" else None

        processes = []
        for index, port in enumerate(layout.actions_ports, start=1):
            process = actions_process(f"actions-{index}", s, port, json_logs)
            # Each action server spools to its own folder: two never flush the same draft file.
            process.env["RELAIS_OUTBOX_DIR"] = str(s.var_dir / "outbox" / f"actions-{index}")
            processes.append(process)
        for index, port in enumerate(layout.rasa_ports, start=1):
            rasa = rasa_process(f"rasa-{index}", s, port, endpoints, self.model_path, credentials)
            rasa.env["RELAIS_BEHIND_PROXY"] = "1"  # the client's address is nginx's X-Real-IP (bot.guard)
            processes.append(rasa)
        if self.with_web:
            rasa_urls = tuple(f"http://{s.host}:{port}" for port in layout.rasa_ports)
            processes.append(web_process("web", s, layout.web_port, json_logs, behind_proxy=True, rasa_urls=rasa_urls))

        config = production_dir / "nginx.conf"
        config.write_text(render_nginx_config(s, layout, run_dir, log_dir))
        processes.append(nginx_process(config, run_dir, log_dir, f"http://{s.host}:{layout.proxy_port}"))
        return processes

    @staticmethod
    def ports_of(settings: Settings, with_web: bool = True, layout: Layout | None = None) -> dict[str, int]:
        layout = layout or Layout.of(settings)
        ports = {f"actions-{i}": port for i, port in enumerate(layout.actions_ports, start=1)}
        ports.update({f"rasa-{i}": port for i, port in enumerate(layout.rasa_ports, start=1)})
        if with_web:
            ports["web"] = layout.web_port
        ports.update({"nginx": layout.proxy_port, "nginx (action servers)": layout.actions_proxy_port})
        return ports

    def ports(self) -> dict[str, int]:
        return self.ports_of(self.settings, self.with_web, self.layout)

    @property
    def public_url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.proxy_port}"

    def rasa_instances(self) -> list[Process]:
        return [p for name, p in self.processes.items() if name.startswith("rasa-")]


def check_nginx_config(stack: ProductionStack) -> None:
    """``nginx -t`` on the generated configuration: a template mistake fails before anything starts."""
    nginx = stack.processes["nginx"]
    done = subprocess.run([*nginx.command[:-2], "-t"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"invalid nginx configuration:\n{done.stderr}")


def prepare_postgres_schemas(*urls: str) -> None:
    """Creates the schema named by ``?options=-csearch_path=...`` when it is missing (local layout)."""
    for url in urls:
        parsed = make_url(url)
        match = re.search(r"search_path=([\w]+)", parsed.query.get("options", "") if parsed.query else "")
        if parsed.get_backend_name() != "postgresql" or not match:
            continue
        engine = create_engine(parsed.set(query={}), future=True)
        try:
            with engine.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{match.group(1)}"'))
        finally:
            engine.dispose()


class PurgeSchedule:
    """Applies the retention every ``interval_hours`` in a child process (``python -m ops purge``)."""

    def __init__(self, settings: Settings, interval_hours: float, first_after_s: float = 60) -> None:
        self.settings = settings
        self.interval_s = interval_hours * 3600
        self.first_after_s = first_after_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.interval_s <= 0:
            return
        self._thread = threading.Thread(target=self._loop, name="purge-schedule", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        wait = self.first_after_s
        while not self._stop.wait(wait):
            log_path = self.settings.var_dir / "logs" / "purge.log"
            with os.fdopen(os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as output:
                # check=False: a failed purge is in its log and the next one runs at the next interval.
                subprocess.run(
                    [str(VENV_BIN / "python"), "-m", "ops", "purge"],
                    cwd=REPO_ROOT,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env={**os.environ, **self.settings.process_env()},
                    check=False,
                )
            wait = self.interval_s


# ================================================================================================ retention
# One policy for both command lines (python -m ops purge, python -m inbox purge): cases.retention.


def purge(settings: Settings, now: datetime | None = None) -> PurgeReport:
    """Applies the retention (cases.retention.run_retention) with this stack's stores and chambers."""
    return run_retention(
        settings.database_url,
        settings.tracker_db_url,
        settings.tracker_retention_days,
        settings.chamber_config,
        settings.var_dir / "outbox",
        now,
    )


# ================================================================================================ rights


class RightsError(RuntimeError):
    """A request the CLI refuses, with a French message for the operator."""


def _repository_and_supervisor(settings: Settings, supervisor_email: str):  # noqa: ANN202
    migrate(settings.database_url)
    engine = make_engine(settings.database_url)
    repository = CaseRepository(make_session_factory(engine))
    supervisor = AccountRepository(make_session_factory(engine)).find_user_by_email(supervisor_email)
    if supervisor is None or not supervisor.active or not supervisor.is_supervisor:
        engine.dispose()
        raise RightsError(f"Aucun compte superviseur actif pour {supervisor_email}.")
    return engine, repository, supervisor


def export_personal_data(settings: Settings, reference: str, supervisor_email: str) -> dict[str, Any]:
    """Everything stored about the person of one case (right of access), audited under the supervisor."""
    engine, repository, supervisor = _repository_and_supervisor(settings, supervisor_email)
    try:
        return repository.export_personal_data(reference, supervisor)
    except CaseNotFound:
        raise RightsError(f"Aucun dossier {reference} dans la chambre {supervisor.chamber_id}.") from None
    finally:
        engine.dispose()


def erase_personal_data(settings: Settings, reference: str, supervisor_email: str) -> int:
    """Erases the person's data from the case and deletes its Rasa conversation; returns the events deleted."""
    engine, repository, supervisor = _repository_and_supervisor(settings, supervisor_email)
    try:
        return erase_everywhere(
            repository, reference, supervisor, settings.tracker_db_url, settings.var_dir / "outbox"
        ).tracker_events
    except CaseNotFound:
        raise RightsError(f"Aucun dossier {reference} dans la chambre {supervisor.chamber_id}.") from None
    finally:
        engine.dispose()


def print_json(data: Any, out: Path | None) -> None:
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(dumped + "\n")
        return
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # personal data: owner only
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(dumped + "\n")

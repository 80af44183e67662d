"""The product's logs: personal data masked in every process, JSON lines in production, files rotated.

No log line carries personal data: ``install`` sets a log record factory that masks every record of the
process. Installed first thing in the Rasa servers (bot/rasa_server.py), the action servers (bot/action_server.py)
and the web app (inbox/app.py), before any handler or formatter sees a record, so it applies to Rasa's,
rasa_sdk's, Sanic's and our own loggers alike, exceptions included:

- phone numbers, e-mail addresses, and the artisan's message quoted by Rasa's REST channel are replaced
  by ``<phone>``, ``<email>``, ``<message>``;
- in anything shaped like JSON or a Python dict (Rasa's error bodies, a tracker, an action call), the
  values of fields that hold what people wrote (``text``, ``value``, ``contact_name``…) become ``<masqué>``;
- a message is cut at 2,000 characters (a whole tracker has no place in a log).

``json_log_formatter`` / ``logging_config``: JSON lines (structlog) for the action servers and the web app in
production. ``rotate_logs`` / ``LogRotator``: the supervisor keeps each file of ``var/logs`` bounded.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

import yaml

# A French number written as people do (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78) or in E.164.
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)33[\s.\-]?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)|\+[1-9]\d{7,14}(?!\d)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Rasa's REST channel logs the artisan's whole message when a turn fails.
_USER_MESSAGE = re.compile(r"(user message ')(.*?)('\.)", re.DOTALL)
_TEXT_FIELDS = (
    "text",
    "value",
    "message",
    "contact_name",
    "phone",
    "email",
    "summary",
    "situation",
    "transcript",
    "body",
    "comment",
    "callback_slot",
    "triage_reasons",
    "reasons",
    "latest_message",
)
# "text": "..." or 'text': '...' (escaped quotes inside allowed).
_FIELD_VALUE = re.compile(
    r"""(["'](?:{})["']\s*:\s*)(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""".format("|".join(_TEXT_FIELDS)), re.DOTALL
)
MAX_MESSAGE_CHARS = 2_000
MAX_TRACEBACK_CHARS = 8_000


def mask_personal_data(text: str) -> str:
    """The text with phone numbers, e-mail addresses and quoted user messages replaced by placeholders."""
    text = _USER_MESSAGE.sub(r"\1<message>\3", text)
    text = _EMAIL.sub("<email>", text)
    return _PHONE.sub("<phone>", text)


def scrub(text: str, longest: int = MAX_MESSAGE_CHARS) -> str:
    """``mask_personal_data``, written fields masked in JSON-like text, and a bounded length."""
    text = _FIELD_VALUE.sub(r'\1"<masqué>"', mask_personal_data(text))
    return text if len(text) <= longest else text[:longest] + " …[tronqué]"


def install() -> None:
    """Masks every log record this process creates from now on (idempotent)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "relais_masking", False):
        return
    formatter = logging.Formatter()

    def factory(*args, **kwargs) -> logging.LogRecord:  # noqa: ANN002, ANN003
        record = previous(*args, **kwargs)
        try:
            record.msg, record.args = scrub(record.getMessage()), ()
            if record.exc_info and record.exc_info[0] is not None:
                record.exc_text = scrub(formatter.formatException(record.exc_info), MAX_TRACEBACK_CHARS)
                # Formatters that render exc_info themselves (structlog) would show it unmasked.
                record.msg = f"{record.msg}\n{record.exc_text}"
                record.exc_info, record.exc_text = None, None
            if record.stack_info:
                record.stack_info = scrub(record.stack_info, MAX_TRACEBACK_CHARS)
        except Exception:  # noqa: BLE001 - a log call must never fail because of the mask
            record.msg, record.args, record.exc_info = "<log record hidden: it could not be masked>", (), None
        return record

    factory.relais_masking = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


# ================================================================================================ JSON lines


def _mask_event(_logger: Any, _method: str, event: dict) -> dict:
    return {key: scrub(value, 8_000) if isinstance(value, str) else value for key, value in event.items()}


def json_log_formatter() -> logging.Formatter:
    """A stdlib formatter writing one JSON object per line (structlog), personal data masked."""
    import structlog  # only the processes that log JSON pay for it

    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _mask_event,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


def logging_config(level: str = "INFO") -> dict:
    """dictConfig for the action servers (``--logging-config-file``) and uvicorn (``--log-config``)."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}
    quiet = {"level": "WARNING", "handlers": ["json"], "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "ops.logs.json_log_formatter"}},
        "handlers": {"json": handler},
        # Message texts are only ever logged at DEBUG by the libraries: INFO keeps them out.
        "root": {"level": level, "handlers": ["json"]},
        "loggers": {
            "uvicorn": {"level": level, "handlers": ["json"], "propagate": False},
            "uvicorn.error": {"level": level, "handlers": ["json"], "propagate": False},
            "uvicorn.access": quiet,
            "sanic.root": {"level": level, "handlers": ["json"], "propagate": False},
            "sanic.error": {"level": level, "handlers": ["json"], "propagate": False},
            "sanic.access": quiet,
        },
    }


def write_logging_config(path: Path, level: str = "INFO") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(logging_config(level), sort_keys=False))
    return path


# ================================================================================================ rotation

# Each file of var/logs is rotated past LOG_MAX_BYTES, LOG_BACKUPS old copies kept (RELAIS_LOG_MAX_MB).
LOG_MAX_BYTES = int(float(os.environ.get("RELAIS_LOG_MAX_MB", "20")) * 1024 * 1024)
LOG_BACKUPS = 5
LOG_CHECK_S = 30.0


def rotate_logs(directory: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> list[Path]:
    """Copies each log past ``max_bytes`` to ``name.1`` (older copies shifted, the oldest dropped), then empties
    it: the processes keep writing to the same open file (opened for appending) and need no signal.
    Copies are created readable by their owner only. Returns the logs rotated."""
    rotated = []
    for path in sorted(directory.glob("*.log")):
        try:
            if path.stat().st_size <= max_bytes:
                continue
        except FileNotFoundError:
            continue
        for index in range(backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{index}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{index + 1}"))
        copy = os.open(path.with_name(f"{path.name}.1"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(path, "rb") as source, os.fdopen(copy, "wb") as target:
            shutil.copyfileobj(source, target)
        os.truncate(path, 0)
        rotated.append(path)
    return rotated


class LogRotator:
    """Rotates the stack's logs every LOG_CHECK_S seconds in a thread of the supervisor."""

    def __init__(self, directory: Path, interval_s: float = LOG_CHECK_S) -> None:
        self.directory, self.interval_s = directory, interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="log-rotation", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                rotate_logs(self.directory)
            except OSError as error:
                print(f"log rotation failed: {error}", file=sys.stderr)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)

"""No log line carries personal data: a log record factory that masks every record of the process.

Installed first thing in the Rasa servers (bot/rasa_server.py), the action servers (bot/action_server.py)
and the web app (inbox/app.py), before any handler or formatter sees a record, so it applies to Rasa's,
rasa_sdk's, Sanic's and our own loggers alike, exceptions included:

- phone numbers, e-mail addresses, and the artisan's message quoted by Rasa's REST channel are replaced
  by ``<phone>``, ``<email>``, ``<message>``;
- in anything shaped like JSON or a Python dict (Rasa's error bodies, a tracker, an action call), the
  values of fields that hold what people wrote (``text``, ``value``, ``contact_name``…) become ``<masqué>``;
- a message is cut at 2,000 characters (a whole tracker has no place in a log).
"""

from __future__ import annotations

import logging
import re

# A French number written as people do (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78) or in E.164.
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)33[\s.\-]?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)|\+[1-9]\d{7,14}(?!\d)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Rasa's REST channel logs the artisan's whole message when a turn fails.
_USER_MESSAGE = re.compile(r"(user message ')(.*?)('\.)", re.DOTALL)
_TEXT_FIELDS = ("text", "value", "message", "contact_name", "phone", "email", "summary", "situation",
                "transcript", "body", "comment", "callback_slot", "triage_reasons", "reasons", "latest_message")
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

"""A real SMTP server on 127.0.0.1 for the tests, keeping every message it receives.

aiosmtpd (the maintained asyncio SMTP server, in the dev group of the lock) on a real socket, in a thread.
"""

from __future__ import annotations

import contextlib
import email
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from ops.settings import free_port


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        assert part is not None, "no text/plain part"
        return part.get_content()


@dataclass
class SmtpSink:
    host: str
    port: int
    implementation: str
    messages: list[ReceivedMail] = field(default_factory=list)

    def _keep(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> None:
        message = email.message_from_bytes(data, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(ReceivedMail(mail_from, list(rcpt_tos), message))


@contextlib.contextmanager
def local_smtp_server(port: int | None = None, host: str = "127.0.0.1") -> Iterator[SmtpSink]:
    port = port or free_port(host)
    sink = SmtpSink(host, port, "aiosmtpd")

    class Handler:
        async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls the hook by this name
            sink._keep(envelope.mail_from, envelope.rcpt_tos, envelope.original_content or envelope.content)
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname=host, port=port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()

"""A real SMTP server on 127.0.0.1 for the tests, keeping every message it receives.

The server meant for this is aiosmtpd (the maintained asyncio SMTP server). Until it joins the dev group of
the lock, Python 3.10's own ``smtpd`` module (deprecated, removed in 3.12) serves instead: it is a real SMTP
server too, on a real socket, speaking the protocol smtplib speaks. Once aiosmtpd is installed it is used
and the ``smtpd`` branch can go.
"""

from __future__ import annotations

import contextlib
import email
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage

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
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        with _stdlib_smtpd(host, port) as sink:
            yield sink
        return
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


@contextlib.contextmanager
def _stdlib_smtpd(host: str, port: int) -> Iterator[SmtpSink]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import asyncore
        import smtpd

    sink = SmtpSink(host, port, "smtpd (Python 3.10)")
    channels: dict = {}

    class Server(smtpd.SMTPServer):
        def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
            sink._keep(mailfrom, rcpttos, data)

    server = Server((host, port), None, map=channels, decode_data=False)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            asyncore.loop(timeout=0.05, map=channels, count=1)

    thread = threading.Thread(target=serve, name="test-smtpd", daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        stop.set()
        thread.join(5)
        server.close()
        asyncore.close_all(map=channels)

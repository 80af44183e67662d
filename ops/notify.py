"""The supervisor's notification job: escalations to the chamber's supervisors and new cases mailed to the
chamber's advisors' address, checked every ``RELAIS_NOTIFY_INTERVAL_S`` (60 s) by ``NotificationSchedule``.

Why here, and not in the web app or the action server:

- an escalation must happen when nobody has the inbox open: a check on read would never fire then;
- the supervisor is one process per machine (the web app may run several workers, the action servers
  several instances), so the once-only records of cases.escalation have one writer and no race;
- a case is created by the action server without ever waiting for SMTP: this job finds the new case in
  the database a minute later at most. The database is the outbox: a mail that fails (SMTP down or slow,
  10 s timeout) is logged and found again at the next run, because its audit entry was never written.

The job runs in a thread of the supervisor (one query or two a minute), not in a child process like the
daily purge: starting a Python process every minute would cost more than the work. ``python -m ops notify``
runs it once (cron-style deployments, or by hand).

What a mail says: the case's reference, its urgency, its due time and a link to the inbox; never a name,
a phone number, a summary or a category (the inbox shows those after login).
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from types import TracebackType

from cases.db import make_engine, make_session_factory
from cases.escalation import ESCALATION_MAILED, NEW_CASE_MAILED, CaseNotice, NotificationRepository
from cases.models import utcnow
from chamber import Chamber, OpeningHours, french_date, french_time, load_all_chambers, load_chamber
from ops.settings import Settings, SmtpSettings
from triage.labels import URGENCY_TITLES

log = logging.getLogger(__name__)

NO_PERSONAL_DATA = (
    "Ce message ne contient volontairement aucune donnée personnelle : le dossier se lit dans la boîte de "
    "réception de Relais, après connexion."
)


def urgency_words(urgency: str | None) -> str:
    return URGENCY_TITLES[urgency].lower() if urgency in URGENCY_TITLES else "non évaluée"


def case_link(base_url: str, reference: str) -> str:
    return f"{base_url.rstrip('/')}/inbox/dossiers/{reference}"


def _local(moment: datetime, chamber: Chamber) -> str:
    local = moment.astimezone(chamber.timezone)
    return f"le {french_date(local.date())} à {french_time(local.time())}"


def _message(sender: str, to: list[str], subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office reply to this
    message.set_content(body)  # UTF-8, quoted-printable or base64 as needed
    return message


def new_case_message(notice: CaseNotice, chamber: Chamber, base_url: str, sender: str, to: str) -> EmailMessage:
    words = urgency_words(notice.urgency)
    body = (
        "Bonjour,\n\n"
        f"Un nouveau dossier attend un conseiller de la {chamber.short_name}.\n\n"
        f"Référence : {notice.reference}\n"
        f"Urgence : {words}\n"
        f"À contacter avant : {_local(notice.due_at, chamber)}\n"
        f"Ouvrir le dossier : {case_link(base_url, notice.reference)}\n\n"
        f"{NO_PERSONAL_DATA}\n"
    )
    return _message(sender, [to], f"Nouveau dossier {notice.reference} : urgence {words}", body)


def escalation_message(
    notices: list[CaseNotice], chamber: Chamber, base_url: str, sender: str, to: list[str]
) -> EmailMessage:
    lines = [
        f"- {n.reference}, urgence {urgency_words(n.urgency)}, à contacter avant {_local(n.due_at, chamber)} : "
        f"{case_link(base_url, n.reference)}"
        for n in notices
    ]
    if len(notices) == 1:
        subject = f"Dossier {notices[0].reference} sans conseiller, délai dépassé"
        lead = "Ce dossier attend toujours un conseiller alors que son délai de premier contact est dépassé :"
    else:
        subject = f"{len(notices)} dossiers sans conseiller, délai dépassé"
        lead = "Ces dossiers attendent toujours un conseiller alors que leur délai de premier contact est dépassé :"
    body = (
        "Bonjour,\n\n"
        f"{lead}\n\n" + "\n".join(lines) + "\n\n"
        "Vous pouvez les attribuer depuis la boîte de réception, où ils sont signalés en tête de la file.\n\n"
        f"{NO_PERSONAL_DATA}\n"
    )
    return _message(sender, to, subject, body)


class Mailer:
    """One SMTP connection for one run of the job (``with Mailer(smtp) as mailer: mailer.send(...)``)."""

    def __init__(self, smtp: SmtpSettings) -> None:
        self.smtp = smtp
        self._connection: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def send(self, message: EmailMessage) -> None:
        if self._connection is None:
            self._connection = self._connect()
        self._connection.send_message(message)

    def _connect(self) -> smtplib.SMTP:
        s = self.smtp
        context = ssl.create_default_context()
        connection: smtplib.SMTP
        if s.security == "ssl":
            connection = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=context)
        else:
            connection = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
        try:
            if s.security == "starttls":
                connection.starttls(context=context)
            if s.user:
                connection.login(s.user, s.password or "")
        except BaseException:
            connection.close()
            raise
        return connection

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._connection is not None:
            try:
                self._connection.quit()
            except (smtplib.SMTPException, OSError):
                self._connection.close()
            self._connection = None


MAIL_ERRORS = (smtplib.SMTPException, OSError)


@dataclass
class NotifyReport:
    escalated: list[str] = field(default_factory=list)  # references newly escalated (audited)
    escalation_mails: list[str] = field(default_factory=list)  # references the supervisors were mailed about
    new_case_mails: list[str] = field(default_factory=list)  # references mailed to the advisors' address
    failures: int = 0  # mails that could not be sent (retried at the next run)

    def text(self) -> str:
        return (
            f"escalated {len(self.escalated)}, supervisors mailed about {len(self.escalation_mails)}, "
            f"new cases mailed {len(self.new_case_mails)}, failed mails {self.failures}"
        )


class NotificationJob:
    """One run: record new escalations, then (SMTP configured) mail what has not been mailed yet."""

    def __init__(self, settings: Settings, chambers: list[Chamber] | None = None) -> None:
        self.settings = settings
        self.default_chamber = load_chamber(settings.chamber_config)
        self.chambers = {c.id: c for c in (chambers if chambers is not None else load_all_chambers())}
        self.chambers.setdefault(self.default_chamber.id, self.default_chamber)
        self.engine = make_engine(settings.database_url)
        self.repository = NotificationRepository(make_session_factory(self.engine))

    def chamber(self, chamber_id: str) -> Chamber:
        return self.chambers.get(chamber_id, self.default_chamber)

    def hours_of(self, chamber_id: str) -> OpeningHours:
        return self.chamber(chamber_id).opening_hours

    def close(self) -> None:
        self.engine.dispose()

    def run_once(self, now: datetime | None = None) -> NotifyReport:
        now = now or utcnow()
        report = NotifyReport()
        report.escalated = [n.reference for n in self.repository.escalate(now, self.hours_of)]
        if report.escalated:
            log.warning("escalated to the supervisors (unassigned past their target): %s", " ".join(report.escalated))
        smtp = self.settings.smtp
        if smtp is None:
            return report
        base_url = self.settings.public_web_url()
        with Mailer(smtp) as mailer:
            try:
                self._mail_escalations(mailer, smtp, now, base_url, report)
                self._mail_new_cases(mailer, smtp, now, base_url, report)
            except _SmtpUnreachable:
                pass  # logged where it happened; everything unsent is retried at the next run
        return report

    def _send(self, mailer: Mailer, message: EmailMessage, what: str, report: NotifyReport) -> bool:
        try:
            mailer.send(message)
        except smtplib.SMTPRecipientsRefused as error:
            report.failures += 1
            log.error("mail about %s refused by the SMTP server: %s", what, error)
            return False
        except MAIL_ERRORS as error:
            report.failures += 1
            log.warning("mail about %s not sent, retried at the next run: %s", what, error)
            raise _SmtpUnreachable from error
        return True

    def _mail_escalations(
        self, mailer: Mailer, smtp: SmtpSettings, now: datetime, base_url: str, report: NotifyReport
    ) -> None:
        by_chamber: dict[str, list[CaseNotice]] = defaultdict(list)
        for notice in self.repository.escalations_to_mail(now, self.hours_of):
            by_chamber[notice.chamber_id].append(notice)
        for chamber_id, notices in sorted(by_chamber.items()):
            supervisors = self.repository.supervisors(chamber_id)
            if not supervisors:
                log.warning("no active supervisor in chamber %s to mail %d escalations to", chamber_id, len(notices))
                continue
            message = escalation_message(notices, self.chamber(chamber_id), base_url, smtp.sender, supervisors)
            what = f"escalations {' '.join(n.reference for n in notices)}"
            if self._send(mailer, message, what, report):
                self.repository.record_sent(ESCALATION_MAILED, notices, {"recipients": len(supervisors)})
                report.escalation_mails += [n.reference for n in notices]

    def _mail_new_cases(
        self, mailer: Mailer, smtp: SmtpSettings, now: datetime, base_url: str, report: NotifyReport
    ) -> None:
        addresses = {c.id: c.advisors_email for c in self.chambers.values() if c.advisors_email}
        for notice in self.repository.new_cases_to_mail(now, addresses, self.hours_of):
            to = addresses[notice.chamber_id]
            message = new_case_message(notice, self.chamber(notice.chamber_id), base_url, smtp.sender, to)
            if self._send(mailer, message, f"new case {notice.reference}", report):
                self.repository.record_sent(NEW_CASE_MAILED, [notice], {"to": "advisors_email"})
                report.new_case_mails.append(notice.reference)


class _SmtpUnreachable(Exception):
    """The SMTP server could not be reached or dropped the connection: stop this run's mails."""


class NotificationSchedule:
    """Runs the notification job every ``interval_s`` in a thread of the supervisor (0: never)."""

    def __init__(self, settings: Settings, interval_s: float | None = None, first_after_s: float = 5) -> None:
        self.settings = settings
        self.interval_s = settings.notify_interval_s if interval_s is None else interval_s
        self.first_after_s = first_after_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.runs = 0

    def start(self) -> None:
        if self.interval_s <= 0:
            return
        self._thread = threading.Thread(target=self._loop, name="notification-schedule", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 15) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _loop(self) -> None:
        job: NotificationJob | None = None
        wait = self.first_after_s
        try:
            while not self._stop.wait(wait):
                wait = self.interval_s
                try:
                    job = job or NotificationJob(self.settings)
                    job.run_once()
                except Exception:  # the database down, a bug: logged, and the next run tries again
                    log.exception("notification job failed; next run in %.0f s", self.interval_s)
                self.runs += 1
        finally:
            if job is not None:
                job.close()

"""The live chat between an artisan and an advisor: sessions, messages, the atomic claim, the advisors' presence.

Plain Python and SQL, shared by the web app (the hub of live messages, inbox/ and widget/) and the action
server (the offer: ``advisors_present``, ``request``). Every method runs one transaction; the changes an
advisor makes write an audit entry in it (cases.audit).

One live session per case (``LiveSession``), its state moving

    none -> waiting -> active -> returned | ended -> waiting (asked again) ...

- ``request(conversation_id)``: the artisan chose "échanger ici maintenant"; the case must exist.
- ``claim(reference, advisor)``: ``UPDATE ... WHERE state = 'waiting' AND advisor_id IS NULL``, the row count
  checked: one advisor wins, any other gets ``LiveConflict``; the holder claiming again (a reload) is no change.
- ``hand_back`` and ``close``: the holder gives the conversation back to the bot, or closes it with a line.
- ``post_artisan`` / ``post_advisor``: one message (distress in the artisan's marks the case, and while nobody
  has joined the 3114 line follows at once), its id the cursor (``messages_after``); a ``client_id``
  seen before gives back the stored message (a resend after a reconnect is one message). The session row is
  locked first, so the ids of one conversation are given in the order the messages are committed: a reader
  resuming from an id never skips a message committed later with a smaller id.
- ``heartbeat`` / ``advisors_present``: an inbox page's heartbeat; present = seen within ``PRESENCE_WINDOW``.
- ``remind_waits(now, ...)``: a case waiting longer than its chamber allows gets, once per wait, a system
  message: the 3114 again for a distress case, the callback already stored for any other.

- ``artisan_left(conversation_id)``: the artisan erased the conversation in the widget: the session ends, the
  advisor reads ARTISAN_LEFT_LINE (the fact only).

What the artisan reads (system messages) is written here, once: ``joined_line``, ``RETURNED_LINE``,
``ended_line``, ``DISTRESS_WAIT_LINE``, ``waiting_line``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from cases.audit import Repository
from cases.errors import CaseNotFound, InvalidInput
from cases.models import (
    LIVE_OPEN_STATES,
    URGENCY_RANK,
    AdvisorPresence,
    Case,
    LiveMessage,
    LiveSession,
    User,
    utcnow,
)
from cases.text import without_nul
from chamber.emergency import EUROPEAN_EMERGENCY, SUICIDE_PREVENTION_LINE

# "Someone present": an inbox page of the chamber sent a heartbeat within this window (pages send one every 30 s).
PRESENCE_WINDOW = timedelta(seconds=90)
# The artisan's socket beats every 20 s while open: older than this, the page was closed without a goodbye.
ARTISAN_WINDOW = timedelta(seconds=60)
MAX_MESSAGE_LENGTH = 2_000
MAX_CLIENT_ID_LENGTH = 64
NO_SESSION = "none"

RETURNED_LINE = "Vous échangez de nouveau avec l'assistant automatique."
# Without the health consent, what a live line said about health is not kept once the exchange is over.
HEALTH_WITHHELD_LINE = "[Message non conservé : il parlait de santé, sans l'accord de l'artisan pour le garder.]"
# For the advisor (the artisan's widget has started afresh): the fact, nothing of what was said.
ARTISAN_LEFT_LINE = "L'artisan a quitté l'échange et effacé la conversation de son écran."
DISTRESS_WAIT_LINE = (
    "Aucun conseiller n'est encore libre, mais votre demande est bien là et nous ne vous oublions pas. "
    f"Si vous pensez au suicide ou si vous êtes en danger, appelez le {SUICIDE_PREVENTION_LINE}, "
    f"gratuitement, jour et nuit, ou le {EUROPEAN_EMERGENCY}."
)


def waiting_line(callback_promise: str | None, has_email: bool = False) -> str:
    """A calm artisan waited for an advisor in vain: the callback their case already holds, said kindly.
    ``callback_promise``: when the chamber calls back (chamber.hours), None without a phone number."""
    opening = "Aucun conseiller n'a encore pu vous rejoindre ici, merci de votre patience."
    if callback_promise:
        stored = f"Votre demande est bien enregistrée : un conseiller vous rappellera {callback_promise}."
    elif has_email:
        stored = (
            "Votre demande est bien enregistrée : un conseiller vous répondra à l'adresse e-mail que vous avez donnée."
        )
    else:
        stored = "Votre demande est bien enregistrée auprès de la chambre."
    return f"{opening} {stored} Vous pouvez attendre encore ici ou fermer cette fenêtre : vous ne perdrez rien."


def mentions_health(text: str) -> bool:
    """Health (anyone's), distress or exhaustion, as the bot's transcript reads them (triage.mentions_health):
    kept only with the health consent (RGPD art. 9)."""
    from triage import mentions_health as reads_health  # the rules load once, on the first live exchange that ends

    return reads_health(text)


def expresses_distress(text: str) -> bool:
    """A risk to the artisan's life or safety, read as the bot reads it (triage contract: ``distress``)."""
    from triage.engine import assess

    return assess([text]).distress


def first_name(full_name: str | None) -> str:
    """What the artisan sees of an advisor: the first word of the name ("Marie-Claire Dupont" -> "Marie-Claire")."""
    words = (full_name or "").split()
    return words[0] if words else "Un conseiller"


def shown_name(advisor: User | None) -> str:
    """The advisor's name in the live chat: the one they chose in the inbox, else their first name."""
    if advisor is None:
        return first_name(None)
    return str(advisor.live_name or "").strip() or first_name(advisor.name)


def shown_role(advisor: User, chamber_role_word: str) -> str:
    """The advisor's own role word ("conseiller", "conseillère", ...), else their chamber's."""
    return str(advisor.live_role or "").strip() or chamber_role_word


def joined_line(name: str, role_word: str) -> str:
    return f"{name}, {role_word} de la chambre, a rejoint la conversation."


def ended_line(name: str) -> str:
    return f"La conversation avec {name} est terminée. Vous pouvez de nouveau écrire à l'assistant automatique."


class LiveConflict(Exception):
    """Another advisor holds the conversation (the claim lost the race)."""

    def __init__(self, message: str = "Un autre conseiller a déjà rejoint cette conversation.") -> None:
        super().__init__(message)
        self.message = message


class LiveClosed(Exception):
    """No live chat is open for this conversation (nothing waiting or active): the message goes to the bot."""


class LiveForbidden(Exception):
    """This advisor does not hold the conversation."""


@dataclass(frozen=True)
class Message:
    id: int
    case_id: int
    sender: str  # "artisan" | "advisor" | "system"
    text: str
    at: datetime
    client_id: str | None = None
    author: str | None = None  # the advisor's first name

    def frame(self) -> dict[str, Any]:
        """The protocol's server -> client frame; ``client_id`` lets the sender's page match its own message."""
        frame = {"type": "message", "id": self.id, "sender": self.sender, "text": self.text, "at": self.at.isoformat()}
        if self.client_id:
            frame["client_id"] = self.client_id
        return frame


@dataclass(frozen=True)
class LiveState:
    case_id: int
    reference: str
    chamber_id: str
    conversation_id: str
    state: str  # "none" | "waiting" | "active" | "returned" | "ended"
    advisor_id: int | None = None
    advisor_name: str | None = None
    requested_at: datetime | None = None
    distress: bool = False
    last_id: int = 0
    artisan_connected: bool = False
    artisan_seen_at: datetime | None = None
    advisor_live_name: str | None = None  # shown_name() of the holder

    def artisan_online(self, now: datetime) -> bool:
        """The artisan's live socket is open (seen within ARTISAN_WINDOW): worth joining."""
        return bool(self.artisan_connected and self.artisan_seen_at and now - self.artisan_seen_at <= ARTISAN_WINDOW)

    @property
    def advisor(self) -> str | None:
        """The advisor's first name, as the artisan sees it, while one holds the conversation."""
        return self.advisor_live_name if self.advisor_id is not None and self.state == "active" else None

    @property
    def open(self) -> bool:
        return self.state in LIVE_OPEN_STATES

    def frame(self) -> dict[str, Any]:
        return {"type": "state", "state": self.state, "advisor": self.advisor}

    def public(self) -> dict[str, Any]:
        """The artisan's ``GET /widget/live/{conversation_id}/state``."""
        return {"state": self.state, "advisor": self.advisor, "last_id": self.last_id}


def merged_transcript(transcript: list[dict[str, Any]], messages: Iterable[Message]) -> list[dict[str, Any]]:
    """The bot's conversation and the live chat as one transcript, in the order things were said (an entry
    without a readable time keeps its place before the live part)."""
    entries: list[tuple[datetime | None, int, dict[str, Any]]] = []
    for position, entry in enumerate(transcript):
        try:
            at: datetime | None = datetime.fromisoformat(str(entry.get("at")))
            if at is not None and at.tzinfo is None:
                at = None
        except ValueError:
            at = None
        entries.append((at, position, {**entry, "live": False}))
    offset = len(entries)
    for position, message in enumerate(messages):
        line = {"sender": message.sender, "text": message.text, "at": message.at.isoformat(), "live": True}
        if message.author:
            line["author"] = message.author
        entries.append((message.at, offset + position, line))
    earliest = min((at for at, _, _ in entries if at is not None), default=None)
    return [line for _, _, line in sorted(entries, key=lambda item: (item[0] or earliest or utcnow(), item[1]))]


def _message(row: LiveMessage, author: User | None = None) -> Message:
    return Message(
        id=row.id,
        case_id=row.case_id,
        sender=row.sender,
        text=row.text,
        at=row.at,
        client_id=row.client_id,
        author=shown_name(author) if author is not None else None,
    )


def _clean_text(text: Any) -> str:
    if not isinstance(text, str):
        raise InvalidInput("a message is a text")
    cleaned = str(without_nul(text)).strip()
    if not cleaned or len(cleaned) > MAX_MESSAGE_LENGTH:
        raise InvalidInput(f"a message has 1 to {MAX_MESSAGE_LENGTH} characters")
    return cleaned


def _clean_client_id(client_id: Any) -> str | None:
    if client_id is None or client_id == "":
        return None
    if not isinstance(client_id, str) or len(client_id) > MAX_CLIENT_ID_LENGTH or "\x00" in client_id:
        raise InvalidInput(f"client_id is a text of at most {MAX_CLIENT_ID_LENGTH} characters")
    return client_id


class LiveRepository(Repository):
    # ---------------------------------------------------------------- reading

    def state_of_conversation(self, conversation_id: str) -> LiveState | None:
        """The live state of a conversation's case (None: no case for it)."""
        with self._session_factory() as session:
            case = session.execute(select(Case).where(Case.conversation_id == conversation_id)).scalar_one_or_none()
            return self._state(session, case) if case is not None else None

    def state_of_case(self, reference: str, actor: User) -> LiveState:
        with self._session_factory() as session:
            return self._state(session, self._case(session, reference, actor))

    def messages_after(self, case_id: int, after: int = 0, limit: int = 500) -> list[Message]:
        """The conversation's live messages with an id above ``after``, oldest first."""
        with self._session_factory() as session:
            rows = session.execute(
                select(LiveMessage, User)
                .outerjoin(User, User.id == LiveMessage.author_id)
                .where(LiveMessage.case_id == case_id, LiveMessage.id > max(0, int(after)))
                .order_by(LiveMessage.id)
                .limit(limit)
            ).all()
            return [_message(row, author) for row, author in rows]

    def states_of(self, chamber_id: str, case_ids: Iterable[int]) -> dict[int, LiveState]:
        """The open live sessions (waiting or active) of these cases, for the queue."""
        ids = list(case_ids)
        if not ids:
            return {}
        with self._session_factory() as session:
            rows = session.execute(
                select(LiveSession, Case, User)
                .join(Case, Case.id == LiveSession.case_id)
                .outerjoin(User, User.id == LiveSession.advisor_id)
                .where(
                    LiveSession.chamber_id == chamber_id,
                    LiveSession.case_id.in_(ids),
                    LiveSession.state.in_(LIVE_OPEN_STATES),
                )
            ).all()
            return {live.case_id: self._state_from(live, case, advisor, 0) for live, case, advisor in rows}

    # ---------------------------------------------------------------- the artisan (action server, widget)

    def request(self, conversation_id: str, now: datetime | None = None) -> LiveState:
        """The artisan asks to chat now: the session of the conversation's case waits for an advisor.
        Asking again while waiting or active changes nothing. Raises CaseNotFound without a case."""
        now = now or utcnow()
        with self._session_factory() as session, session.begin():
            case = session.execute(
                select(Case).where(Case.conversation_id == conversation_id).with_for_update(of=Case)
            ).scalar_one_or_none()
            if case is None:
                raise CaseNotFound(conversation_id)
            live = self._session_row(session, case.id)
            if live is None:
                live = LiveSession(case_id=case.id, chamber_id=case.chamber_id, state="waiting", requested_at=now)
                session.add(live)
            elif live.state not in LIVE_OPEN_STATES:
                live.state, live.advisor_id, live.requested_at = "waiting", None, now
                live.claimed_at = live.ended_at = live.distress_reminded_at = None
            else:
                return self._state(session, case)
            live.chamber_id = case.chamber_id
            live.updated_at = now
            case.updated_at = now  # the queue's poll sees it
            session.flush()
            self._audit(session, None, "live.requested", case.chamber_id, case.reference, {})
            return self._state(session, case)

    def post_artisan(
        self, conversation_id: str, text: Any, client_id: Any = None, now: datetime | None = None
    ) -> Message:
        """The artisan's message while the chat waits or is held; LiveClosed otherwise (it goes to the bot)."""
        text, client_id = _clean_text(text), _clean_client_id(client_id)
        with self._session_factory() as session, session.begin():
            case = session.execute(select(Case).where(Case.conversation_id == conversation_id)).scalar_one_or_none()
            live = self._locked_session(session, case.id) if case is not None else None
            if case is None or live is None:
                raise LiveClosed(conversation_id)
            earlier = self._by_client_id(session, case.id, client_id)
            if earlier is not None:
                return earlier
            if live.state not in LIVE_OPEN_STATES:
                raise LiveClosed(conversation_id)
            now = now or utcnow()
            message = self._insert(session, case.id, "artisan", text, client_id, None, now)
            if not case.distress and expresses_distress(text):
                self._raise_distress(session, case, now)
                if live.state == "waiting":
                    # Nobody is there to answer yet: the crisis numbers come at once (they come first, whoever
                    # replies), and count as this wait's reminder. An advisor who holds the chat reads it.
                    self._insert(session, case.id, "system", DISTRESS_WAIT_LINE, None, None, now)
                    live.distress_reminded_at = now
            return message

    def artisan_left(self, conversation_id: str, now: datetime | None = None) -> tuple[LiveState, Message, str] | None:
        """The artisan erased the conversation in the widget: an open session ends (ARTISAN_LEFT_LINE for the
        advisor). Returns the new state, that line and the state it ended from; None when nothing was open."""
        now = now or utcnow()
        with self._session_factory() as session, session.begin():
            case = session.execute(select(Case).where(Case.conversation_id == conversation_id)).scalar_one_or_none()
            live = self._locked_session(session, case.id) if case is not None else None
            if case is None or live is None or live.state not in LIVE_OPEN_STATES:
                return None
            was = live.state
            message = self._insert(session, case.id, "system", ARTISAN_LEFT_LINE, None, None, now)
            live.state, live.ended_at, live.updated_at = "ended", now, now
            live.artisan_connected = False
            self._withhold_health(session, case)
            case.updated_at = now  # the queue's poll sees it
            self._audit(session, None, "live.artisan_left", case.chamber_id, case.reference, {}, label="system")
            return self._state(session, case), message, was

    # ---------------------------------------------------------------- the advisor (inbox)

    def claim(
        self, reference: str, actor: User, role_word: str, now: datetime | None = None
    ) -> tuple[LiveState, Message | None]:
        """Join a waiting conversation: one advisor only (the row count of a conditional UPDATE decides).
        Returns the new state and the system message the artisan reads (None when the actor already held it).
        ``role_word``: the chamber's, said unless the advisor chose their own (``User.live_role``)."""
        now = now or utcnow()
        with self._session_factory() as session, session.begin():
            case = self._case(session, reference, actor)
            won = session.execute(
                update(LiveSession)
                .where(
                    LiveSession.case_id == case.id,
                    LiveSession.state == "waiting",
                    LiveSession.advisor_id.is_(None),
                )
                .values(state="active", advisor_id=actor.id, claimed_at=now, updated_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
            if won != 1:
                live = self._session_row(session, case.id)
                if live is not None and live.state == "active" and live.advisor_id == actor.id:
                    return self._state(session, case), None  # a reload of the holder's page
                if live is not None and live.state == "active":
                    raise LiveConflict()
                raise LiveClosed(reference)
            if case.assignee_id is None:
                case.assignee_id = actor.id  # whoever talks with the artisan follows the case
            if case.status == "nouveau":
                case.status = "en_cours"
            if case.first_contact_at is None:
                case.first_contact_at = now  # the artisan is reached, in writing
            case.updated_at = now
            advisor = session.get(User, actor.id)  # as saved now: the actor may come from an older read
            line = joined_line(shown_name(advisor), shown_role(advisor, role_word))
            message = self._insert(session, case.id, "system", line, None, None, now)
            self._audit(session, actor, "live.claimed", case.chamber_id, case.reference, {})
            return self._state(session, case), message

    def post_advisor(
        self, reference: str, actor: User, text: Any, client_id: Any = None, now: datetime | None = None
    ) -> Message:
        text, client_id = _clean_text(text), _clean_client_id(client_id)
        with self._session_factory() as session, session.begin():
            case = self._case(session, reference, actor)
            live = self._locked_session(session, case.id)
            earlier = self._by_client_id(session, case.id, client_id)
            if earlier is not None:
                return earlier
            if live is None or live.state not in LIVE_OPEN_STATES:
                raise LiveClosed(reference)  # over (closed, handed back, the artisan left): said as such
            self._check_holder(live, actor)
            message = self._insert(session, case.id, "advisor", text, client_id, actor, now or utcnow())
            self._audit(session, actor, "live.advisor_message", case.chamber_id, case.reference, {"id": message.id})
            return message

    def hand_back(self, reference: str, actor: User, now: datetime | None = None) -> tuple[LiveState, Message]:
        """The holder gives the conversation back to the bot (Rasa is resumed by the caller)."""
        state, messages = self._finish(reference, actor, "returned", None, now or utcnow())
        return state, messages[-1]

    def close(
        self, reference: str, actor: User, closing_line: Any = None, now: datetime | None = None
    ) -> tuple[LiveState, list[Message]]:
        """The holder closes the chat with a closing line (their words), then the system's end line."""
        line = _clean_text(closing_line) if closing_line not in (None, "") else None
        return self._finish(reference, actor, "ended", line, now or utcnow())

    def artisan_presence(self, case_id: int, connected: bool, now: datetime | None = None) -> None:
        """The artisan's live socket is open (a beat) or just closed (not audited: nothing of the case changes)."""
        with self._session_factory() as session, session.begin():
            session.execute(
                update(LiveSession)
                .where(LiveSession.case_id == case_id)
                .values(artisan_connected=connected, artisan_seen_at=now or utcnow())
                .execution_options(synchronize_session=False)
            )

    # ---------------------------------------------------------------- presence

    def heartbeat(self, actor: User, now: datetime | None = None) -> None:
        """An inbox page of this advisor is open (not audited: a heartbeat changes nothing of a case)."""
        now = now or utcnow()
        with self._session_factory() as session, session.begin():
            insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
            statement = insert(AdvisorPresence.__table__).values(
                user_id=actor.id, chamber_id=actor.chamber_id, seen_at=now
            )
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["user_id"], set_={"seen_at": now, "chamber_id": actor.chamber_id}
                )
            )

    def advisors_present(self, chamber_id: str, now: datetime | None = None) -> int:
        """How many active advisors of the chamber had an inbox page open within PRESENCE_WINDOW. A heartbeat
        stamped ahead of ``now`` by more than the window (a server's clock set forward, then back) is none."""
        now = now or utcnow()
        since, until = now - PRESENCE_WINDOW, now + PRESENCE_WINDOW
        with self._session_factory() as session:
            count: int = session.execute(
                select(func.count())
                .select_from(AdvisorPresence)
                .join(User, User.id == AdvisorPresence.user_id)
                .where(
                    AdvisorPresence.chamber_id == chamber_id,
                    AdvisorPresence.seen_at > since,
                    AdvisorPresence.seen_at <= until,
                    User.active.is_(True),
                )
            ).scalar_one()
            return count

    # ---------------------------------------------------------------- the wait reminders

    def remind_waits(
        self,
        now: datetime,
        distress_wait_for: Callable[[str], timedelta],
        wait_for: Callable[[str], timedelta],
        callback_promise: Callable[[str, datetime, str | None, str | None], str],
    ) -> list[tuple[LiveState, Message]]:
        """Conversations waiting for an advisor longer than their chamber allows get, once per wait, a system
        message: a distress case the 3114 again (DISTRESS_WAIT_LINE, after ``distress_wait_for(chamber_id)``),
        any other the callback already stored (``waiting_line``, after ``wait_for(chamber_id)``): nobody waits
        in silence. ``callback_promise(chamber_id, now, slot, urgency)``: when the chamber calls back. What to publish."""
        with self._session_factory() as session:
            candidates = session.execute(
                select(LiveSession.case_id, LiveSession.chamber_id, LiveSession.requested_at, Case.distress)
                .join(Case, Case.id == LiveSession.case_id)
                .where(LiveSession.state == "waiting", LiveSession.distress_reminded_at.is_(None))
            ).all()
        reminded = []
        for case_id, chamber_id, requested_at, distress in candidates:
            if now - requested_at < (distress_wait_for if distress else wait_for)(chamber_id):
                continue
            with self._session_factory() as session, session.begin():
                live = self._locked_session(session, case_id)
                # Checked again under the lock: claimed or reminded meanwhile by another worker.
                # (distress_reminded_at keeps its first name: it marks the one reminder of a wait, whatever kind.)
                if live is None or live.state != "waiting" or live.distress_reminded_at is not None:
                    continue
                live.distress_reminded_at = now
                case = session.get(Case, case_id)
                if case.distress:
                    line, action = DISTRESS_WAIT_LINE, "live.distress_reminder"
                else:
                    promise = (
                        callback_promise(chamber_id, now, case.callback_slot, case.urgency) if case.phone else None
                    )
                    line, action = waiting_line(promise, has_email=bool(case.email)), "live.wait_reminder"
                message = self._insert(session, case_id, "system", line, None, None, now)
                self._audit(session, None, action, chamber_id, case.reference, {}, label="system")
                reminded.append((self._state(session, case), message))
        return reminded

    # ---------------------------------------------------------------- internals

    def _finish(
        self, reference: str, actor: User, state: str, closing_line: str | None, now: datetime
    ) -> tuple[LiveState, list[Message]]:
        with self._session_factory() as session, session.begin():
            case = self._case(session, reference, actor)
            live = self._check_holder(self._locked_session(session, case.id), actor)
            messages = []
            if closing_line:
                messages.append(self._insert(session, case.id, "advisor", closing_line, None, actor, now))
            line = RETURNED_LINE if state == "returned" else ended_line(shown_name(session.get(User, actor.id)))
            messages.append(self._insert(session, case.id, "system", line, None, None, now))
            live.state, live.ended_at, live.updated_at = state, now, now
            self._withhold_health(session, case)
            case.updated_at = now
            action = "live.handed_back" if state == "returned" else "live.closed"
            self._audit(session, actor, action, case.chamber_id, case.reference, {})
            return self._state(session, case), messages

    def _raise_distress(self, session: Session, case: Case, now: datetime) -> None:
        """Distress said in the live chat marks the case as the bot would have (triage contract: distress and a
        critical urgency, never lowered): the queue puts it first, the wait reminder gives the 3114 on the
        distress delay, and the audit log says when."""
        case.distress = True
        case.urgency = "critique"
        case.urgency_rank = URGENCY_RANK["critique"]
        case.updated_at = now  # the queue's poll sees it
        self._audit(session, None, "live.distress_expressed", case.chamber_id, case.reference, {})

    @staticmethod
    def _withhold_health(session: Session, case: Case) -> None:
        """The exchange is over: without the health consent, an artisan's line about health, and the advisor's
        reply right after it (which may say it back), keep only HEALTH_WITHHELD_LINE, as the bot's transcript
        drops such lines (cases.drafts). The advisor read them while they talked; the case does not keep them."""
        if case.health_consent:
            return
        rows = session.execute(
            select(LiveMessage).where(LiveMessage.case_id == case.id).order_by(LiveMessage.id)
        ).scalars()
        previous_was_health = False
        for row in rows:
            if row.sender == "artisan":
                previous_was_health = row.text != HEALTH_WITHHELD_LINE and mentions_health(row.text)
            elif row.sender != "advisor":
                continue  # the system's own lines say nothing of the artisan
            if previous_was_health:
                row.text = HEALTH_WITHHELD_LINE
            if row.sender == "advisor":
                previous_was_health = False

    @staticmethod
    def _check_holder(live: LiveSession | None, actor: User) -> LiveSession:
        if live is None or live.state != "active" or live.advisor_id != actor.id:
            raise LiveForbidden("only the advisor holding the conversation may do this")
        return live

    @staticmethod
    def _case(session: Session, reference: str, actor: User) -> Case:
        case: Case | None = session.execute(
            select(Case).where(Case.reference == reference, Case.chamber_id == actor.chamber_id)
        ).scalar_one_or_none()
        if case is None:
            raise CaseNotFound(reference)
        return case

    @staticmethod
    def _session_row(session: Session, case_id: int) -> LiveSession | None:
        live: LiveSession | None = session.execute(
            select(LiveSession).where(LiveSession.case_id == case_id).execution_options(populate_existing=True)
        ).scalar_one_or_none()
        return live

    @staticmethod
    def _locked_session(session: Session, case_id: int) -> LiveSession | None:
        """The session row, locked until the transaction ends (PostgreSQL; SQLite writes one at a time anyway)."""
        live: LiveSession | None = session.execute(
            select(LiveSession)
            .where(LiveSession.case_id == case_id)
            .with_for_update(of=LiveSession)
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        return live

    @staticmethod
    def _by_client_id(session: Session, case_id: int, client_id: str | None) -> Message | None:
        if client_id is None:
            return None
        found = session.execute(
            select(LiveMessage, User)
            .outerjoin(User, User.id == LiveMessage.author_id)
            .where(LiveMessage.case_id == case_id, LiveMessage.client_id == client_id)
        ).first()
        return _message(found[0], found[1]) if found else None

    @staticmethod
    def _insert(
        session: Session,
        case_id: int,
        sender: str,
        text: str,
        client_id: str | None,
        author: User | None,
        now: datetime,
    ) -> Message:
        row = LiveMessage(
            case_id=case_id,
            sender=sender,
            author_id=author.id if author is not None else None,
            text=text,
            client_id=client_id,
            at=now,
        )
        session.add(row)
        session.flush()
        return _message(row, author)

    def _state(self, session: Session, case: Case) -> LiveState:
        row = session.execute(
            select(LiveSession, User)
            .outerjoin(User, User.id == LiveSession.advisor_id)
            .where(LiveSession.case_id == case.id)
            .execution_options(populate_existing=True)
        ).first()
        last_id = session.execute(
            select(func.coalesce(func.max(LiveMessage.id), 0)).where(LiveMessage.case_id == case.id)
        ).scalar_one()
        if row is None:
            return LiveState(
                case.id,
                case.reference,
                case.chamber_id,
                case.conversation_id,
                NO_SESSION,
                distress=bool(case.distress),
                last_id=int(last_id),
            )
        return self._state_from(row[0], case, row[1], int(last_id))

    @staticmethod
    def _state_from(live: LiveSession, case: Case, advisor: User | None, last_id: int) -> LiveState:
        return LiveState(
            case_id=case.id,
            reference=case.reference,
            chamber_id=case.chamber_id,
            conversation_id=case.conversation_id,
            state=live.state,
            advisor_id=live.advisor_id,
            advisor_name=advisor.name if advisor is not None else None,
            advisor_live_name=shown_name(advisor) if advisor is not None else None,
            requested_at=live.requested_at,
            distress=bool(case.distress),
            last_id=last_id,
            artisan_connected=bool(live.artisan_connected),
            artisan_seen_at=live.artisan_seen_at,
        )

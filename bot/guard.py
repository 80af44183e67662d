"""What Rasa's channels refuse before a message reaches the dialogue: too long, too many, too fast.

Plain Python (no Rasa import): ``bot.channels``'s channels call ``ChannelGuard.verdict`` for every
message, on the REST channel and on socket.io, in both modes. A refused message is not processed, so
nothing of it is stored; the artisan gets a kind answer in French instead (and REST clients a 413 or 429).
A refused message is still read for warning signs of suicide: whoever poured everything out in one long message gets
the crisis numbers with the refusal (round 9, r9b-09: 4,800 characters ending on a wish to be gone got only "too long").

| limit | default | why |
|---|---|---|
| message length | 10,000 characters | hundreds of kB keep a Rasa server busy for minutes; 10,000 take about a second |
| long messages (over 2,000 characters) per client address | 5 per 10 minutes | each costs up to five ordinary turns |
| socket.io packet | 48 kB | 10,000 characters of any script; python-socketio accepts 1 MB by default |
| new conversations per client address | 10 per 10 minutes | a script opening conversations to fill the inbox |
| messages per client address | 60 per minute | one person types a few per minute |
| messages per conversation | 15 per minute | the same, for a client changing addresses |

Cases per client (3 per hour) are counted by the action server (``cases.limits``), with the pseudonymous
client key the channels put in every message's metadata. ``RELAIS_RATE_LIMIT_EXEMPT`` lists addresses the
rate limits leave alone (the machine's own load tests and evaluation runs); the length cap applies to all.
Behind nginx (``RELAIS_BEHIND_PROXY=1``) the client address is nginx's ``X-Real-IP``, trusted only from
the loopback.
"""

from __future__ import annotations

import ipaddress
import os
from collections import OrderedDict
from dataclasses import dataclass, field

from cases.limits import Limit, SharedCounts, SlidingWindow, client_key
from chamber.emergency import IN_DANGER

MAX_MESSAGE_CHARS = 10_000
LONG_MESSAGE_CHARS = 2_000
SOCKETIO_MAX_PAYLOAD_BYTES = 48 * 1024
LONG_MESSAGES_PER_CLIENT = Limit(5, 600)
# What a refused message is read for signs up to: more would let a flood of huge bodies cost as much as reading them.
SCANNED_FOR_SIGNS_CHARS = 3 * MAX_MESSAGE_CHARS
CONVERSATIONS_PER_CLIENT = Limit(10, 600)
MESSAGES_PER_CLIENT = Limit(60, 60)
MESSAGES_PER_CONVERSATION = Limit(15, 60)
KNOWN_CONVERSATIONS = 20_000
# How long a conversation, once opened, counts as known (never refused as a "new" one): a day. It was the
# 60-second message window, so an artisan who paused a minute to find a paper was refused mid-conversation once
# ten others had started from the same address (an office, a family, a mobile operator's NAT).
KNOWN_FOR = Limit(1_000_000, 24 * 3600)

TOO_LONG, TOO_FAST, TOO_MANY_CONVERSATIONS = "too_long", "too_fast", "too_many_conversations"


@dataclass(frozen=True)
class Refusal:
    reason: str
    text: str
    retry_after_s: int = 0

    @property
    def status(self) -> int:
        return 413 if self.reason == TOO_LONG else 429


TOO_LONG_TEXT = (
    "Votre message est trop long pour que je le lise en entier, et je ne l'ai pas gardé. "
    "Pouvez-vous m'écrire l'essentiel en quelques phrases ?"
)


def too_long_text(text: str) -> str:
    """The refusal of a message too long to be processed; with the crisis numbers first when its words carry a warning
    sign of suicide (explicit or indirect), read before it is dropped."""
    from triage.distress import INDIRECT, find_signs  # the classifiers load once, on the first long message

    signs = find_signs(text[:SCANNED_FOR_SIGNS_CHARS])
    if any(sign.level <= INDIRECT for sign in signs):
        return (
            f"Ce que vous écrivez m'inquiète : {IN_DANGER[0].lower()}{IN_DANGER[1:]} Votre message est trop long pour "
            "que je le garde ; pouvez-vous m'écrire l'essentiel en quelques phrases ?"
        )
    return TOO_LONG_TEXT


def _minutes(seconds: float) -> str:
    minutes = max(1, int(-(-seconds // 60)))
    return "une minute" if minutes == 1 else f"{minutes} minutes"


@dataclass
class ChannelGuard:
    chamber_name: str
    chamber_phone: str
    secret: str
    enabled: bool = True
    exempt: frozenset[str] = frozenset()
    behind_proxy: bool = False
    conversations: SlidingWindow = field(default_factory=lambda: SlidingWindow(CONVERSATIONS_PER_CLIENT))
    client_messages: SlidingWindow = field(default_factory=lambda: SlidingWindow(MESSAGES_PER_CLIENT))
    conversation_messages: SlidingWindow = field(default_factory=lambda: SlidingWindow(MESSAGES_PER_CONVERSATION))
    long_messages: SlidingWindow = field(default_factory=lambda: SlidingWindow(LONG_MESSAGES_PER_CLIENT))
    _known: OrderedDict[str, bool] = field(default_factory=OrderedDict)
    # The embedded mode's Sanic workers count together in a SQLite file (RELAIS_RATE_LIMIT_DB).
    shared: SharedCounts | None = None

    @classmethod
    def from_env(cls) -> ChannelGuard:
        from chamber import load_chamber

        chamber = load_chamber()
        exempt = frozenset(a.strip() for a in os.environ.get("RELAIS_RATE_LIMIT_EXEMPT", "").split(",") if a.strip())
        return cls(
            chamber_name=chamber.name,
            chamber_phone=chamber.phone,
            secret=os.environ.get("RELAIS_RASA_TOKEN", "") or "relais",
            enabled=os.environ.get("RELAIS_RATE_LIMITS", "on").strip().lower() not in ("off", "0", "false"),
            exempt=exempt,
            behind_proxy=os.environ.get("RELAIS_BEHIND_PROXY", "") == "1",
            shared=SharedCounts(
                os.environ["RELAIS_RATE_LIMIT_DB"],
                {
                    "conversations": CONVERSATIONS_PER_CLIENT,
                    "client_messages": MESSAGES_PER_CLIENT,
                    "conversation_messages": MESSAGES_PER_CONVERSATION,
                    "long_messages": LONG_MESSAGES_PER_CLIENT,
                    "known": KNOWN_FOR,
                },
            )
            if os.environ.get("RELAIS_RATE_LIMIT_DB")
            else None,
        )

    def client_address(self, peer: str | None, real_ip: str | None = None) -> str:
        """The client's address: the peer's, or behind nginx (and only from the loopback) X-Real-IP."""
        peer = (peer or "").strip() or "unknown"
        if self.behind_proxy and real_ip:
            try:
                if ipaddress.ip_address(peer).is_loopback:
                    return real_ip.strip()
            except ValueError:
                pass
        return peer

    def client_key(self, address: str) -> str | None:
        """The pseudonym the action server counts cases by; None for addresses the limits leave alone."""
        if not self.enabled or address in self.exempt:
            return None
        return client_key(self.secret, address)

    def verdict(self, address: str, sender_id: str, text: object) -> Refusal | None:
        """None when the message may be processed, else what to answer instead."""
        if self.enabled and address not in self.exempt:
            refusal = self._rate(address, sender_id)
            if refusal:
                return refusal
        if not isinstance(text, str) or len(text) <= LONG_MESSAGE_CHARS:
            return None
        if len(text) > MAX_MESSAGE_CHARS or (
            self.enabled and address not in self.exempt and self._long_message_refused(address)
        ):
            return Refusal(TOO_LONG, too_long_text(text))
        return None

    def _long_message_refused(self, address: str) -> bool:
        if self.shared is not None:
            return bool(self.shared.hit("long_messages", address))
        return bool(self.long_messages.hit(address))

    def _rate(self, address: str, sender_id: str) -> Refusal | None:
        if self.shared is not None:
            return self._rate_shared(self.shared, address, sender_id)
        if sender_id not in self._known:
            wait = self.conversations.hit(address)
            if wait:
                return self._too_many_conversations(wait)
            self._known[sender_id] = True
            while len(self._known) > KNOWN_CONVERSATIONS:
                self._known.popitem(last=False)
        else:
            self._known.move_to_end(sender_id)
        wait = max(self.client_messages.hit(address), self.conversation_messages.hit(sender_id))
        return self._too_fast(wait) if wait else None

    def _rate_shared(self, shared: SharedCounts, address: str, sender_id: str) -> Refusal | None:
        """The same limits, counted in the SQLite file every worker of this machine shares."""
        if not shared.seen("known", sender_id):
            wait = shared.hit("conversations", address)
            if wait:
                return self._too_many_conversations(wait)
            shared.hit("known", sender_id)
        wait = max(shared.hit("client_messages", address), shared.hit("conversation_messages", sender_id))
        return self._too_fast(wait) if wait else None

    def _too_many_conversations(self, wait: float) -> Refusal:
        return Refusal(
            TOO_MANY_CONVERSATIONS,
            (
                "Beaucoup de conversations ont été ouvertes depuis votre connexion : je ne peux pas en "
                f"commencer une nouvelle avant {_minutes(wait)}. Vous pouvez aussi appeler la "
                f"{self.chamber_name} au {self.chamber_phone}. {IN_DANGER}"
            ),
            int(wait) + 1,
        )

    @staticmethod
    def _too_fast(wait: float) -> Refusal:
        return Refusal(
            TOO_FAST,
            (
                "Vos messages arrivent très vite : je n'ai pas pu lire le dernier. "
                f"Renvoyez-le dans {_minutes(wait)}, s'il vous plaît. "
                f"{IN_DANGER}"
            ),
            int(wait) + 1,
        )

"""The invariants every simulated conversation must keep (issue 12, "How to prove it").

Plain functions over a finished `Transcript`: what the artisan said (with what the user model knows
about it: which question it answers, which département it names), what the bot replied, the tracker
state after each turn, the action server's error lines and the stored case. They are tested on
hand-made transcripts in test_invariants.py, so that each one is known to fail when it should.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median
from typing import Any

# Questions of the handoff (the advisor offer, consent, contact): a change of mind re-opens them.
HANDOFF_SLOTS = frozenset(
    {"wants_advisor", "consent_given", "health_consent", "contact_name", "phone", "email", "callback_slot"}
)
LONG_MESSAGE = 80  # characters: a bot message longer than this must not be said twice


@dataclass
class Turn:
    user: str
    kind: str  # the user move: greeting, opening, answer, yes, no, skip, hesitation, question_back, ...
    asked: str | None  # requested_slot when the artisan wrote (the question being answered)
    answers: str | None = None  # the slot this message validly answers, None when it answers nothing
    code: str | None = None  # the département the message designates (place answers, corrections, openings)
    facts: tuple[str, ...] = ()  # slots an opening message fills explicitly
    negated: str | None = None  # the département the message says is wrong ("pas le Nord" -> "59")
    status: int = 0  # HTTP status of the REST channel
    replies: list[str] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # tracker after the turn (requested_slot, active_loop, ...)
    errors: list[str] = field(default_factory=list)  # ERROR / Traceback lines logged during the turn


@dataclass
class Transcript:
    seed: int
    sender: str
    turns: list[Turn] = field(default_factory=list)
    case: dict[str, Any] | None = None  # the stored case of this conversation, read after the last turn

    # What the artisan gave, from their own turns (never from the bot's slots).
    def consented(self) -> bool:
        """The last answer to the consent question was a yes (a later change of mind needs a new yes)."""
        answers = [t.kind for t in self.turns if t.answers == "consent_given"]
        return bool(answers) and answers[-1] == "yes"

    def gave_phone(self) -> bool:
        return any(t.answers == "phone" for t in self.turns)

    def gave_a_way_to_be_reached(self) -> bool:
        """A phone number, or an address instead of one ("pas de téléphone, écrivez-moi à ...")."""
        return any(t.answers in ("phone", "email_instead") for t in self.turns)

    def departement(self) -> str | None:
        """The last place the artisan named (an answer, a correction, or the opening)."""
        codes = [t.code for t in self.turns if t.code]
        return codes[-1] if codes else None

    def turns_to_guidance(self) -> int | None:
        """Bot turns from the first description of the difficulty up to and including the one that gave
        first guidance (1: guidance in the very reply to the description; issue 12 asks for 3 at most);
        None when no guidance came."""
        start = next((i for i, t in enumerate(self.turns) if t.kind == "opening"), None)
        if start is None:
            return None
        for i in range(start, len(self.turns)):
            if self.turns[i].state.get("guidance_given"):
                return i - start + 1
        return None

    def render(self) -> str:
        lines = [f"conversation {self.sender} (replay: python -m tests.simulator --replay {self.seed})"]
        for i, turn in enumerate(self.turns):
            meta = f"{turn.kind}, asked={turn.asked}"
            if turn.answers:
                meta += f", answers {turn.answers}"
            if turn.code:
                meta += f", département {turn.code}"
            if turn.negated:
                meta += f", not {turn.negated}"
            user = turn.user if len(turn.user) <= 300 else f"{turn.user[:300]}… ({len(turn.user)} characters)"
            lines.append(f"  [{i}] artisan ({meta}): {user!r}")
            if turn.status != 200:
                lines.append(f"      HTTP {turn.status}")
            for reply in turn.replies:
                lines.append(f"      bot: {reply}")
            state = ", ".join(f"{k}={_short(k, v)}" for k, v in turn.state.items() if v not in (None, [], ""))
            lines.append(f"      state: {state}")
            for error in turn.errors:
                lines.append(f"      LOG: {error}")
        lines.append(f"  stored case: {self.case}")
        lines.append(
            f"  artisan gave: consent={self.consented()}, phone={self.gave_phone()}, département={self.departement()}"
        )
        return "\n".join(lines)


def _short(name: str, value: Any) -> str:
    if name == "guidance_given" and isinstance(value, list):
        return "[" + ", ".join(str(entry.get("id")) for entry in value if isinstance(entry, dict)) + "]"
    return repr(value)


@dataclass(frozen=True)
class Violation:
    invariant: str
    turn: int | None  # index of the offending turn, None for the whole conversation
    detail: str


# 413: the message-length cap answers in French without processing the message (bot.guard).
ANSWERED_STATUSES = (200, 413)


def reply_to_every_message(t: Transcript) -> list[Violation]:
    """Every artisan message gets at least one bot text (issue 12 item 1: no silence): with HTTP 200, or
    with the refusal of a message too long (413) that says so in French (issue 15: a kind reply, nothing
    processed). Any other status, or no text, is silence."""
    return [
        Violation("reply_to_every_message", i, f"HTTP {turn.status}, {len(turn.replies)} replies")
        for i, turn in enumerate(t.turns)
        if turn.status not in ANSWERED_STATUSES or not turn.replies
    ]


def no_server_error(t: Transcript) -> list[Violation]:
    """No ERROR line or Traceback in the action server's or Rasa's log during the turn. With several
    senders at once a line is charged to the conversation whose turn read it, possibly a neighbour's."""
    return [Violation("no_server_error", i, turn.errors[0][:300]) for i, turn in enumerate(t.turns) if turn.errors]


def case_exactly_when_consented(t: Transcript) -> list[Violation]:
    """A case is stored if and only if the artisan said yes to the consent question (their last answer
    to it) and gave a phone number; what was consented to is kept even if the artisan then leaves
    (issue 12 item 1). The artisan model never gives a phone number without being asked for it. Consent taken
    back after the number ("annulez ma demande") is a last answer that is not a yes: its case must be gone. An
    address given instead of a number is a way to be reached too: the advisor writes (2026-12-03)."""
    expected = t.consented() and t.gave_a_way_to_be_reached()
    if expected and t.case is None:
        return [
            Violation("case_exactly_when_consented", None, "consent and a phone or an address given, no case stored")
        ]
    if not expected and t.case is not None:
        return [
            Violation(
                "case_exactly_when_consented", None, f"case {t.case.get('reference')} stored without consent and phone"
            )
        ]
    return []


def case_has_the_right_departement(t: Transcript) -> list[Violation]:
    """The stored case carries the département of the last place the artisan named (code, name, town or
    postcode, or a correction), and none when no place was named."""
    if t.case is None:
        return []
    expected, stored = t.departement(), t.case.get("departement")
    if stored != expected:
        return [Violation("case_has_the_right_departement", None, f"stored {stored!r}, artisan named {expected!r}")]
    return []


def _is_pending_question(turn: Turn, index: int) -> bool:
    return index == len(turn.replies) - 1 and turn.state.get("requested_slot") is not None


def no_long_message_repeated(t: Transcript) -> list[Violation]:
    """No bot message over 80 characters said twice in one conversation (issue 12 item 5: guidance and the
    refusal sentence were repeated). Not counted: a question being asked (the last message of a turn that
    leaves `requested_slot` set; asking again is judged by `no_question_after_its_answer`) and an answer
    to a question the artisan asked (asked twice, answered twice)."""
    seen: Counter[str] = Counter()
    violations = []
    for i, turn in enumerate(t.turns):
        if turn.kind in ("question_back", "free_text_question"):
            continue
        for j, text in enumerate(turn.replies):
            if len(text) <= LONG_MESSAGE or _is_pending_question(turn, j):
                continue
            seen[text] += 1
            if seen[text] == 2:
                violations.append(Violation("no_long_message_repeated", i, text[:120]))
    return violations


def no_question_after_its_answer(t: Transcript) -> list[Violation]:
    """Once the artisan gave a valid answer to a question (an answer from the pool, or a skip), that
    `requested_slot` is never asked again. A change of mind or a request for a human re-opens the
    handoff's questions (a new yes to consent is needed); "je veux qu'on me rappelle" itself answers the
    callback offer, which is then not asked again."""
    answered: dict[str, int] = {}
    violations = []
    for i, turn in enumerate(t.turns):
        if turn.kind in ("change_of_mind", "ask_human"):
            for slot in HANDOFF_SLOTS:
                answered.pop(slot, None)
        if turn.kind == "change_of_mind":  # "je veux qu'on me rappelle" answers the callback offer
            answered["wants_advisor"] = i
        if turn.answers:
            answered[turn.answers] = i
        asked = turn.state.get("requested_slot")
        if asked in answered:
            violations.append(
                Violation("no_question_after_its_answer", i, f"{asked} asked again, answered at turn {answered[asked]}")
            )
            del answered[asked]  # one violation per answer, not one per later turn
    return violations


def opening_facts_not_asked(t: Transcript) -> list[Violation]:
    """What the first description says explicitly (a trade, a place) fills its slot and is not asked
    (issue 12 item 4, "Listen first"). Only facts written out plainly in pool.yml are counted."""
    given = {fact: i for i, turn in enumerate(t.turns) if turn.kind == "opening" for fact in turn.facts}
    violations = []
    for i, turn in enumerate(t.turns):
        asked = turn.state.get("requested_slot")
        if asked in given and given[asked] <= i:
            violations.append(Violation("opening_facts_not_asked", i, f"{asked} asked, said at turn {given[asked]}"))
            del given[asked]
    return violations


# The crisis path's questions, which come before the handoff's own.
SAFETY_FIRST = ("safety_form", "direct_question_form")


def _handoff_restarted(t: Transcript, kind: str, name: str) -> list[Violation]:
    violations = []
    for i, turn in enumerate(t.turns):
        if turn.kind != kind:
            continue
        state = turn.state
        running = (
            state.get("requested_slot") in HANDOFF_SLOTS
            or state.get("active_loop") == "handoff_form"
            or state.get("case_reference")
            # Asked for at the direct question about suicide: the call is taken (wants_advisor), and the question
            # is asked again, or the crisis path's safety question comes first; the handoff's own questions follow
            # either answer (actions/crisis_actions.py, paused_form).
            or (state.get("active_loop") in SAFETY_FIRST and state.get("wants_advisor") is True)
        )
        if not running:
            violations.append(Violation(name, i, f"requested_slot after: {turn.state.get('requested_slot')!r}"))
    return violations


def callback_after_refusal(t: Transcript) -> list[Violation]:
    """After the callback (or the consent) was refused, a later "oui finalement je veux qu'on me rappelle"
    restarts the handoff: after that turn a handoff question is pending (or the handoff form runs: it
    also asks the place when unknown), or the case already exists. The artisan model only changes its
    mind after a refusal."""
    return _handoff_restarted(t, "change_of_mind", "callback_after_refusal")


def handoff_on_request(t: Transcript) -> list[Violation]:
    """At any moment "je veux parler à quelqu'un" leads to the handoff (issue 12 item 3): after that turn
    a handoff question is pending, or the case already exists."""
    return _handoff_restarted(t, "ask_human", "handoff_on_request")


# The user moves that carry a warning sign (the artisan's own, or reported by someone close); pool.yml lists them
# under these names in the plural, and an artisan's plan says which one it says (tests/simulator/user.py).
SIGN_KINDS = ("warning_sign", "reported_sign")


def crisis_numbers_first_on_a_warning_sign(t: Transcript) -> list[Violation]:
    """A warning sign, whatever question was pending, gets the crisis numbers in the reply's first message and
    `distress` (issue 13). Reported by someone close, the path is about that person (`person_at_risk`, the safety
    question names them); the artisan's own, it is about the writer (2026-12-04)."""
    violations = []
    for i, turn in enumerate(t.turns):
        if turn.kind not in SIGN_KINDS:
            continue
        if not turn.replies or "3114" not in turn.replies[0] or not turn.state.get("distress"):
            violations.append(Violation("crisis_numbers_first_on_a_warning_sign", i, f"first reply {turn.replies[:1]}"))
            continue
        reported = turn.kind == "reported_sign"
        about_the_person = bool(turn.state.get("person_at_risk")) and turn.replies[-1].startswith("Pensez-vous que")
        if reported is not about_the_person:
            who = "the writer" if reported else "someone else"
            violations.append(Violation("crisis_numbers_first_on_a_warning_sign", i, f"path about {who}"))
    return violations


def no_false_alarm(t: Transcript) -> list[Violation]:
    """Apart from its warning signs (said on purpose, the invariant above), the pool expresses no risk to life
    (idioms such as "ce chantier me tue" included), so the `distress` slot never becomes true (triage contract: idioms are not events). One exception, by the
    contract of issue 13: exhaustion may get the direct question about suicide, and then anything but a
    clear no (a skip, a hesitation, another subject asked again) is the crisis path, not a false alarm."""
    for i, turn in enumerate(t.turns):
        if turn.kind in SIGN_KINDS:
            return []  # a warning sign said: distress is expected from here (the invariant above)
        if turn.state.get("distress"):
            if turn.asked == "suicide_thoughts" and turn.kind != "no":
                return []
            return [Violation("no_false_alarm", i, f"distress after {turn.user!r}")]
    return []


def hesitation_never_ends(t: Transcript) -> list[Violation]:
    """A hesitation ("attendez je réfléchis", "euh") at a question never ends the conversation: after it,
    a question is still pending (the same one, asked again softly), or the callback it was the last
    answer to is arranged ("je ne sais pas trop" to "À quel moment ?" is an answer: any time)."""
    return [
        Violation("hesitation_never_ends", i, f"{turn.user!r} at {turn.asked}: no question pending after it")
        for i, turn in enumerate(t.turns)
        if turn.kind == "hesitation"
        and turn.asked
        and turn.state.get("requested_slot") is None
        and not turn.state.get("case_reference")
    ]


def negated_place_never_stored(t: Transcript) -> list[Violation]:
    """A place the artisan says is wrong ("pas le Nord", "c'est pas à Lille") is never the `departement`
    slot after that message (codes compared through the one normaliser, places.departement_code)."""
    from places import departement_code

    violations = []
    for i, turn in enumerate(t.turns):
        if turn.negated and turn.negated != turn.code:
            stored = turn.state.get("departement")
            if stored and departement_code(str(stored)) == turn.negated:
                violations.append(
                    Violation("negated_place_never_stored", i, f"{turn.user!r}: departement={stored!r} after it")
                )
    return violations


def free_text_not_taken_from_a_question(t: Transcript) -> list[Violation]:
    """At a free-text question, a question asked back ("c grave ?") or a bare "oui" is not its answer: the
    slot does not take those words."""
    return [
        Violation("free_text_not_taken_from_a_question", i, f"{turn.asked}={turn.user!r}")
        for i, turn in enumerate(t.turns)
        if turn.kind in ("free_text_question", "bare_yes") and turn.asked and turn.state.get(turn.asked) == turn.user
    ]


# The no-silence fallback (bot/no_silence.py): said when a turn produced nothing, e.g. a form rejecting the message.
NOT_UNDERSTOOD = "je n'ai pas su quoi répondre"
# Moves that are plain answers to the question asked: the bot always knows what to do with them.
PLAIN_ANSWERS = ("answer", "yes", "no", "skip", "bare_yes")


def plain_answer_never_not_understood(t: Transcript) -> list[Violation]:
    """A plain answer to the question asked (an answer from the pool, a yes, a no, a skip, a bare "oui") never gets
    the fallback "Pardon, je n'ai pas su quoi répondre à ce message" (round 25, s25-me1: "ok" to "Voulez-vous aussi
    laisser une adresse e-mail ?" was rejected by the form and got it)."""
    return [
        Violation("plain_answer_never_not_understood", i, f"{turn.user!r} at {turn.asked}")
        for i, turn in enumerate(t.turns)
        if turn.kind in PLAIN_ANSWERS and any(NOT_UNDERSTOOD in reply for reply in turn.replies)
    ]


INVARIANTS: dict[str, Callable[[Transcript], list[Violation]]] = {
    "reply_to_every_message": reply_to_every_message,
    "no_server_error": no_server_error,
    "case_exactly_when_consented": case_exactly_when_consented,
    "case_has_the_right_departement": case_has_the_right_departement,
    "no_long_message_repeated": no_long_message_repeated,
    "no_question_after_its_answer": no_question_after_its_answer,
    "opening_facts_not_asked": opening_facts_not_asked,
    "callback_after_refusal": callback_after_refusal,
    "handoff_on_request": handoff_on_request,
    "no_false_alarm": no_false_alarm,
    "crisis_numbers_first_on_a_warning_sign": crisis_numbers_first_on_a_warning_sign,
    "hesitation_never_ends": hesitation_never_ends,
    "negated_place_never_stored": negated_place_never_stored,
    "free_text_not_taken_from_a_question": free_text_not_taken_from_a_question,
    "plain_answer_never_not_understood": plain_answer_never_not_understood,
}


def check(t: Transcript) -> list[Violation]:
    return [v for invariant in INVARIANTS.values() for v in invariant(t)]


def guidance_figures(transcripts: list[Transcript]) -> dict[str, Any]:
    counts = [n for n in (t.turns_to_guidance() for t in transcripts) if n is not None]
    return {
        "conversations_with_guidance": len(counts),
        "turns_to_first_guidance_median": median(counts) if counts else None,
        "turns_to_first_guidance_max": max(counts) if counts else None,
    }

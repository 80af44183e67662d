"""The simulated artisan: reads what the bot asks (requested_slot, active_loop from the tracker, never
the wording) and answers from the pool, with every kind of detour, all drawn from one seeded generator."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from tests.simulator.invariants import HANDOFF_SLOTS, SIGN_KINDS, Turn
from tests.simulator.pool import VOICES, Entry, Pool, render

# Answers written exactly as the pool has them (a voice would break an e-mail address).
VERBATIM_SLOTS = {"phone", "email"}
YES_NO_SLOTS = {"wants_advisor", "consent_given", "health_consent"}
# Questions answered in the artisan's own words (not yes/no, not a place, not contact details): a question
# asked back or a bare "oui" says nothing there.
FREE_TEXT_SLOTS = {"since_when", "deadline", "trade", "legal_form", "employees", "creditors", "steps_taken"}
# Where a bare "oui" is said instead of the answer: the free-text questions, and the e-mail question, worded as a
# yes/no question ("Voulez-vous aussi laisser une adresse e-mail ?", round 25: the yes was rejected by the form).
BARE_YES_SLOTS = FREE_TEXT_SLOTS | {"email"}
# The handoff's questions after the phone number.
AFTER_THE_PHONE = {"email", "callback_slot", "departement"}
# Detours taken instead of an answer, with their weights.
DETOURS = {
    "hesitation": 3,
    "question_back": 4,
    "off_topic": 3,
    "noise": 2,
    "long": 1,
    "skip": 4,
    "correction": 3,
    "ask_human": 1,
    "farewell": 1,
    "withdrawal": 1,
    "free_text_question": 2,
    "bare_yes": 2,
}


@dataclass
class Artisan:
    """One simulated artisan. `next_turn` returns the next message, or None when the conversation is over."""

    pool: Pool
    rng: random.Random
    max_turns: int = 24
    plan: dict[str, Any] = field(default_factory=dict)
    # The kind of the first detour (the driver rotates it with the seed), so that a bounded run tries every
    # kind of move whatever the draws; later detours are drawn by weight.
    first_detour: str | None = None
    said: list[Turn] = field(default_factory=list)
    done: bool = False

    def __post_init__(self) -> None:
        rng = self.rng
        self.plan = {
            "greet_first": rng.random() < 0.6,
            # the callback offer: accept, refuse for good, or refuse then change one's mind
            "advisor": rng.choices(["accept", "refuse", "refuse_then_accept"], [6, 1, 2])[0],
            "consent": rng.choices(["accept", "refuse", "refuse_then_accept"], [8, 1, 1])[0],
            "wrong_phone_first": rng.random() < 0.3,
            # "pas de téléphone, écrivez-moi à ...": an address for the advisor to write to (round 4, 2026-12-03).
            "email_instead_of_phone": rng.random() < 0.1,
            "voice": rng.choice(VOICES),
            # A warning sign in the second message, the artisan's own or reported by someone close (issue 13).
            "warning_sign": rng.choices([None, *SIGN_KINDS], [8, 1, 1])[0],
            "detour_rate": rng.choice([0.0, 0.1, 0.25, 0.4]),
        }
        self.changed_mind = False
        self.wrong_phone_given = False
        self.openings_sent = 0

    # -- helpers --------------------------------------------------------------------------------------
    def _pick(self, kind: str) -> Entry:
        return self.rng.choice(self.pool.kinds[kind])

    def _turn(
        self, kind: str, entry: Entry, asked: str | None, answers: str | None = None, verbatim: bool = False
    ) -> Turn:
        text = entry.text if verbatim else render(entry.text, self.plan["voice"], self.rng)
        facts = tuple(slot for slot, _ in entry.facts)
        code = entry.code or dict(entry.facts).get("departement")
        turn = Turn(user=text, kind=kind, asked=asked, answers=answers, code=code, facts=facts, negated=entry.negates)
        self.said.append(turn)
        return turn

    def _refused(self) -> bool:
        answers = [(t.answers, t.kind) for t in self.said if t.answers in ("wants_advisor", "consent_given")]
        return bool(answers) and answers[-1][1] in ("no", "withdrawal")

    def _place_given(self) -> str | None:
        codes = [t.code for t in self.said if t.code]
        return codes[-1] if codes else None

    # -- the next message -----------------------------------------------------------------------------
    def next_turn(self, state: dict[str, Any]) -> Turn | None:
        if self.done or len(self.said) >= self.max_turns:
            return None
        asked = state.get("requested_slot")
        if not self.said:
            if self.plan["greet_first"]:
                return self._turn("greeting", self._pick("greetings"), asked)
            return self._opening(asked)
        if self.openings_sent == 0:
            return self._opening(asked)
        if self.plan["warning_sign"] and not any(t.kind in SIGN_KINDS for t in self.said):
            kind = self.plan["warning_sign"]  # its pool list is the kind's name in the plural
            return self._turn(kind, self._pick(f"{kind}s"), asked)
        if asked:
            # A pending first detour is tried at every question until it applies (a correction needs a place).
            if self.rng.random() < self.plan["detour_rate"] or self.first_detour is not None:
                detour = self._detour(asked)
                if detour is not None:
                    return detour
            return self._answer(asked)
        return self._between_questions(state)

    def _opening(self, asked: str | None) -> Turn:
        self.openings_sent += 1
        return self._turn("opening", self.rng.choice(self.pool.openings), asked)

    def _between_questions(self, state: dict[str, Any]) -> Turn:
        """No question pending: the intake has not started, or the handoff is over."""
        if (
            self._refused()
            and not self.changed_mind
            and "refuse_then_accept" in (self.plan["advisor"], self.plan["consent"])
        ):
            self.changed_mind = True
            return self._turn("change_of_mind", self._pick("changes_of_mind"), None)
        if state.get("case_reference") or self._refused():
            if self.rng.random() < 0.3:
                return self._turn("off_topic", self._pick("off_topic"), None)
            self.done = True
            return self._turn("farewell", self._pick("farewells"), None)
        # Nothing asked yet the handoff never came: describe again once, then ask for a human, then leave.
        if self.openings_sent < 2:
            return self._opening(None)
        if not any(t.kind == "ask_human" for t in self.said):
            return self._turn("ask_human", self._pick("ask_human"), None)
        self.done = True
        return self._turn("farewell", self._pick("farewells"), None)

    def _detour(self, asked: str) -> Turn | None:
        kind = self.rng.choices(list(DETOURS), list(DETOURS.values()))[0]
        if self.first_detour is not None:
            kind = self.first_detour
            turn = self._detour_of_kind(kind, asked)
            if turn is not None:
                self.first_detour = None
            return turn
        return self._detour_of_kind(kind, asked)

    def _detour_of_kind(self, kind: str, asked: str) -> Turn | None:
        if kind == "skip":
            if asked in HANDOFF_SLOTS:
                return None  # a skip of the consent or the phone is a refusal in disguise: answer instead
            return self._turn("skip", self._pick("skips"), asked, answers=asked)
        if kind == "correction":
            # At any question, a yes/no one included: "ah non c'est la Somme pas le Nord" refuses nothing.
            # Before any place, a correction states the place meant all the same ("non c'est la Somme").
            current = self._place_given()
            options = [e for e in self.pool.corrections if e.code != current]
            return self._turn("correction", self.rng.choice(options), asked)
        if kind in ("free_text_question", "bare_yes"):
            # "c grave ?" or a bare "oui" to "À qui devez-vous de l'argent ?": once per question at most.
            where = FREE_TEXT_SLOTS if kind == "free_text_question" else BARE_YES_SLOTS
            if asked not in where or any(t.kind == kind and t.asked == asked for t in self.said):
                return None
            entry = self._pick("free_text_questions") if kind == "free_text_question" else Entry("oui")
            return self._turn(kind, entry, asked)
        if kind == "long":
            text = " ".join([self.pool.long_paragraph] * self.rng.randint(3, 8))
            return self._turn("long", Entry(text), asked, verbatim=True)
        if kind == "farewell":
            self.done = True
            return self._turn("farewell", self._pick("farewells"), asked)
        if kind == "withdrawal":
            # Only once the number is given (the case exists): it takes back the consent, so no case is expected.
            if asked not in AFTER_THE_PHONE or not any(t.answers in ("phone", "email_instead") for t in self.said):
                return None
            return self._turn("withdrawal", self._pick("withdrawals"), asked, answers="consent_given")
        source = {
            "hesitation": "hesitations",
            "question_back": "questions_back",
            "off_topic": "off_topic",
            "noise": "noise",
            "ask_human": "ask_human",
        }[kind]
        if kind == "ask_human" and asked in HANDOFF_SLOTS:
            return None
        return self._turn(kind, self._pick(source), asked, verbatim=kind == "noise")

    def _answer(self, asked: str) -> Turn:
        if asked in YES_NO_SLOTS:
            plan = {"wants_advisor": self.plan["advisor"], "consent_given": self.plan["consent"]}.get(asked, "accept")
            first_time = not any(t.answers == asked for t in self.said)
            refuse = plan == "refuse" or (plan == "refuse_then_accept" and first_time and not self.changed_mind)
            if asked == "health_consent":
                refuse = self.rng.random() < 0.3
            kind = "no" if refuse else "yes"
            return self._turn(kind, self._pick(kind), asked, answers=asked)
        if asked == "phone" and self.plan["email_instead_of_phone"]:
            entry = self._pick("addresses_instead_of_phone")
            return self._turn("email_instead", entry, asked, answers="email_instead", verbatim=True)
        if asked == "phone" and self.plan["wrong_phone_first"] and not self.wrong_phone_given:
            self.wrong_phone_given = True
            return self._turn("wrong_phone", self._pick("wrong_phones"), asked, verbatim=True)
        entries = self.pool.answers.get(asked)
        if not entries:  # a question the pool does not know: the artisan skips it
            return self._turn("skip", self._pick("skips"), asked)
        if asked == "suicide_thoughts":
            # A clear no is a "no" (no_false_alarm holds it to no crisis path); anything else is no clear no.
            entry = self.rng.choice(entries)
            kind = "no" if entry.text.startswith("non") else "answer"
            return self._turn(kind, entry, asked, answers=asked)
        if asked == "departement" and self._place_given():
            # Asked where the business is after saying it: the same département, possibly in other words.
            entries = tuple(e for e in entries if e.code == self._place_given()) or entries
        return self._turn("answer", self.rng.choice(entries), asked, answers=asked, verbatim=asked in VERBATIM_SLOTS)

"""A phone number the artisan gave before the phone question (round 12, r12c-14: "joignable au 0639 21 43 65" in the
first message, then "je l'ai donné au début" at the phone question got "Je n'ai pas reconnu ce numéro")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import display_phone, number_owner, phones_in, relative_written_for
from intake.answers import refers_to_number_given
from intake.facts import fold as fold_words
from intake.who_to_call import professional_to_call


def number_given_earlier(tracker: Tracker) -> str | None:
    """The artisan's own phone number said in an earlier message ("slt je suis a Mamoudzou, joignable au 0639 21 43
    65", round 12, r12c-14), E.164; the last one said, never one said to be a relative's ("vous pouvez l'appeler lui ?
    06 ...", a pronoun for the person someone close writes for). None when none was said."""
    latest = tracker.latest_message.get("text")
    said = [event.get("text") or "" for event in tracker.events if event.get("event") == "user"]
    if said and said[-1] == latest:
        said = said[:-1]
    person = relative_written_for(tracker.slots, said)
    for words in reversed(said):
        numbers = phones_in(words)
        if (
            numbers
            and number_owner(words) is None
            and (person is None or number_owner(words, person) is None)
            and not _SOMEONE_ELSES_NUMBER.search(fold_words(words))
            and not professional_to_call(words)  # "appelez mon comptable au 06 ..." (round 26): the accountant's
        ):
            return numbers[-1]
    return None


# "le numéro de mon comptable", "le portable de ma femme": a number that is not the writer's to be called on.
_SOMEONE_ELSES_NUMBER = re.compile(
    r"\b(?:numero|num|portable|tel|telephone|fixe|ligne) (?:de|du|d') ?(?:mon|ma|mes|notre|la|le|l')"
)
# Digits typed at the phone question: a number (right or wrong) the phone validator reads, never a reference back.
_DIGITS_TYPED = re.compile(r"\d(?:[ .-]?\d){5,}")


def earlier_number_at_phone_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any] | None:
    """At the phone question, words sending back to a number said before ("je l'ai donné au début", "c'est le même"):
    that number kept and said back (round 12, r12c-14 got "Je n'ai pas reconnu ce numéro"). None otherwise: the phone
    validator reads the words. The consent is asked before the phone question, so the number is kept with it."""
    words = tracker.latest_message.get("text") or ""
    if (
        tracker.get_slot("requested_slot") != "phone"
        or _DIGITS_TYPED.search(words)
        or not refers_to_number_given(words)
    ):
        return None
    number = number_given_earlier(tracker)
    if number is None:
        return None
    dispatcher.utter_message(text=f"Je garde le {display_phone(number)} que vous m'avez donné au début.")
    return {"phone": number}


def earlier_number_with_consent(tracker: Tracker) -> dict[str, Any]:
    """The artisan's own number said before the consent ("mon 06 c'est le 06 11 22 33 44 rappelez moi vite" in the
    first message), kept when the consent is given with no number kept: round 23, r23a-10, the number was forgotten on
    a first "non", the consent then given, and the phone question asked it again ("je vous l'ai déjà donné au début
    !!"). The consent covers the number; the case says it back (number_read_back). {} otherwise."""
    if tracker.get_slot("phone") not in (None, ""):
        return {}
    number = number_given_earlier(tracker)
    return {"phone": number} if number else {}

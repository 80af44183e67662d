"""The exchanges of round 5 of off-script conversations at the intake questions, over real trackers and the real form
validation: the deadline read where it was said (r5-18), a no said with a reproach (r5-01), a legal form given at the
employees question (r5-31)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake_actions import ValidateSituationForm
from tests.support.trackers import bot, texts, tracker, user

NO_DEADLINE = "aucune échéance connue"


def at_question(slot: str, exchange: list[str], filled: dict | None = None) -> tuple[CollectingDispatcher, dict]:
    """The validation of the last words of ``exchange`` at ``slot``'s question, each earlier answer having been
    followed by the same question again (``filled``: what the slot mappings put in from the last words)."""
    events = [user("l'urssaf me réclame 4312 euros, mise en demeure")]
    for words in exchange:
        events += [{"event": "slot", "name": "requested_slot", "value": slot}, bot(f"question {slot}")]
        events.append(user(words, "inform"))
    events += [{"event": "slot", "name": name, "value": value} for name, value in (filled or {}).items()]
    current = tracker(events, slots={"requested_slot": slot, **(filled or {})}, active_loop="situation_form")
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateSituationForm(), f"validate_{slot}")(exchange[-1], dispatcher, current, {})
    return dispatcher, result


@pytest.mark.parametrize(
    "exchange, filled, stored",
    [
        # r5-18: the first answer is the deadline; it was asked three times, then stored with "je vous dis".
        (["le courrier dit sous un mois. il est garagiste a metz tout seul"], {"trade": "garagiste"}, "sous un mois"),
        (
            ["le courrier dit sous un mois", "il est en micro je crois, depuis 2019", "SOUS UN MOIS je vous dis"],
            {},
            "sous un mois",
        ),
        # r5-01: the no said at first, then said again with a reproach; "je viens de vous dire non" was stored.
        (["non pas de date mais l'urssaf a envoye une mise en demeure la semaine derniere"], {}, NO_DEADLINE),
        (["non pas de date mais l'urssaf a envoye une mise en demeure", "je viens de vous dire non"], {}, NO_DEADLINE),
    ],
)
def test_the_deadline_question_reads_what_was_said(exchange, filled, stored):
    _, result = at_question("deadline", exchange, filled)
    assert result["deadline"] is not None and result["deadline"].startswith(stored), result


def test_a_legal_form_at_the_employees_question_goes_to_the_legal_form_r5_31():
    # "micro je t'ai dit" was stored as the number of employees; the triage action puts "micro" in legal_form.
    dispatcher, result = at_question("employees", ["micro je t'ai dit"], {"legal_form": "micro"})
    assert result == {"employees": None}  # asked again, never "micro je t'ai dit"
    assert texts(dispatcher)[0] == "Merci, c'est noté."

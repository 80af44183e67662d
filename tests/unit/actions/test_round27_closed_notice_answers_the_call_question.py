"""A call asked for soon at the callback offer while the chamber is closed (round 27, lead27-04): the closed notice
answers it (when the advisors are back, and on the crisis path the 3114); "Je ne sais pas répondre à cette question
ici" no longer follows it, as if nothing had been answered. The offer is then asked again."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from actions.intake import question_reply
from actions.services import chamber
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, run, texts, tracker, user
from tests.unit.actions.test_round14_crisis_callback import AT_THE_OFFER, MONDAY_10H, SATURDAY_10H

SUNDAY_21H = "2026-12-06T21:20:00+01:00"  # closed until Monday 7 December, 8 h

# A call asked for soon, as a question, in several voices (none says yes to the offer).
CALL_SOON_ASKED = [
    "vous pouvez m'appeler ce soir ?",
    "qqn peut m appeler ce soir ?",
    "vs pouvez m appeler maintenant svp ?",
    "Bonsoir, est-ce qu'un conseiller peut m'appeler ce soir, s'il vous plaît ?",
    "euh... vous pourriez m'appeler tout de suite ?",
]


def _at_the_offer(typed: str, intent: str, distress: bool):
    slots = {
        "distress": distress,
        "urgency": "critique" if distress else "normale",
        "safe_now": "unsure" if distress else None,
        "difficulty_categories": ["tresorerie"],
        "requested_slot": "wants_advisor",
        "wants_advisor": typed,
    }
    events = AT_THE_OFFER if distress else [user("ma tresorerie est a sec"), bot("Voulez-vous qu'un conseiller ?")]
    return tracker(
        [*events, user(typed, intent), {"event": "slot", "name": "wants_advisor", "value": typed}],
        slots=slots,
        active_loop="handoff_form",
    )


def _notices(said: list[str]) -> list[str]:
    return [text for text in said if text.startswith(("La chambre est fermée", "Les conseillers ne sont pas"))]


@pytest.mark.parametrize("now", [SUNDAY_21H, SATURDAY_10H])
@pytest.mark.parametrize("intent", ["faq", "request_human", "out_of_scope"])
@pytest.mark.parametrize("typed", CALL_SOON_ASKED)
def test_on_the_crisis_path_the_closed_notice_is_the_answer(typed, intent, now, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", now)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed, intent, distress=True), DOMAIN)
    said = texts(dispatcher)
    [notice] = _notices(said)
    assert "3114" in notice and "lundi 7 décembre à 8 h" in notice
    assert question_reply(chamber()) not in said
    assert not any(text.startswith("Je ne sais pas répondre") for text in said)
    assert asked(dispatcher) in ("wants_advisor", "consent_given")


@pytest.mark.parametrize("typed", ["vous pouvez m'appeler maintenant ?", "qqn peut me rappeler tout de suite ?"])
def test_off_the_crisis_path_too(typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SUNDAY_21H)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed, "faq", distress=False), DOMAIN)
    said = texts(dispatcher)
    assert len(_notices(said)) == 1
    assert not any(text.startswith("Je ne sais pas répondre") for text in said)


# Near misses: no notice this turn (open, or a question about something else): what the bot said before stays.
@pytest.mark.parametrize(
    "now, typed",
    [
        (SUNDAY_21H, "c'est payant votre truc ou pas ? on me l'a jamais dit ?"),
        (MONDAY_10H, "c'est payant votre truc ou pas ? on me l'a jamais dit ?"),
    ],
)
def test_a_question_no_notice_answered_is_still_told_so(now, typed, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", now)
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_offer(typed, "out_of_scope", distress=False), DOMAIN)
    assert not _notices(texts(dispatcher))

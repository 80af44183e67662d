"""Round 19 (talkers a, b, c): the time of the call.

- r19a-02: a time said with a number that is refused is kept (it was lost with the number), and never the digits.
- r19a-02, r19a-09: a question to the bot about when the advisors call ("vous rappelez bien ... ?", "pk vous rapelez pas
  dimanche ??") is answered with the hours, never stored as the time of the call.
- r19a-01: a day the advisors do not call (a Sunday, "demain" said on a Saturday), noted at another question, is said
  so at once (the case moved it to Monday, the person was never told).
- r19a-01: the time said with a yes in SMS spelling after a withdrawal ("si rapelé moi mé lundi matin") is kept.
- r19c-06: the time question says the hours an advisor calls overseas, never "de 3 h à 12 h chez vous".
"""

from __future__ import annotations

import pytest

from actions import services
from actions.handoff import asks_when_they_call, closed_day_note, moment_said_with, noted_for_other_questions
from actions.handoff_actions import ValidateHandoffForm
from actions.questions import QUESTIONS
from intake.answers import asks_for_callback
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

SATURDAY = "2026-12-05T15:00:00+01:00"
TUESDAY = "2026-12-08T10:00:00+01:00"
CONTACT = {**SITUATION, "wants_advisor": True, "consent_given": True, "consent_at": "2026-12-01T10:00:00+00:00"}


def answer(question: str, words: str, filled: dict, before: dict | None = None, intent: str = "inform"):
    events = [user("la banque m'a coupé le découvert"), bot("?"), user(words, intent)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    slots = {**CONTACT, **(before or {}), **filled, "requested_slot": question}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced), asked(dispatcher)


# ------------------------------------------------------------ r19a-02: a refused number keeps the time said with it


@pytest.mark.parametrize(
    "words, moment",
    [
        ("zéro sept. 11 22 33 44 55 66, de préférence l'après-midi après 15h", "de préférence l'après-midi après 15h"),
        ("06 11 22 33 4 et plutôt jeudi matin", "plutôt jeudi matin"),
    ],
)
def test_a_refused_number_keeps_the_time_said_with_it(words, moment):
    said, produced, _ = answer("phone", words, {"phone": words}, {"contact_name": "Odile"})
    assert produced.get("phone") is None
    assert produced["callback_slot"] == moment
    assert any(f"le moment de l'appel ({moment})" in text for text in said)


def test_a_refused_number_alone_keeps_no_time():
    _said, produced, _ = answer("phone", "06 11 22 33 4", {"phone": "06 11 22 33 4"}, {"contact_name": "Odile"})
    assert produced.get("phone") is None
    assert "callback_slot" not in produced


def test_the_digits_of_a_number_are_no_part_of_the_moment():
    assert moment_said_with("zero sept. 45 67 89 12 34, le soir vers 17h") == "le soir vers 17h"
    assert moment_said_with("pas avant 14h30, et jamais le lundi") == "pas avant 14h30, et jamais le lundi"


# ------------------------------------------------------------ r19a-02, r19a-09: a question is no time of the call


@pytest.mark.parametrize(
    "words, question",
    [
        ("vous appelez bien aussi le samedi ?", True),
        ("pourquoi vous rappelez pas le soir ?", True),
        ("pq vous appelez jamais le matin ??", True),
        ("c'est bien l'après-midi que vous rappelez ?", True),
        ("les conseillers rappellent aussi le mercredi ?", True),
        # near misses: a wish, even put as a question, and a wish without a question mark
        ("vous pouvez rappeler après 16h ?", False),
        ("vous rappelez bien jeudi matin", False),
        ("jeudi matin ?", False),
        ("plutôt le matin", False),
    ],
)
def test_a_question_about_when_they_call(words, question):
    assert asks_when_they_call(words) is question


@pytest.mark.parametrize("words", ["vous appelez bien le samedi matin ?", "pourquoi vous rappelez pas le week-end ?"])
def test_at_the_time_question_a_question_gets_the_hours_and_the_question_stays(words, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", TUESDAY)
    events = [user("la banque m'a coupé le découvert"), bot("?"), user(words, "ask_why_question")]
    events.append({"event": "slot", "name": "callback_slot", "value": words})
    slots = {**CONTACT, "phone": "+33611223344", "callback_slot": words, "requested_slot": "callback_slot"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced)["callback_slot"] is None
    assert [message["text"] for message in dispatcher.messages] == [
        "Les conseillers appellent du lundi au vendredi, de 8 h à 17 h. "
        "À quel moment, dans ces horaires, peuvent-ils vous joindre ?"
    ]
    assert asked(dispatcher) == "callback_slot"


def test_at_the_time_question_a_wish_put_as_a_question_is_still_the_time(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", TUESDAY)
    words = "vous pouvez m'appeler jeudi vers 11h ?"
    _said, produced, _ = answer("callback_slot", words, {"callback_slot": words}, {"phone": "+33611223344"})
    assert produced["callback_slot"] == "vous pouvez m'appeler jeudi vers 11h"


def test_at_the_email_question_a_question_is_not_noted_as_the_time():
    words = "non merci. vous appelez bien tôt le matin ?"
    said, produced, _ = answer("email", words, {"email": "non précisé"}, {"phone": "+33611223344"}, intent="deny")
    assert produced.get("callback_slot") is None
    assert not any("moment de l'appel" in text for text in said)


# ------------------------------------------------------------ r19a-01: a closed day is said when the time is noted


@pytest.mark.parametrize(
    "moment, note",
    [
        (
            "demain en fin de matinée",
            "Les conseillers n'appellent pas le dimanche 6 décembre : ce sera au plus tôt le lundi 7 décembre.",
        ),
        (
            "dimanche vers 10h",
            "Les conseillers n'appellent pas le dimanche : ils appellent du lundi au vendredi, de 8 h à 17 h.",
        ),
        (
            "samedi aprem",
            "Les conseillers n'appellent pas le samedi : ils appellent du lundi au vendredi, de 8 h à 17 h.",
        ),
        # near misses: an open day, or a closed day said with an open one
        ("lundi matin", ""),
        ("après-demain vers 9h", ""),
        ("samedi ou lundi", ""),
        ("plutôt l'après-midi", ""),  # "le soir" is outside the hours: never noted (round 23, r23b-05)
    ],
)
def test_a_closed_day_is_said_when_the_time_is_noted(moment, note, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY)
    services.chamber.cache_clear()
    assert closed_day_note(moment) == note
    noted = noted_for_other_questions({"callback_slot": moment})
    assert noted == f"Merci, j'ai noté le moment de l'appel ({moment})." + (f" {note}" if note else "")


def test_a_sunday_said_with_the_number_is_told_at_once(monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY)
    words = "06 12 34 56 78 demain matin"
    said, produced, _ = answer("phone", words, {"phone": words}, {"contact_name": "Odile"})
    assert produced["phone"] == "+33612345678"
    assert produced["callback_slot"] == "demain matin"
    assert any("n'appellent pas le dimanche 6 décembre : ce sera au plus tôt le lundi 7 décembre" in t for t in said)


# ------------------------------------------------------------ r19a-01: the yes in SMS spelling after a withdrawal


@pytest.mark.parametrize(
    "words, moment",
    [
        ("bon finalement si rapelé moi mé mardi aprem", "bon finalement si rapelé moi mé mardi aprem"),
        ("ok en fait si rapeler moi jeudi matin", "ok en fait si rapeler moi jeudi matin"),
    ],
)
def test_the_time_said_with_a_yes_in_sms_spelling_is_kept(words, moment):
    assert asks_for_callback(words)
    events = [user("urssaf"), bot("C'est entendu : j'ai retiré votre demande."), user(words, "request_human")]
    slots = {**SITUATION, "wants_advisor": True, "requested_slot": None, "callback_slot": None}
    _dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced)["callback_slot"] == moment


@pytest.mark.parametrize(
    "words", ["surtout ne pas rappeler moi", "pas besoin de rappeler moi", "rappel de l'urssaf reçu"]
)
def test_no_request_is_read_in_other_words(words):
    assert not asks_for_callback(words)


# ------------------------------------------------------------ r19c-06: the hours an advisor calls, overseas


@pytest.mark.parametrize(
    "departement, hours",
    [
        ("972", "de 8 h à 17 h, heure de Paris (appels de 8 h à 12 h chez vous)."),
        ("974", "de 8 h à 17 h, heure de Paris (de 11 h à 20 h chez vous)."),
        ("35", "du lundi au vendredi, de 8 h à 17 h."),
    ],
)
def test_the_time_question_says_the_hours_an_advisor_calls(departement, hours, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", TUESDAY)
    question, _buttons = QUESTIONS["callback_slot"].render(services.chamber(), {"departement": departement})
    assert question.endswith(hours)
    assert "de 3 h" not in question


# ------------------------------------------------------------ r19a-01: the cancel words are never the place


@pytest.mark.parametrize("words", ["annulez ma demande de rappel svp", "je retire ma demande, merci"])
def test_a_withdrawal_at_the_place_question_is_not_the_place(words):
    from actions.handoff_actions import withdraw_consent

    events = [user("urssaf"), bot("Dans quel département ou quelle ville se trouve votre entreprise ?"), user(words)]
    events.append({"event": "slot", "name": "departement", "value": words})
    slots = {**CONTACT, "phone": "+33611223344", "departement": words, "requested_slot": "departement"}
    produced = slot_events(withdraw_consent(tracker(events, slots=slots)))
    assert produced["departement"] is None
    assert produced["consent_given"] is False


def test_a_withdrawal_elsewhere_keeps_the_place():
    from actions.handoff_actions import withdraw_consent

    events = [user("urssaf"), bot("?"), user("annulez ma demande")]
    slots = {**CONTACT, "phone": "+33611223344", "departement": "12", "requested_slot": "email"}
    assert "departement" not in slot_events(withdraw_consent(tracker(events, slots=slots)))

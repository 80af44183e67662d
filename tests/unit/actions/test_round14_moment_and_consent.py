"""Round 14 (A3, A5, B3, B11), over real trackers, the real form validation, a real case store and the actions that
answer outside the forms.

- A5/B3: an hour after the closing ("lundi a 17h30 apres le chantier", "mardi 17h30") was accepted silently: it is said
  to be out of the opening hours and another moment asked at the time question; said earlier (at the offer), it is kept
  and the promise says plainly what the advisors can do instead.
- B3: once the case is stored, "je voudrais changer l'heure du rappel" got the out-of-scope reply and "et à 17h30 c'est
  possible ?" added a category: the moment can be changed as the number can.
- B11: "mais pas le mercredi c'est mon jour de fermeture" was lost from the moment kept.
- A3: "c'est la santé de la patronne pas la mienne. oui vous pouvez le mettre" was read as a refusal of the health
  consent: a yes said after a clarification is a yes.
- The tidy-up of takes_back_callback: one reading of "when or how follows" (intake.answers.when_or_how_follows)."""

from __future__ import annotations

import pytest

from actions import handoff_actions, services
from actions.handoff_actions import (
    MOMENT_ASKED_AFTER_CASE,
    ValidateHandoffForm,
    callback_promise,
    moment_wished,
    takes_back_callback,
    yes_after_clarification,
)
from actions.intake_actions import ActionAcknowledgeSituation
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN, validate
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round14-moment"
THURSDAY = "2026-12-03T10:00:00+01:00"  # open; the default chamber calls from 8 h to 17 h
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
TIME_QUESTION = "À quel moment un conseiller peut-il vous rappeler ?"
OUT = "Les conseillers ne peuvent pas vous appeler"


@pytest.fixture(autouse=True)
def thursday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, THURSDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# ------------------------------------------------------------------ A5/B3: an hour out of the opening hours


def at_time_question(words, history=(), intent="inform"):
    slots = {**consented(), "phone": "+33611223345", "email": "-", "requested_slot": "callback_slot"}
    events = [*history, bot(TIME_QUESTION), user(words, intent), slot("callback_slot", words)]
    current = tracker(events, slots={**slots, "callback_slot": words}, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words, hour",
    [
        ("lundi a 17h30 apres le chantier", "à 17 h 30"),  # words around the moment (round 14, r14a-07)
        ("mardi 17h30", "à 17 h 30"),  # the moment alone (r14b-19)
        ("lundi à 17h30 après mes rendez-vous", "à 17 h 30"),  # r14b-15
        ("vendredi vers 7h avant l'ouverture", "à 7 h"),
        ("oui le soir ca m'arrange mieux", "le soir"),  # a part of the day in other words, as "le soir" alone
    ],
)
def test_an_hour_out_of_the_opening_hours_is_said_and_asked_again(words, hour):
    produced, said = at_time_question(words)
    assert produced["callback_slot"] is None
    assert said[0] == f"{OUT} {hour} : ils appellent de 8 h à 17 h. À quel autre moment peuvent-ils vous joindre ?"
    assert not any(text.startswith(OUT) for text in said[1:])
    # Said again: kept, the promise gives the nearest hour and why.
    produced, said = at_time_question(words, history=[bot(said[0])])
    assert produced["callback_slot"] == words
    assert not any(text.startswith(OUT) for text in said)


@pytest.mark.parametrize(
    "words", ["jeudi 16h45 alors", "lundi mais pas avant 12h30 jsuis sur chantier le matin", "demain vers 9h30"]
)
def test_an_hour_the_advisors_call_is_kept_without_a_word(words):
    produced, said = at_time_question(words)
    assert produced["callback_slot"] == words
    assert not any(text.startswith(OUT) for text in said)


def test_an_hour_out_of_hours_said_after_another_is_asked_for_again():
    # Told 17 h 30 was not possible, then 18 h: a new moment, said so again.
    first = f"{OUT} à 17 h 30 : ils appellent de 8 h à 17 h. À quel autre moment peuvent-ils vous joindre ?"
    produced, said = at_time_question("18h alors", history=[bot(first)])
    assert produced["callback_slot"] is None
    assert said and said[0].startswith(f"{OUT} le soir à 18 h :")


def at_offer(words, intent="affirm"):
    events = [user("la banque m'a coupé le découvert"), bot(OFFER), user(words, intent), slot("wants_advisor", True)]
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}
    current = tracker(
        events, slots={**slots, "wants_advisor": True, "requested_slot": "wants_advisor"}, active_loop="handoff_form"
    )
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words, why",
    [
        ("oui rappelez moi mais seulement mardi 17h30 apres le boulot", "à 17 h 30"),
        ("oui mais pas avant 17h30 jsuis au chantier", "après 17 h 30"),
    ],
)
def test_an_hour_out_of_hours_said_at_the_offer_is_kept_and_the_promise_says_plainly_it_cannot_be(words, why):
    # Kept as said before its question (as "le soir" is, round 11), the promise never a day with no word of the hour.
    produced, _ = at_offer(words)
    assert produced["wants_advisor"] is True and produced["callback_slot"]
    promise = callback_promise(services.chamber(), {"callback_slot": produced["callback_slot"]})
    assert f"(les conseillers ne peuvent pas vous appeler {why} : ils appellent jusqu'à 17 h)" in promise


@pytest.mark.parametrize("words", ["oui rappelez moi mardi vers 16h", "oui mais pas avant 14h svp"])
def test_an_hour_the_advisors_call_said_at_the_offer_is_kept(words):
    produced, said = at_offer(words)
    assert produced["callback_slot"]
    assert not any(text.startswith(OUT) for text in said)


# ------------------------------------------------------------------ B3: the moment changed once the case is stored


def stored_case():
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    current = tracker(
        [*events, slot("phone", "06 11 22 33 45")],
        slots={**consented(), "phone": "06 11 22 33 45", "callback_slot": "lundi", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    reference = slot_events(produced)["case_reference"]
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 le lundi 7 décembre."
    return reference, promise


def after_case(words, reference, last_bot, intent="describe_situation", action=ActionAcknowledgeSituation):
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot="lundi")
    current = tracker(
        [user("la banque m'a coupé le découvert"), bot(last_bot), user(words, intent)], slots=slots, sender_id=SENDER
    )
    dispatcher, produced = run(action(), current)
    return slot_events(produced), texts(dispatcher), produced


def listens(produced):
    return any(e.get("event") == "followup" and e.get("name") == "action_listen" for e in produced)


@pytest.mark.parametrize(
    "words, intent",
    [
        ("je voudrais changer l'heure du rappel", "out_of_scope"),
        ("on peut decaler l'appel svp", "describe_situation"),
        ("l'horaire du rappel je peux le modifier ?", "faq"),
    ],
)
def test_a_change_of_moment_asked_after_the_case_asks_the_moment(words, intent):
    from actions.ask_actions import ActionOutOfScope

    reference, promise = stored_case()
    produced, said, events = after_case(words, reference, promise, intent, action=ActionOutOfScope)
    assert said == [MOMENT_ASKED_AFTER_CASE] and listens(events)
    assert "difficulty_categories" not in produced
    assert [case.callback_slot for case in stored_cases()] == ["lundi"]


@pytest.mark.parametrize(
    "words, moment, promised",
    [
        ("mardi vers 10h", "mardi vers 10h", "le mardi 8 décembre, vers 10 h"),
        ("plutot jeudi aprem", "plutot jeudi aprem", "le jeudi 10 décembre, dans l'après-midi"),
    ],
)
def test_the_moment_given_after_it_was_asked_replaces_the_cases(words, moment, promised):
    reference, _ = stored_case()
    produced, said, events = after_case(words, reference, MOMENT_ASKED_AFTER_CASE)
    assert produced["callback_slot"] == moment and listens(events)
    assert said == [f"C'est corrigé : un conseiller vous rappellera {promised}. Votre référence reste {reference}."]
    assert [case.callback_slot for case in stored_cases()] == [moment]


@pytest.mark.parametrize(
    "words, moment, promised",
    [
        ("je voudrais changer l'heure du rappel, plutôt jeudi 9h", "plutôt jeudi 9h", "le jeudi 10 décembre, vers 9 h"),
        ("et mardi 16h45 c'est possible ?", "mardi 16h45", "le mardi 8 décembre, vers 16 h 45"),
        ("vendredi matin ça irait ?", "vendredi matin", "le vendredi 4 décembre, dans la matinée"),
    ],
)
def test_a_moment_said_with_its_change_or_asked_as_a_question_replaces_the_cases(words, moment, promised):
    reference, promise = stored_case()
    produced, said, _ = after_case(words, reference, promise)
    assert produced["callback_slot"] == moment
    assert said == [f"C'est corrigé : un conseiller vous rappellera {promised}. Votre référence reste {reference}."]
    assert [case.callback_slot for case in stored_cases()] == [moment]


def test_the_moment_already_kept_asked_again_is_said_kept():
    reference, promise = stored_case()
    produced, said, events = after_case("et lundi c'est possible ?", reference, promise)
    assert "callback_slot" not in produced and listens(events)
    assert said == [
        f"C'est bien ce qui est noté : un conseiller vous rappellera le lundi 7 décembre. Votre référence reste {reference}."
    ]


def test_an_hour_out_of_hours_asked_after_the_case_is_said_so_and_the_case_keeps_its_moment():
    reference, promise = stored_case()
    produced, said, events = after_case(
        "et à 17h30 c'est possible ? avant je suis avec des clientes", reference, promise
    )
    assert "callback_slot" not in produced and "difficulty_categories" not in produced and listens(events)
    assert said == [f"{OUT} à 17 h 30 : ils appellent de 8 h à 17 h. À quel autre moment peuvent-ils vous joindre ?"]
    assert [case.callback_slot for case in stored_cases()] == ["lundi"]
    # The answer to that question is the new moment.
    produced, said, _ = after_case("bon ben 16h30 alors", reference, said[0])
    assert produced["callback_slot"] == "bon ben 16h30 alors" or produced["callback_slot"].endswith("16h30 alors")
    assert said[0].startswith("C'est corrigé : un conseiller vous rappellera vers 16 h 30")


@pytest.mark.parametrize(
    "words",
    [
        "je voudrais changer de numéro",  # the number, not the moment
        "c'est possible de payer en 3 fois ?",  # a question about the situation
        "il faut décaler la date de l'audience",  # another date than the call's
        "et si je paie lundi c'est bon ?",  # a day of the situation, asked about
        "merci beaucoup",
    ],
)
def test_other_words_after_the_case_change_no_moment(words):
    reference, promise = stored_case()
    produced, said, _ = after_case(words, reference, promise)
    assert "callback_slot" not in produced
    assert MOMENT_ASKED_AFTER_CASE not in said
    assert not any(text.startswith("C'est corrigé : un conseiller") for text in said)
    assert [case.callback_slot for case in stored_cases()] == ["lundi"]


# ------------------------------------------------------------------ B11: a day refused is kept with the moment


@pytest.mark.parametrize(
    "words, kept",
    [
        (
            "l'apres midi apres 14h le matin c'est le rush. mais pas le mercredi c'est mon jour de fermeture",
            "l'apres midi apres 14h le matin c'est le rush ; mais pas le mercredi c'est mon jour de fermeture",
        ),
        ("le matin avant 11h. sauf le lundi on est fermé", "le matin avant 11h ; sauf le lundi on est fermé"),
        ("pas avant 10h et pas le mercredi", "pas avant 10h et pas le mercredi"),  # already kept: as before
        ("plutot le matin", "plutot le matin"),
    ],
)
def test_a_day_refused_is_kept_with_the_moment(words, kept):
    assert moment_wished(words) == kept


# ------------------------------------------------------------------ A3: a yes said after a clarification


@pytest.mark.parametrize(
    "words, intent",
    [
        ("c'est la santé de la patronne pas la mienne. oui vous pouvez le mettre", "deny"),
        ("c pas moi qui suis malade c mon mari, mais ok notez le", "deny"),
        ("c'est pour mon pere pas pour moi. d'accord allez y", "skip_question"),
        ("euh c'est ma femme qui a eu l'avc, pas moi : oui mettez le", "describe_situation"),
    ],
)
def test_a_yes_after_a_clarification_at_the_health_question_is_a_yes(words, intent):
    _, slots = validate("health_consent", words, {"health_consent": False}, intent=intent)
    assert slots["health_consent"] is True


@pytest.mark.parametrize(
    "words, intent",
    [
        ("c'est la santé de mon mari. non ne le mettez pas", "deny"),
        ("c'est pas moi qui suis malade. oui mais pas les détails", "deny"),
        ("je sais pas trop. oui", "deny"),
        ("non. enfin oui je sais pas", "deny"),
        ("c'est la santé de ma femme pas la mienne", "deny"),  # no yes said
        ("c'est pour ma mere, pas moi. oui ?", "deny"),  # a question
    ],
)
def test_a_no_or_a_narrowed_yes_after_a_clarification_is_no_yes(words, intent):
    _, slots = validate("health_consent", words, {"health_consent": False}, intent=intent)
    assert slots.get("health_consent") is not True
    assert yes_after_clarification(words) is False


# ------------------------------------------------------------------ tidy-up: one reading of "when or how follows"


def test_takes_back_callback_has_no_reading_of_its_own():
    assert not hasattr(handoff_actions, "_NOT_A_MOMENT")


@pytest.mark.parametrize(
    "words, taken_back",
    [
        ("je prefere plus etre rappelee le matin", False),
        ("plus besoin qu'on m'appelle avant lundi", False),
        ("j'aimerais mieux ne pas être appelée sur le portable", False),
        ("plus la peine de me rappeler demain matin", False),
        ("je prefere plus etre rappelee", True),
        ("plus besoin qu'on m'appelle, merci", True),
        ("finalement j'appellerai moi-même demain", True),
        ("laissez tomber le rappel", True),
    ],
)
def test_the_call_refused_then_when_or_how_takes_nothing_back(words, taken_back):
    assert takes_back_callback(words) is taken_back

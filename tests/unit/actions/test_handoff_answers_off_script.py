"""Round 6 of off-script conversations (/work/reports/fix6/r6a-REPORT.md, section C), the handoff's part, over real
trackers and the real actions: answers to the handoff's questions never feed the triage, a day the chamber does not
call is said plainly and the next open day promised, two numbers keep the first, a foreign number gets a foreign
example, and a title alone is no name."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import closed_weekday, only_a_title, phones_in, without_weekday
from actions.handoff_actions import FOREIGN_NUMBER_NOT_READ, TITLE_ONLY, ActionFinishHandoff, ValidateHandoffForm
from actions.triage_actions import ValidateTriageSlots, messages_for_triage
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def requested(name):
    return {"event": "slot", "name": "requested_slot", "value": name}


# C1: a slot, a date, a name or a number said at a contact question is no deadline (p10, p19, p30, p31).
@pytest.mark.parametrize(
    "question, words",
    [
        ("email", "mercredi"),
        ("callback_slot", "lundi"),
        ("callback_slot", "samedi"),
        ("callback_slot", "le 14 décembre"),
        ("callback_slot", "entre midi et deux"),
        ("phone", "06 12 34 56 78 ou sinon le 07 98 76 54 32"),
        ("contact_name", "Marc"),
    ],
)
def test_answers_to_contact_questions_never_reach_the_triage(question, words):
    events = [user("mon chiffre d'affaires a baissé de moitié"), bot(OFFER), requested(question), user(words, "inform")]
    assert messages_for_triage(events) == ["mon chiffre d'affaires a baissé de moitié"]


def test_a_statement_about_the_business_at_a_contact_question_still_counts():
    words = "vous rappelez quand ? c'est demain la saisie sur mon compte"
    events = [user("la banque bloque mon compte"), requested("callback_slot"), user(words)]
    assert words in messages_for_triage(events)


@pytest.mark.parametrize("question", ["phone", "contact_name", "email", "callback_slot"])
@pytest.mark.parametrize("words", ["je veux mourir", "j'en peux plus"])
def test_a_warning_sign_at_a_contact_question_always_reaches_the_triage(question, words):
    # Short words are no contact answer when they carry a sign: the crisis path must read them.
    events = [user("la banque bloque mon compte"), bot(OFFER), requested(question), user(words)]
    assert words in messages_for_triage(events)


@pytest.mark.parametrize("words", ["lundi", "mercredi", "samedi", "le 14 décembre"])
def test_a_callback_day_leaves_the_urgency_as_it_was(words):
    slots = {
        **SITUATION,
        "urgency": "normale",
        "difficulty_categories": ["baisse_activite"],
        "requested_slot": "callback_slot",
    }
    events = [
        user("mon chiffre d'affaires a baissé de moitié depuis l'été"),
        requested("callback_slot"),
        user(words, "inform"),
    ]
    _, produced = run(ValidateTriageSlots(), tracker(events, slots=slots, active_loop="handoff_form"))
    assert slot_events(produced).get("urgency", "normale") == "normale"


# Round 15 (r15a-16): a moment for the call said at the place question, with no place, is no deadline either; a place
# said there, with or without a day, is still read.
@pytest.mark.parametrize("words", ["samedi matin", "non j'ai dit le matin", "lundi vers 14h"])
def test_a_moment_at_the_place_question_never_reaches_the_triage(words):
    events = [user("un contrôle fiscal, réponse le 20 janvier"), requested("departement"), user(words, "inform")]
    assert messages_for_triage(events) == ["un contrôle fiscal, réponse le 20 janvier"]


@pytest.mark.parametrize("words", ["Lens", "dans le 62", "à Lens, samedi je suis là"])
def test_a_place_at_the_place_question_still_reaches_the_triage(words):
    events = [user("un contrôle fiscal, réponse le 20 janvier"), requested("departement"), user(words, "inform")]
    assert words in messages_for_triage(events)


def test_a_moment_at_the_place_question_leaves_the_deadline_and_the_urgency_as_they_were():
    slots = {
        **SITUATION,
        "deadline": "le 20 janvier",
        "urgency": "normale",
        "difficulty_categories": ["impots"],
        "requested_slot": "departement",
    }
    events = [
        user("un contrôle fiscal qui me réclame 25000, je dois répondre le 20 janvier"),
        {"event": "slot", "name": "deadline", "value": "le 20 janvier"},
        requested("departement"),
        user("samedi matin", "inform"),
        {"event": "slot", "name": "deadline", "value": "samedi"},
    ]
    _, produced = run(
        ValidateTriageSlots(), tracker(events, slots={**slots, "deadline": "samedi"}, active_loop="situation_form")
    )
    changed = slot_events(produced)
    assert changed.get("deadline", "le 20 janvier") == "le 20 janvier"
    assert changed.get("urgency", "normale") == "normale"


# C2: a closed day (configuration: Monday to Friday) is said, and the next open day promised with its right weekday.
@pytest.mark.parametrize(
    "slot, part",
    [("samedi", None), ("samedi matin", "matin"), ("dimanche après-midi", "après-midi"), ("lundi", None)],
)
def test_closed_days_are_read_from_the_opening_days(slot, part):
    closed = closed_weekday(slot, range(5))
    assert (closed is None) == (slot == "lundi")
    if closed is not None:
        assert (without_weekday(slot) or None) == part


@pytest.mark.parametrize("slot", ["samedi", "samedi matin"])
def test_a_saturday_callback_is_said_impossible_and_the_next_working_day_promised(monkeypatch, slot):
    monkeypatch.setenv("RELAIS_NOW", "2026-12-04T14:00:00+01:00")  # Friday 4 December 2026
    slots = consented(phone="+33612345678", callback_slot=slot, email="non précisé")
    dispatcher, _ = run(ActionFinishHandoff(), tracker([user("ok"), user(slot)], slots=slots))
    [text] = texts(dispatcher)
    assert "n'appellent pas le samedi" in text
    assert "10 décembre" not in text and "2027" not in text
    assert "lundi 7 décembre" in text or "mardi 8 décembre" in text


# C4, C6: two numbers keep the first; a foreign number is taken with its code, a wrong one gets a foreign example.
def test_two_numbers_keep_the_first():
    assert phones_in("06 12 34 56 78 ou sinon le 07 98 76 54 32") == ["+33612345678", "+33798765432"]


def phone_turn(words, filled):
    events = [user("la banque m'a coupé le découvert"), bot(OFFER), user(words, "inform")]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    current = tracker(
        events,
        slots={**SITUATION, **consented(), **filled, "phone": None, **filled, "requested_slot": "phone"},
        active_loop="handoff_form",
    )
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return dispatcher, slot_events(produced)


def test_the_form_keeps_the_first_of_two_numbers_and_says_so():
    dispatcher, produced = phone_turn("06 12 34 56 78 ou sinon le 07 98 76 54 32", {"phone": "07 98 76 54 32"})
    assert produced["phone"] == "+33612345678"
    assert any("07 98 76 54 32" in text for text in texts(dispatcher))


@pytest.mark.parametrize("words, phone", [("+44 7911 123456", "+447911123456"), ("+32 470 12 34 56", "+32470123456")])
def test_foreign_numbers_with_their_code_are_taken(words, phone):
    _, produced = phone_turn(words, {"phone": words})
    assert produced["phone"] == phone


def test_a_foreign_number_not_read_gets_a_foreign_example():
    dispatcher, produced = phone_turn("+44 7700 900123", {"phone": "+44 7700 900123"})
    assert produced["phone"] is None
    assert FOREIGN_NUMBER_NOT_READ in texts(dispatcher)


def test_a_number_in_words_is_read():
    _, produced = phone_turn("zéro six douze trente-quatre cinquante-six soixante-dix-huit", {})
    assert produced["phone"] == "+33612345678"


def test_an_address_instead_of_a_number_is_kept_whatever_the_intent():
    # The simulator (seed 20261230): read as a faq question, no mapping took it and the phone question came again.
    dispatcher, produced = phone_turn("Pas de tel. Vous pouvez m'écrire sur jean-marc.dupre@example.net", {})
    assert produced.get("email") == "jean-marc.dupre@example.net"
    assert any("jean-marc.dupre@example.net" in text for text in texts(dispatcher))


# C10: a title alone is no name.
@pytest.mark.parametrize(
    "name, title", [("Mme", True), ("M.", True), ("Madame", True), ("Mme Dupuis", False), ("Marc", False)]
)
def test_a_title_alone_is_no_name(name, title):
    assert only_a_title(name) is title


def test_the_form_asks_again_after_a_title_alone():
    events = [user("la banque m'a coupé le découvert"), bot(OFFER), user("Mme", "inform")]
    events.append({"event": "slot", "name": "contact_name", "value": "Mme"})
    slots = {**SITUATION, **consented(), "contact_name": "Mme", "requested_slot": "contact_name"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced)["contact_name"] is None
    assert TITLE_ONLY in texts(dispatcher)


# C3: preferences said out of turn are kept; "ok" to the time question is "dès que possible", never "ok".
@pytest.mark.parametrize(
    "words", ["entre midi et deux", "le plus vite possible svp", "le 14 décembre", "plutot le matin"]
)
def test_a_time_said_at_the_email_question_is_kept_for_the_callback(words):
    events = [user("la banque m'a coupé le découvert"), bot(OFFER), user(words, "inform")]
    events.append({"event": "slot", "name": "email", "value": words})
    slots = {**SITUATION, **consented(phone="+33612345678"), "email": words, "requested_slot": "email"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    produced = slot_events(produced)
    assert produced.get("callback_slot") == words
    assert not any("adresse" in text.lower() for text in texts(dispatcher))


def test_a_time_said_with_the_number_is_kept():
    words = "mon numéro c'est le 06 12 34 56 78 mais rappelez après 17h30"
    _, produced = phone_turn(words, {"phone": "06 12 34 56 78"})
    assert produced["phone"] == "+33612345678" and produced["callback_slot"] == "rappelez après 17h30"


def test_ok_to_the_time_question_is_as_soon_as_possible():
    events = [user("la banque m'a coupé le découvert"), bot(OFFER), user("ok", "affirm")]
    events.append({"event": "slot", "name": "callback_slot", "value": "ok"})
    slots = {**SITUATION, **consented(phone="+33612345678"), "callback_slot": "ok", "requested_slot": "callback_slot"}
    _, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    assert slot_events(produced)["callback_slot"] == "dès que possible"


# C7 and D1: a mind changed to a yes after a refusal, and a number after an unanswered offer, take the handoff up.
@pytest.mark.parametrize("words", ["non finalement d'accord", "bon finalement oui", "en fait ok"])
def test_a_change_of_mind_to_yes_after_a_refused_consent_asks_the_consent_again(words):
    from actions.handoff_actions import callback_taken_up_again

    slots = {**SITUATION, "wants_advisor": True, "consent_given": False}
    dispatcher = CollectingDispatcher()
    events = callback_taken_up_again(
        dispatcher, tracker([bot(OFFER), user("je préfère pas"), user(words)], slots=slots)
    )
    assert events is not None and slot_events(events)["consent_given"] is None


@pytest.mark.parametrize("words", ["non finalement je ne veux pas", "non merci"])
def test_a_refusal_said_again_takes_nothing_up(words):
    from actions.handoff_actions import callback_taken_up_again

    slots = {**SITUATION, "wants_advisor": True, "consent_given": False}
    assert callback_taken_up_again(CollectingDispatcher(), tracker([bot(OFFER), user(words)], slots=slots)) is None


def test_a_number_after_an_unanswered_offer_is_a_yes():
    from actions.handoff_actions import callback_taken_up_again

    history = [
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
        user("bon, Marc", "goodbye"),
    ]
    events = callback_taken_up_again(
        CollectingDispatcher(), tracker([*history, user("0033 6 12 34 56 78")], slots=dict(SITUATION))
    )
    assert events is not None
    produced = slot_events(events)
    assert produced["wants_advisor"] is True and produced["phone"] == "+33612345678"

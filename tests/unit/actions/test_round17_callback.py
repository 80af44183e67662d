"""Round 17 (a.md H8, H12, H13, M3, M4, M5; b.md F7, F9, F13, F15, F20): the time of the call, a human asked for now,
and what is said once the case is stored. Real trackers, the real form validation, the real actions and a real case
store. New sentences of our own (other trades, other voices), and near misses that must not change."""

from __future__ import annotations

import pytest

from actions.crisis_actions import asks_for_a_call
from actions.faq_actions import ActionAnswerFaq
from actions.handoff import moment_said_with
from actions.handoff_actions import ValidateHandoffForm, callback_taken_up_again, moment_wished
from actions.intake_actions import ActionAcknowledgeSituation, ActionAnswerOutsideQuestion
from chamber.hours import CallbackPreference
from ops import clock
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "round17-callback"
THURSDAY = "2026-12-03T10:00:00+01:00"  # open; the default chamber calls from 8 h to 17 h
SATURDAY = "2026-12-05T15:00:00+01:00"  # closed


@pytest.fixture(autouse=True)
def thursday(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, THURSDAY)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# ------------------------------------------------------------------ F7, H8: how one feels is no time for the call


@pytest.mark.parametrize(
    "words",
    [
        "salut, je me sens un peu mieux cet après-midi, rappelez-moi pour la banque",
        "ce matin c'était vraiment dur, je veux bien un rappel",
        "j'aimerais parler à quelqu'un, ce soir c'est trop lourd",
        "bonsoir, ça va mieux ce soir. je veux bien qu'on m'appelle pour le loyer",
        "j'ai pas dormi cette nuit, le matin je suis épuisée, rappelez-moi",
    ],
)
def test_a_feeling_with_a_time_of_day_is_no_moment_for_the_call(words):
    assert moment_said_with(words) is None
    assert moment_wished(words) is None


@pytest.mark.parametrize(
    "words",
    [
        "le matin ça va, l'après-midi je suis au chantier",  # "ça va" = the morning suits
        "plutôt le soir, c'est mieux",
        "jeudi vers 15h si c'est possible",
        "rappelez-moi demain matin, l'après-midi c'est compliqué",
    ],
)
def test_a_moment_said_with_no_feeling_is_still_kept(words):
    assert moment_said_with(words)


def test_the_shop_closing_said_with_a_verb_is_a_moment_but_not_a_business_closed():
    # M3 class: "quand le salon ferme" was read as the situation ("ferme"), and the moment refused as an e-mail.
    assert moment_said_with("vers 16h30 quand la boutique ferme pour la pause")
    assert moment_said_with("la boutique ferme depuis lundi") is None


# ------------------------------------------------------------------ M4: "en fin de journée" read one way


def test_end_of_the_day_fits_the_advisors_last_hour_and_the_evening_does_not():
    assert CallbackPreference.read("plutôt en fin de journée vers la fin").part == "late"
    hours = __import__("actions.services", fromlist=["chamber"]).chamber().opening_hours
    at = clock.now()
    assert hours.wish_out_of_hours(at, "en fin de journée svp") is None
    assert "jusqu'à 17 h" in hours.callback_promise(at, "en fin de journée svp")
    assert hours.wish_out_of_hours(at, "le soir après le dîner")  # still said plainly
    assert hours.wish_out_of_hours(at, "en fin de journée, après 19h") is not None


def at_time_question(words, value, intent="inform"):
    events = [user("la banque m'a coupé le découvert"), bot("À quel moment ?"), user(words, intent)]
    events.append(slot("callback_slot", value))
    current = tracker(
        events,
        slots={**consented(), "phone": "+33611223345", "callback_slot": value, "requested_slot": "callback_slot"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return texts(dispatcher), slot_events(produced)


def test_end_of_the_day_at_the_time_question_is_kept():
    said, produced = at_time_question("en fin de journée", "en fin de journée")
    assert produced["callback_slot"] == "en fin de journée"
    assert not any("ne peuvent pas vous appeler" in text for text in said)


# ------------------------------------------------------------------ M5: a question at the time question is answered


@pytest.mark.parametrize("words", ["et on peut m'appeler vers 20h ?", "vous rappelez le soir après 19h ?"])
def test_an_hour_asked_that_the_advisors_never_call_is_answered_and_not_kept(words):
    said, produced = at_time_question(words, moment_wished(words), intent="faq")
    assert produced.get("callback_slot") is None
    assert any("ne peuvent pas vous appeler" in text and "de 8 h à 17 h" in text for text in said)


def test_an_hour_asked_that_fits_is_kept():
    words = "et vers 11h c'est possible ?"
    _said, produced = at_time_question(words, moment_wished(words), intent="faq")
    assert produced["callback_slot"]


# ------------------------------------------------------------------ M3, F15: a moment at the e-mail question


def at_email_question(action, words, intent, **extra):
    slots = {**consented(), "phone": "+33611223345", "case_reference": "RL-TEST17", "requested_slot": "email", **extra}
    events = [user("la banque m'a coupé le découvert"), bot("Voulez-vous aussi laisser une adresse e-mail ?")]
    current = tracker([*events, user(words, intent)], slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, produced = run(action, current, DOMAIN)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "action, words, intent",
    [
        (
            ActionAcknowledgeSituation(),
            "quand vous voulez sauf entre 11h et 13h, c'est le rush au restaurant",
            "describe_situation",
        ),
        (ActionAnswerFaq(), "mardi matin avant que je parte sur le chantier si possible", "faq"),
    ],
)
def test_a_moment_at_the_email_question_read_outside_the_form_is_kept(action, words, intent):
    said, produced = at_email_question(action, words, intent)
    assert produced["callback_slot"]
    assert any("le moment de l'appel" in text for text in said)


def test_a_situation_date_at_the_email_question_is_no_moment():
    _said, produced = at_email_question(ActionAcknowledgeSituation(), "l'huissier passe jeudi", "describe_situation")
    assert "callback_slot" not in produced


def test_an_hour_never_called_asked_at_the_email_question_is_answered():
    said, produced = at_email_question(ActionAnswerFaq(), "vous appelez le samedi soir ?", "faq")
    assert "callback_slot" not in produced
    assert any("ne peuvent pas vous appeler" in text for text in said)


# ------------------------------------------------------------------ H8, F20: a bare moment once the case is stored


def stored_case(moment=None):
    events = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    current = tracker(
        [*events, slot("phone", "06 11 22 33 45")],
        slots={**consented(), "phone": "06 11 22 33 45", "callback_slot": moment, "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return slot_events(produced)["case_reference"]


def after_case(action, words, intent, reference, moment=None):
    slots = consented(phone="+33611223345", case_reference=reference, email="-", callback_slot=moment)
    slots["requested_slot"] = None
    promise = f"C'est noté, votre référence est {reference}. Un conseiller vous rappellera au 06 11 22 33 45 bientôt."
    events = [user("la banque m'a coupé le découvert"), bot(promise), user(words, intent)]
    current = tracker(events, slots=slots, sender_id=SENDER)
    dispatcher, produced = run(action, current, DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize("words, intent", [("l'après-midi plutôt", "inform"), ("n'importe quand", "nlu_fallback")])
def test_a_bare_moment_after_the_case_changes_its_moment(words, intent):
    reference = stored_case()
    produced, said = after_case(ActionAcknowledgeSituation(), words, intent, reference)
    assert produced["callback_slot"] and produced["callback_slot"] in words
    assert [case.callback_slot for case in stored_cases()] == [produced["callback_slot"]]
    assert any(reference in text for text in said)


def test_a_sentence_about_the_situation_after_the_case_is_no_moment():
    reference = stored_case()
    produced, _ = after_case(
        ActionAcknowledgeSituation(), "le fournisseur relance depuis lundi", "describe_situation", reference
    )
    assert "callback_slot" not in produced


# ------------------------------------------------------------------ H12: a correction after the goodbye


def test_words_after_the_goodbye_are_added_to_the_case():
    reference = stored_case("le matin")
    produced, said = after_case(
        ActionAnswerOutsideQuestion(), "ah et j'oubliais, la banque c'est 12000 pas 10000", "affirm", reference
    )
    assert produced["case_reference"] == reference
    assert said == [f"C'est noté : je l'ajoute à votre demande, référence {reference}. Le conseiller le verra."]
    [case] = stored_cases()
    assert any("12000" in str(entry.get("text")) for entry in case.transcript)


def test_a_bare_yes_after_the_case_adds_nothing():
    reference = stored_case("le matin")
    _, said = after_case(ActionAnswerOutsideQuestion(), "oui", "affirm", reference)
    assert not any("je l'ajoute" in text for text in said)


# ------------------------------------------------------------------ H13: the call asked for after a goodbye


def offer_then_goodbye(words):
    events = [
        user("le client paie pas, 8000 euros"),
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
        slot("requested_slot", "wants_advisor"),
        user("bon merci bonne soirée", "goodbye"),
        bot("Prenez soin de vous."),
        slot("requested_slot", None),
        user(words, "affirm"),
    ]
    return tracker(events, slots={"difficulty_categories": ["tresorerie"]}, sender_id=SENDER)


@pytest.mark.parametrize("words", ["bon d'accord, rappelez-moi", "finalement oui je veux bien qu'on m'appelle"])
def test_the_call_asked_for_after_the_offer_left_open_starts_the_handoff(words):
    from rasa_sdk.executor import CollectingDispatcher

    events = callback_taken_up_again(CollectingDispatcher(), offer_then_goodbye(words))
    assert events is not None
    assert slot_events(events)["wants_advisor"] is True


def test_a_plain_yes_after_the_offer_left_open_is_not_a_call_asked():
    from rasa_sdk.executor import CollectingDispatcher

    assert callback_taken_up_again(CollectingDispatcher(), offer_then_goodbye("oui merci")) is None


# ------------------------------------------------------------------ F9, F13: a human asked for now


@pytest.mark.parametrize(
    "words",
    [
        "est-ce que je peux avoir un conseiller au téléphone aujourd'hui ?",
        "je pourrais parler avec une vraie personne maintenant ?",
        "je peux joindre quelqu'un tout de suite ?",
    ],
)
def test_a_human_asked_for_in_a_question_is_a_call_asked(words):
    assert asks_for_a_call(words)


@pytest.mark.parametrize("words", ["je peux parler de mes dettes ?", "je peux avoir un délai ?"])
def test_other_questions_ask_no_call(words):
    assert not asks_for_a_call(words)


def at_activation(words, distress=False):
    slots = {"difficulty_categories": ["tresorerie"], "urgency": "normale", "distress": distress, "wants_advisor": True}
    current = tracker([user(words, "request_human")], slots=slots, active_loop="handoff_form", sender_id=SENDER)
    dispatcher, _ = run(ValidateHandoffForm(), current, DOMAIN)
    return texts(dispatcher)


def test_a_human_asked_for_now_while_closed_is_told_when_the_advisors_are_back(monkeypatch):
    monkeypatch.setenv(clock.ENV_VAR, SATURDAY)
    said = at_activation("je voudrais parler à une personne tout de suite svp")
    assert any("ne sont pas disponibles en ce moment" in text and "lundi 7 décembre" in text for text in said)
    assert not any("3114" in text for text in said)  # off the crisis path, nobody asked about it


def test_no_notice_while_open_or_when_now_is_not_asked(monkeypatch):
    assert not any(
        "disponibles en ce moment" in text for text in at_activation("je veux parler à quelqu'un maintenant")
    )
    monkeypatch.setenv(clock.ENV_VAR, SATURDAY)
    assert not any("disponibles en ce moment" in text for text in at_activation("je veux bien qu'on me rappelle"))

"""Round 20 (places-names): places and names the artisans typed, read the way they meant them.

r20c-05/-20: "nouméa", "nouvelle calédonie", "988" were "Je n'ai pas reconnu ce lieu"; r20b-04: "bordeaux, enfin
merignac" got "Je vous en prie."; r20c-07: "vienne" was noted 86 with an 04 74 phone of Vienne (Isère); r20b-03,
r20a-10: "macon" at the place question replaced the trade "menuisier"; r20b-03, -07, -12, -14: "appelez l atelier au",
"demandez Patrick", "Juste", "Au Debut" stored as the name, "Mr Lambert" given late and "Francois Dupuis" in the first
message lost."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import NO_NAME_YET, ValidateHandoffForm
from actions.intake import YOU_ARE_WELCOME
from actions.intake_actions import ActionThanksDuringIntake, ValidateSituationForm
from actions.place_validation import QUESTION, place_update
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

CONSENTED = {
    "difficulty_categories": ["cotisations_sociales"],
    "urgency": "normale",
    "distress": False,
    "wants_advisor": True,
    "consent_given": True,
}


def at_place(words: str, slots: dict | None = None, intent: str = "inform"):
    events = [
        user("je suis menuisier, l'urssaf me relance"),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, intent),
    ]
    filled = {"requested_slot": "departement", "departement": words, **(slots or {})}
    dispatcher = CollectingDispatcher()
    result = ValidateSituationForm().validate_departement(words, dispatcher, tracker(events, filled), {})
    return result, texts(dispatcher)


@pytest.mark.parametrize(
    "words, code, commune",
    [
        ("noumea, nouvelle caledonie", "988", "Nouméa"),
        ("Nouméa", "988", "Nouméa"),
        ("988", "988", None),
        ("98800", "988", "Nouméa"),
        ("papeete", "987", "Papeete"),
        ("Polynésie française", "987", None),
        ("wallis et futuna", "986", None),
        ("975", "975", None),
        ("977", "977", None),
        ("st herblain", "44", "Saint-Herblain"),
        ("paris 11e", "75", "Paris"),
        ("paris 11eme", "75", "Paris"),
        ("75011", "75", "Paris"),
        ("paris 11", "75", "Paris"),
    ],
)
def test_the_place_is_kept_with_its_code(words, code, commune):
    result, said = at_place(words)
    assert result["departement"] == code
    assert result.get("commune") == commune
    assert not any("pas reconnu" in text for text in said)


def test_a_lone_eleven_is_still_the_aude():
    assert at_place("dans le 11")[0]["departement"] == "11"


def test_a_place_in_new_caledonia_is_stored_in_the_case():
    from actions.handoff import _DEPARTEMENT

    assert _DEPARTEMENT.match("988") and _DEPARTEMENT.match("987") and not _DEPARTEMENT.match("989")


def place_read_as_thanks(words: str):
    current = tracker(
        [user("je suis coiffeuse, le loyer est en retard"), bot(QUESTION), user(words, "thank")],
        {"requested_slot": "departement"},
        "situation_form",
    )
    dispatcher, events = run(ActionThanksDuringIntake(), current)
    return slot_events(events), texts(dispatcher)


def test_a_place_put_right_read_as_a_thanks_is_the_answer():
    slots, said = place_read_as_thanks("bordeaux, enfin merignac")
    assert slots["departement"] == "33"
    assert slots["commune"] == "Mérignac"
    assert YOU_ARE_WELCOME not in said


@pytest.mark.parametrize("words", ["merci", "merci, c'est gentil", "merci bordeaux"])
def test_a_real_thanks_is_still_welcomed(words):
    slots, said = place_read_as_thanks(words)
    assert "departement" not in slots
    assert said == [YOU_ARE_WELCOME]


@pytest.mark.parametrize(
    "words, phone, update",
    [
        ("vienne", "+33474221133", {"departement": "38", "commune": "Vienne"}),
        ("Vienne", "+33549887766", {"departement": "86", "commune": None}),
        ("vienne", None, {"departement": None, "place_choices": ["Vienne (38)", "Vienne (86)"]}),
        ("à vienne", "+33612345678", {"departement": None, "place_choices": ["Vienne (38)", "Vienne (86)"]}),
        ("dans la vienne", None, {"departement": "86", "commune": None}),
        ("86", "+33474221133", {"departement": "86", "commune": None}),
    ],
)
def test_vienne_is_read_by_the_phone_area_or_asked(words, phone, update):
    result, _ = place_update(words, {"phone": phone})
    assert {name: result.get(name) for name in update} == update


def at_place_with_trade(words: str, trade_known: str | None, entity_trade: str):
    events = [
        user(f"je suis {trade_known}, l'urssaf me relance" if trade_known else "l'urssaf me relance"),
        *([{"event": "slot", "name": "trade", "value": trade_known}] if trade_known else []),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, "inform"),
        {"event": "slot", "name": "trade", "value": entity_trade},
    ]
    slots = {"requested_slot": "departement", "trade": entity_trade}
    dispatcher = CollectingDispatcher()
    return ValidateSituationForm().validate_trade(entity_trade, dispatcher, tracker(events, slots), {})


@pytest.mark.parametrize("words", ["macon", "dans le 71 a cote de Macon"])
def test_macon_said_as_the_place_never_replaces_the_trade(words):
    assert at_place_with_trade(words, "menuisier", "macon") == {"trade": "menuisier"}


def test_macon_said_as_the_trade_stays_the_trade():
    assert at_place_with_trade("je suis macon en fait", "menuisier", "macon") != {"trade": "menuisier"}


def at_name(words: str, first: str = "ma femme est coiffeuse, la banque a bloqué le compte", intent: str = "inform"):
    events = [user(first), bot("Comment le conseiller peut-il vous appeler ?"), user(words, intent)]
    events += [{"event": "slot", "name": "contact_name", "value": words}]
    slots = {**CONSENTED, "contact_name": words, "requested_slot": "contact_name"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words, name",
    [
        ("demandez Patrick, moi c est Nadia", "Patrick"),
        ("demandez Patrick", "Patrick"),
        ("c Olivier", "Olivier"),
        ("non. au fait c est Mr Lambert", "M. Lambert"),
        ("Juliette", "Juliette"),
    ],
)
def test_the_name_asked_for_is_kept(words, name):
    slots, _ = at_name(words)
    assert slots["contact_name"] == name


@pytest.mark.parametrize("words", ["Juste", "Au Debut", "au début"])
def test_words_that_name_nobody_are_never_the_name(words):
    slots, said = at_name(words)
    assert slots["contact_name"] is None
    assert said == [NO_NAME_YET]


def test_where_to_call_is_never_the_name():
    slots, _ = at_name("appelez l atelier au 03 85 41 22 6")
    assert slots["contact_name"] is None


def test_no_first_name_and_only_an_address_is_a_name_declined():
    slots, _said = at_name("pas de prenom. juste mon mail : nadia.r@orange.fr")
    assert slots["contact_name"] == "non précisé"
    assert slots["email"] == "nadia.r@orange.fr"


@pytest.mark.parametrize("words", ["je prefere rester anonyme", "je préfère pas donner mon nom"])
def test_staying_anonymous_passes_the_name_question(words):
    slots, _ = at_name(words)
    assert slots["contact_name"] == "non précisé"


def test_a_name_in_the_first_message_answers_a_reminder():
    slots, said = at_name(
        "je vous l ai deja donné au debut", first="Bonjour, Francois Dupuis, ebeniste, l'urssaf me relance"
    )
    assert slots["contact_name"] == "Francois Dupuis"
    assert said == ["Merci Francois Dupuis, c'est noté."]


@pytest.mark.parametrize("first", ["Bonjour, Saint Etienne, je suis plombier", "Bonjour. Urgent. la banque me lâche"])
def test_a_place_or_a_word_after_the_greeting_is_no_name(first):
    slots, said = at_name("je vous l ai deja donné au debut", first=first)
    assert slots["contact_name"] is None
    assert said == ["Pardon, je ne retrouve pas votre prénom dans vos messages."]


@pytest.mark.parametrize("intent", ["goodbye", "stop_conversation"])
def test_staying_anonymous_read_as_leaving_still_passes_the_name_question(intent):
    from actions.intake_actions import ActionStopConversation

    current = tracker(
        [
            user("la banque a bloqué le compte"),
            bot("Comment le conseiller peut-il vous appeler ?"),
            user("je préfère rester anonyme", intent),
        ],
        {**CONSENTED, "requested_slot": "contact_name"},
        "handoff_form",
    )
    dispatcher, events = run(ActionStopConversation(), current)
    assert slot_events(events)["contact_name"] == "non précisé"
    assert not any("je vous repose la question" in text for text in texts(dispatcher))

"""Round 26: what the handoff says it kept, and keeps what it heard (the real bot, previous round).

1. "appelez plutôt ma femme, 06 12 34 56 78" got "Merci, j'ai noté votre numéro": whose number it is is said, and every
   later confirmation speaks of her ("le conseiller rappellera votre femme au ...").
2. A moment said with the yes ("oui appelez-moi demain matin") was lost at the consent and asked again after the e-mail.
3. A first name said in passing once the case is stored ("au fait cest sylvie", "moi c'est Karim au fait") was not put
   on the case (or stored as the moment of the call).
4. An address dictated or typed with spaces ("jean dupont arobase gmail point com", "jean.dupont @ gmail.com") was
   refused as incomplete: read, normalised by email-validator, and said back.
5. "appelez plutôt mon comptable": the advisor calls the artisan, who may have the accountant with them; no accountant's
   number is kept as the artisan's (intake/who_to_call.py, CALLS_THE_ARTISAN).

Real trackers, the real form validation and actions, the case store of the test; sentences written for these tests
(SMS, no accents, dictation, hesitation)."""

from __future__ import annotations

import pytest

from actions.handoff import normalise_email
from actions.handoff_actions import ValidateHandoffForm, save_case
from actions.intake_actions import ActionGreet
from intake.who_to_call import professional_to_call, someone_else_to_call
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import asked, bot, consented, run, slot_events, texts, tracker, user

OPENING = "je suis plombier, la banque m'a coupé le découvert"
OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"
SENDER = "round26-said-and-kept"


def validate(requested, words, slots, filled, intent="inform", history=(), sender=SENDER):
    """The form's validation when ``words`` answer ``requested`` (the slot mappings gave ``filled``)."""
    events = [user(OPENING), *history, bot("?"), user(words, intent)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    current = tracker(
        events, slots={**slots, **filled, "requested_slot": requested}, active_loop="handoff_form", sender_id=sender
    )
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return dispatcher, slot_events(produced)


# The artisan's own number, typed at its question, and the case stored with it.
OWN_NUMBER = [
    bot("À quel numéro de téléphone peut-il vous joindre ?"),
    user("06 11 22 33 44"),
    {"event": "slot", "name": "phone", "value": "+33611223344"},
    bot("Merci, votre demande est bien enregistrée."),
]


def with_a_stored_case(**extra):
    """The slots once the case is stored with Marc's number (the form goes on with its questions; the conversation
    before is ``OWN_NUMBER``)."""
    slots = consented(contact_name="Marc", phone="+33611223344", **extra)
    reference = save_case(tracker([user(OPENING)], slots=slots, sender_id=SENDER), dict(slots)).reference
    return {**slots, "case_reference": reference}


# ------------------------------------------------------------------ 1. whose number it is, said so


SPOUSE_NUMBER = [
    ("appelez plutôt ma femme, 06 12 34 56 78", "votre femme", "+33612345678"),
    ("appelez plutot ma femme 06 12 34 56 78", "votre femme", "+33612345678"),  # SMS, no accents
    ("euh... appelez plutôt ma femme, 0612345678", "votre femme", "+33612345678"),  # hesitation
    ("appelez plutot mon mari au 06.45.12.78.90", "votre mari", "+33645127890"),
]


@pytest.mark.parametrize("words, who, number", SPOUSE_NUMBER)
def test_a_spouses_number_at_the_name_question_is_said_to_be_hers(words, who, number):
    slots = {k: v for k, v in consented().items() if k != "contact_name"}
    dispatcher, changed = validate("contact_name", words, slots, {"contact_name": words, "phone": words})
    said = " ".join(texts(dispatcher))
    assert changed["phone"] == number
    assert f"j'ai noté le numéro de {who} (" in said, said
    assert "votre numéro" not in said


@pytest.mark.parametrize("words, who, number", SPOUSE_NUMBER)
def test_a_spouses_number_once_the_case_is_stored_is_said_to_be_called(words, who, number):
    slots = with_a_stored_case(email="non précisé")
    dispatcher, changed = validate("callback_slot", words, slots, {"phone": words}, history=OWN_NUMBER)
    said = " ".join(texts(dispatcher))
    assert changed["phone"] == number
    assert f"le conseiller rappellera {who} au " in said, said
    assert "vous rappellera" not in said
    assert stored_cases()[0].phone == number


def test_the_artisans_own_number_is_still_said_to_be_theirs():
    slots = {k: v for k, v in consented().items() if k != "contact_name"}
    words = "06 12 34 56 78"
    dispatcher, _ = validate("contact_name", words, slots, {"contact_name": words, "phone": words})
    assert any(text.startswith("Merci, j'ai noté votre numéro (06 12 34 56 78)") for text in texts(dispatcher))


# ------------------------------------------------------------------ 2. the moment said with the yes


MOMENT_WITH_THE_YES = [
    ("oui appelez-moi demain matin", "demain matin"),
    ("ok mais plutot en fin de journée", "plutot en fin de journée"),  # SMS, no accent
    ("oui vers 10h c'est mieux", "vers 10h c'est mieux"),
    ("ouais svp demain aprem", "demain aprem"),
    ("euh oui, rappelez-moi jeudi matin", "jeudi matin"),  # hesitation
]


@pytest.mark.parametrize("words, moment", MOMENT_WITH_THE_YES)
@pytest.mark.parametrize("intent", ["affirm", "inform"])
def test_a_moment_said_with_the_consent_is_kept_and_not_asked_again(words, moment, intent):
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "wants_advisor": True}
    value = True if intent == "affirm" else words
    dispatcher, changed = validate("consent_given", words, slots, {"consent_given": value}, intent)
    assert changed["consent_given"] is True
    assert changed["callback_slot"] == moment
    assert f"Merci, j'ai noté le moment de l'appel ({moment})." in texts(dispatcher)
    assert asked(dispatcher) != "callback_slot"


@pytest.mark.parametrize("words, moment", MOMENT_WITH_THE_YES)
def test_a_moment_said_with_the_yes_to_the_offer_is_kept_without_the_yes(words, moment):
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}
    _, changed = validate("wants_advisor", words, slots, {"wants_advisor": True}, "affirm", history=[bot(OFFER)])
    assert changed["wants_advisor"] is True
    assert changed["callback_slot"] == moment


def test_an_hour_no_advisor_calls_said_with_the_consent_is_told_and_asked_in_its_turn():
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "wants_advisor": True}
    dispatcher, changed = validate(
        "consent_given", "oui vers 18h c'est mieux", slots, {"consent_given": True}, "affirm"
    )
    assert changed["consent_given"] is True and changed.get("callback_slot") is None
    assert "ne peuvent pas vous appeler" in " ".join(texts(dispatcher))


@pytest.mark.parametrize("words", ["oui", "oui d'accord", "oui, l'audience est lundi"])
def test_no_moment_is_made_up_from_a_yes(words):
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "wants_advisor": True}
    _, changed = validate("consent_given", words, slots, {"consent_given": True}, "affirm")
    assert changed["consent_given"] is True and changed.get("callback_slot") is None


# ------------------------------------------------------------------ 3. a first name said in passing


NAME_IN_PASSING = [
    ("au fait c'est Sylvie", "Sylvie"),
    ("moi c'est Karim au fait", "Karim"),
    ("au fait cest sylvie", "Sylvie"),  # SMS, lower case
    ("ah et moi c karim", "Karim"),
    ("c est Sylvie au fait", "Sylvie"),  # dictated
    ("euh au fait moi cest karim", "Karim"),  # hesitation
]


@pytest.mark.parametrize("words, name", NAME_IN_PASSING)
@pytest.mark.parametrize("requested", ["email", "callback_slot"])
def test_a_name_said_in_passing_after_the_case_is_put_on_it(words, name, requested):
    slots = with_a_stored_case(**({"email": "non précisé"} if requested == "callback_slot" else {}))
    dispatcher, changed = validate(requested, words, slots, {requested: words}, history=OWN_NUMBER)
    assert changed["contact_name"] == name
    assert changed.get(requested) is None  # never the address nor the moment of the call
    assert f"C'est corrigé : le conseiller demandera {name}." in texts(dispatcher)
    assert stored_cases()[0].contact_name == name


@pytest.mark.parametrize("words, name", NAME_IN_PASSING[:3])
def test_a_name_said_in_passing_read_as_a_greeting_is_put_on_the_case(words, name):
    slots = {**with_a_stored_case(email="non précisé"), "requested_slot": "callback_slot"}
    events = [user(OPENING), *OWN_NUMBER, user(words, "greet")]
    dispatcher, produced = run(
        ActionGreet(), tracker(events, slots=slots, active_loop="handoff_form", sender_id=SENDER)
    )
    assert slot_events(produced)["contact_name"] == name
    assert "Bonjour" not in " ".join(texts(dispatcher))
    assert stored_cases()[0].contact_name == name


@pytest.mark.parametrize("words", ["au fait c'est urgent", "bon c'est compliqué", "au fait c'est fermé le lundi"])
def test_words_said_in_passing_that_name_nobody_leave_the_name(words):
    slots = with_a_stored_case()
    _, changed = validate("email", words, slots, {"email": words}, history=OWN_NUMBER)
    assert "contact_name" not in changed
    assert stored_cases()[0].contact_name == "Marc"


# ------------------------------------------------------------------ 4. a dictated address


DICTATED = [
    ("jean dupont arobase gmail point com", "jeandupont@gmail.com"),
    ("jean.dupont @ gmail.com", "jean.dupont@gmail.com"),
    ("jean . dupont@ orange . fr", "jean.dupont@orange.fr"),
    ("jean point dupont arobase gmail point com", "jean.dupont@gmail.com"),
    ("euh c'est jean tiret du bas dupont arobase free point fr", "jean_dupont@free.fr"),
    ("mon mail c est sylvie.martin59 @ laposte . net", "sylvie.martin59@laposte.net"),
]


@pytest.mark.parametrize("words, address", DICTATED)
def test_a_dictated_address_is_kept_normalised_and_said_back(words, address):
    slots = with_a_stored_case()
    dispatcher, changed = validate("email", words, slots, {"email": words}, history=OWN_NUMBER)
    assert changed["email"] == address
    assert f"Merci, j'ai noté votre adresse ({address})." in texts(dispatcher)
    assert stored_cases()[0].email == address


def test_an_address_typed_whole_is_not_said_back():
    words = "jean.dupont@gmail.com"
    dispatcher, changed = validate("email", words, with_a_stored_case(), {"email": words}, history=OWN_NUMBER)
    assert changed["email"] == "jean.dupont@gmail.com"
    assert not any("votre adresse" in text for text in texts(dispatcher))


@pytest.mark.parametrize(
    "words", ["arobase", "jean@", "je vais au point de vente at home", "jean dupont gmail point com"]
)
def test_words_that_make_no_address_are_none(words):
    assert normalise_email(words) is None


# ------------------------------------------------------------------ 5. the accountant


ACCOUNTANT = [
    ("appelez plutôt mon comptable", "inform", None),
    ("appelez plutot mon comptable", "inform", None),  # SMS
    ("oui mais plutôt mon comptable, c'est lui qui gère", "affirm", None),
    ("vous pouvez appeler mon comptable plutot ?", "inform", None),
    ("appelez mon comptable au 06 12 34 56 78", "inform", "06 12 34 56 78"),
]


@pytest.mark.parametrize("words, intent, number", ACCOUNTANT)
def test_the_artisan_is_called_not_their_accountant(words, intent, number):
    assert professional_to_call(words) == "comptable"
    assert someone_else_to_call(words) is None
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}
    filled = {"wants_advisor": True if intent == "affirm" else words, **({"phone": number} if number else {})}
    dispatcher, changed = validate("wants_advisor", words, slots, filled, intent, history=[bot(OFFER)])
    said = texts(dispatcher)
    assert said[0] == (
        "Le conseiller vous appellera vous : c'est avec vous qu'il fait le point. Votre comptable peut être à vos "
        "côtés pendant l'appel."
    )
    assert changed["wants_advisor"] is True
    assert changed.get("phone") is None  # the accountant's number is never kept as the artisan's
    assert asked(dispatcher) == "consent_given"
    question = dispatcher.messages[-1]["text"]
    assert "votre prénom, votre numéro" in question and "comptable" not in question


def test_the_accountants_number_is_not_taken_with_the_consent():
    history = [user("appelez mon comptable au 06 12 34 56 78"), bot("Le conseiller vous appellera vous.")]
    slots = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False, "wants_advisor": True}
    _, changed = validate("consent_given", "oui", slots, {"consent_given": True}, "affirm", history=history)
    assert changed["consent_given"] is True and not changed.get("phone")

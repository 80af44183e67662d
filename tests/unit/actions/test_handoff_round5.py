"""Round 5 of off-script conversations (/work/reports/conversations5.md), the handoff's part, replayed over real
trackers and the real actions: contact details said with the yes to the call are kept through the consent, a name
opening a longer answer is the name, a time at the phone question is kept, a change of mind after a refusal asks
for consent again, a leave-taking because someone calls is no request for our call, "rappel" alone asks for one,
overseas numbers written nationally are numbers, and a well-written number that does not exist is said so."""

from __future__ import annotations

import pytest

from actions.ask_actions import ActionOutOfScope
from actions.handoff import OTHER_MOMENT_LATER, contact_given_with, name_then_more, normalise_phone, number_unknown
from actions.handoff_actions import NUMBER_IS_A_YES, NUMBER_NOT_READ, NUMBER_UNKNOWN, ValidateHandoffForm
from actions.intake_actions import ActionAcknowledgeSituation, ActionHandleMisunderstanding
from bot.components.keyword_guard import keyword_intent
from intake.answers import asks_for_callback, called_away, is_closing
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN, SITUATION
from tests.support.trackers import asked, bot, run, slot_events, texts, tracker, user

OFFER = "Voulez-vous qu'un conseiller de la chambre vous rappelle ?"


def handoff_turn(question: str, words: str, slots: dict, filled: dict, intent: str = "inform"):
    """The handoff form's validation when `words` answer `question` (the mappings gave `filled`)."""
    events = [user("la banque m'a coupé le découvert"), bot(OFFER), user(words, intent)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in filled.items()]
    current = tracker(
        events, slots={**SITUATION, **slots, **filled, "requested_slot": question}, active_loop="handoff_form"
    )
    dispatcher, produced = run(ValidateHandoffForm(), current, DOMAIN)
    return dispatcher, slot_events(produced)


# 1. The yes to the call with the contact details, before the consent: nothing is lost, nothing asked again.
YES_WITH_CONTACT = [
    # r5-16: the number mapped by the entity extractor, the name beside it.
    (
        "ok j'appelle le 15. oui rappelez moi apres, c'est mehdi au 0612457889",
        {"wants_advisor": True, "phone": "0612457889"},
        {"contact_name": "Mehdi"},
        "0612457889",
    ),
    # r5-15: the number with dots was missed by the extractor: read from the words.
    ("oui appelez moi moi, lea 06.58.47.21.90", {"wants_advisor": True}, {"contact_name": "Lea"}, "+33658472190"),
    # r5-18: a relative gives the artisan's name, number and the time of the call.
    (
        "oui mais c'est lui qu'il faut appeler, il s'appelle gerard, 03 87 12 34 56 le matin",
        {"wants_advisor": True, "phone": "03 87 12 34 56"},
        {"contact_name": "Gerard", "callback_slot": "le matin"},
        "03 87 12 34 56",
    ),
]


@pytest.mark.parametrize("words, filled, kept, phone", YES_WITH_CONTACT)
def test_contact_details_with_the_yes_are_kept_and_not_asked_after_the_consent(words, filled, kept, phone):
    dispatcher, produced = handoff_turn("wants_advisor", words, {}, filled, intent="affirm")
    assert texts(dispatcher) == [NUMBER_IS_A_YES]
    assert produced["wants_advisor"] is True and produced["requested_slot"] == "consent_given"
    assert {name: produced[name] for name in kept} == kept
    assert produced.get("phone", filled.get("phone")) == phone
    # Then "oui" to the consent: the case is stored at once and the next question is the e-mail.
    before = {"wants_advisor": True, "phone": phone, **kept}
    dispatcher, produced = handoff_turn("consent_given", "oui", before, {"consent_given": True}, intent="affirm")
    assert produced["consent_given"] is True
    assert asked(dispatcher) == "email" and produced["requested_slot"] == "email"
    (case,) = stored_cases()
    assert case.contact_name == kept["contact_name"] and case.phone.startswith("+33")
    assert case.callback_slot == kept.get("callback_slot")


@pytest.mark.parametrize(
    "words, given",
    [
        (
            "bon si finalement, rappelez moi. 06 22 33 44 55 , erwan",
            {"phone": "+33622334455", "contact_name": "Erwan"},
        ),
        ("bon ok si. c'est le 06 07 08 09 10", {"phone": "+33607080910"}),
        ("06 12 34 56 78", {"phone": "+33612345678"}),
        ("Sophie 06 11 22 33 44", {"phone": "+33611223344", "contact_name": "Sophie"}),
        (
            "je m'appelle Gérard Dumont, mon numéro est le 06 12 34 56 78",
            {"phone": "+33612345678", "contact_name": "Gérard Dumont"},
        ),
        ("06 12 34 56 78, plutôt le soir", {"phone": "+33612345678", "callback_slot": "plutôt le soir"}),
        ("oui rappelez moi, 06 12 34 56 78", {"phone": "+33612345678"}),  # "rappelez" names nobody
        ("ok, mon mari 06 12 34 56 78", {"phone": "+33612345678"}),
        ("oui rappelez moi", {}),  # no contact detail: nothing read
        # Replays of round 5 in new words: a name in the clause before the number, on either side of it, "ici".
        ("ok rappelez moi alors. Didier, 06 58 21 47 90", {"phone": "+33658214790", "contact_name": "Didier"}),
        (
            "ouais go. Thierry. 05-63-59-12-48 (fixe atelier) ou sinon le portable 06 11 47 85 20, le vendredi de 14h a 16h30",
            {"phone": "+33563591248", "contact_name": "Thierry", "callback_slot": "le vendredi de 14h a 16h30"},
        ),
        (
            "oui, Sylvie 05 49 88 12 40 entre 10h et midi de preference",
            {"phone": "+33549881240", "contact_name": "Sylvie", "callback_slot": "entre 10h et midi de preference"},
        ),
        (
            "oui svp rappelez moi moi pas lui : Amandine / 07 52 18 93 46 / jeudi ou vendredi apres 14h",
            {"phone": "+33752189346", "contact_name": "Amandine", "callback_slot": "jeudi ou vendredi apres 14h"},
        ),
        (
            "ouais ok. karim ici, le 06 45 98 12 33, vers 16h c'est top",
            {"phone": "+33645981233", "contact_name": "Karim", "callback_slot": "vers 16h c'est top"},
        ),
        ("oui merci, 06 12 34 56 78, bonne journee", {"phone": "+33612345678"}),  # a farewell names nobody
    ],
)
def test_contact_given_with_other_words(words, given):
    assert contact_given_with(words) == given


# 4 and 1 (r5-31, r5-08): a change of mind after a refusal asks for the consent again, the number kept for after it.
REFUSED_CONSENT = {**SITUATION, "wants_advisor": True, "consent_given": False}
REFUSED_CALL = {**SITUATION, "wants_advisor": False, "distress": True}


@pytest.mark.parametrize(
    "action, words, intent, slots, kept",
    [
        (
            ActionOutOfScope,
            "bon ok si. c'est le 06 07 08 09 10",
            "out_of_scope",
            REFUSED_CONSENT,
            {"phone": "+33607080910"},
        ),
        (ActionHandleMisunderstanding, "???? je veux etre rappelee", "nlu_fallback", REFUSED_CONSENT, {}),
        (
            ActionAcknowledgeSituation,
            "bon si finalement, rappelez moi. 06 22 33 44 55 , erwan",
            "describe_situation",
            REFUSED_CALL,
            {"phone": "+33622334455", "contact_name": "Erwan"},
        ),
    ],
)
def test_a_change_of_mind_after_a_refusal_asks_for_the_consent_again(action, words, intent, slots, kept):
    history = [user("je veux pas donner mon numero", "deny"), bot("C'est entendu."), user(words, intent)]
    dispatcher, events = run(action(), tracker(history, slots=slots))
    assert texts(dispatcher) == [NUMBER_IS_A_YES]
    produced = slot_events(events)
    assert produced["wants_advisor"] is True and produced["consent_given"] is None
    assert {name: value for name, value in produced.items() if name in ("phone", "contact_name")} == kept
    assert (events[-1]["event"], events[-1]["name"]) == ("followup", "handoff_form")
    assert stored_cases() == []  # nothing kept before the consent


def test_a_plain_no_with_a_number_after_a_refusal_starts_nothing():
    history = [user("non", "deny"), bot("C'est entendu."), user("non merci, 06 12 34 56 78 c'est pour rien", "deny")]
    _dispatcher, events = run(ActionOutOfScope(), tracker(history, slots=REFUSED_CONSENT))
    assert "wants_advisor" not in slot_events(events)


# 2 (r5-02): a name opening a longer answer at the name question.
@pytest.mark.parametrize(
    "words, filled, name",
    [
        # No mapping took it (an intent the name's mappings leave out): read by extract_contact_name.
        ("sandrine, c'est moi qu'il faut appeler pas lui", {}, "Sandrine"),
        # The whole text mapped: the name, not the sentence.
        (
            "sandrine, c'est moi qu'il faut appeler pas lui",
            {"contact_name": "sandrine, c'est moi qu'il faut appeler pas lui"},
            "Sandrine",
        ),
        ("moi c'est Paul, merci", {"contact_name": "moi c'est Paul, merci"}, "Paul"),
    ],
)
def test_a_name_opening_a_longer_answer_is_the_name(words, filled, name):
    slots = {"wants_advisor": True, "consent_given": True, "consent_at": "2026-12-01T10:00:00+00:00"}
    _dispatcher, produced = handoff_turn("contact_name", words, slots, filled, intent="request_human")
    assert produced["contact_name"] == name and produced["requested_slot"] == "phone"


@pytest.mark.parametrize(
    "words, name",
    [
        ("sandrine, c'est moi qu'il faut appeler pas lui", "Sandrine"),
        ("non, je préfère pas", None),
        ("bon, je sais pas", None),
        ("mon mari, c'est lui", None),
        ("passer, merci", None),
        ("Sandrine", None),  # a bare name is validate_contact_name's
        ("c'est M. Dupont", None),
    ],
)
def test_name_then_more(words, name):
    assert name_then_more(words) == name


# 3 (r5-15) and 7 (r5-14): at the phone question, a time is kept, an unknown number said so.
CONSENTED = {
    "wants_advisor": True,
    "consent_given": True,
    "consent_at": "2026-12-01T10:00:00+00:00",
    "contact_name": "Lea",
}


@pytest.mark.parametrize(
    "words, said, slots",
    [
        ("07 11 22 33 44", [NUMBER_UNKNOWN], {}),
        ("afternoon", [NUMBER_NOT_READ], {}),
    ],
)
def test_at_the_phone_question(words, said, slots):
    dispatcher, produced = handoff_turn("phone", words, CONSENTED, {"phone": words})
    assert texts(dispatcher) == said
    assert produced["phone"] is None and produced["requested_slot"] == "phone"
    assert {name: produced[name] for name in slots} == slots


def test_an_evening_said_at_the_phone_question_gets_the_hours_at_once_never_noted():
    """Round 23 (r23b-05): "le soir c mieux" fits no hour the advisors call: the hours are said at once and another
    moment will be asked in its turn (it was "j'ai noté le moment", refused one turn later)."""
    dispatcher, produced = handoff_turn("phone", "le soir c mieux", CONSENTED, {"phone": "le soir c mieux"})
    said = " ".join(texts(dispatcher))
    assert "noté" not in said and "17 h" in said and OTHER_MOMENT_LATER in said
    assert produced["phone"] is None and produced["requested_slot"] == "phone"


@pytest.mark.parametrize(
    "words, e164",
    [
        ("0692 45 67 89", "+262692456789"),  # r5-30, La Réunion
        ("+262 692 45 67 89", "+262692456789"),
        ("0262 12 34 56", "+262262123456"),
        ("0269 61 23 45", "+262269612345"),  # Mayotte
        ("0590 12 34 56", "+590590123456"),  # Guadeloupe
        ("0690 12 34 56", "+590690123456"),
        ("0696 12 34 56", "+596696123456"),  # Martinique
        ("0594 12 34 56", "+594594123456"),  # Guyane
        ("0694 12 34 56", "+594694123456"),
        ("06 12 34 56 78", "+33612345678"),
        ("07 11 22 33 44", None),  # r5-14: no such number
        ("+1 692 45 67 89", None),  # a country code says the region: no overseas reading
    ],
)
def test_overseas_numbers_written_nationally(words, e164):
    assert normalise_phone(words) == e164


def test_an_overseas_number_at_the_phone_question_makes_the_case():
    _dispatcher, produced = handoff_turn("phone", "0692 45 67 89", CONSENTED, {"phone": "0692 45 67 89"})
    assert produced["phone"] == "+262692456789"
    (case,) = stored_cases()
    assert case.phone == "+262692456789"


@pytest.mark.parametrize(
    "words, unknown",
    [("07 11 22 33 44", True), ("06 12 34 56 78", False), ("06 12 34 56", False), ("0692 45 67 89", False)],
)
def test_number_unknown(words, unknown):
    assert number_unknown(words) is unknown


# 5 (r5-20) and 6 (r5-39): what the keyword guard reads.
@pytest.mark.parametrize(
    "words, intent",
    [
        ("jdois y aller elle m'appelle", "goodbye"),
        ("on m'appelle", "goodbye"),
        ("mon client m'appelle", "goodbye"),
        ("ma femme m'appelle, je vous laisse", "goodbye"),
        ("elle m'appelle tous les jours pour l'argent", None),
        ("urssaf. 3000. rappel.", "request_human"),
        ("rappel svp", "request_human"),
        ("un rappel", "request_human"),
        ("j'ai reçu un rappel de l'urssaf", None),
        ("rappel de cotisations", None),
    ],
)
def test_the_keyword_guard(words, intent):
    assert keyword_intent(words) == intent


@pytest.mark.parametrize(
    "words, closing, away, asking",
    [
        ("jdois y aller elle m'appelle", True, True, False),
        ("jdois filer", True, False, False),
        ("vous m'appelez ?", False, False, False),
        ("urssaf. 3000. rappel.", False, False, True),
        ("rappelez moi", False, False, True),
    ],
)
def test_leave_taking_and_callback_words(words, closing, away, asking):
    assert (is_closing(words), called_away(words), asks_for_callback(words)) == (closing, away, asking)


def test_the_call_asked_for_at_an_intake_question_keeps_the_details_said_with_it():
    """make run, 2026-12-04: "oui allez rappelez moi, c'est Maëlle au 06 77 88 12 34 plutot entre 10h et midi" at the
    deadline question started the handoff (request_human), and after the consent the name and the time were asked
    again; only the number, which the mappings took, was kept."""
    words = "bof je sais pas trop, oui allez rappelez moi, c'est Maëlle au 06 77 88 12 34 plutot entre 10h et midi"
    _, produced = handoff_turn(
        "deadline", words, {}, {"wants_advisor": True, "phone": "06 77 88 12 34"}, intent="request_human"
    )
    assert produced["wants_advisor"] is True
    assert produced["contact_name"] == "Maëlle"
    assert produced["callback_slot"] == "plutot entre 10h et midi"
    assert produced["requested_slot"] == "consent_given"


def test_the_whole_number_replaces_a_piece_of_it_taken_by_the_entity_extractor():
    """make run, 2026-12-04: "oui rappelez moi moi, Sophie 06 12 45 78 90 le soir apres 17h si possible" at the offer;
    the extractor filled the phone slot with "90", so the number read whole was not kept and asked after the consent."""
    words = "oui rappelez moi moi, Sophie 06 12 45 78 90 le soir apres 17h si possible"
    _, produced = handoff_turn("wants_advisor", words, {}, {"wants_advisor": True, "phone": "90"}, intent="affirm")
    assert produced["phone"] == "+33612457890"
    assert produced["contact_name"] == "Sophie"
    assert produced["callback_slot"] == "le soir apres 17h si possible"

"""Round 26 (talk-b): the first name at the handoff, and the yes around it.

- r26b-18: "ok mais je prefere pas donner mon prenom" at the consent was read as a refusal ("je ne transmets rien"): a
  skip ("je préfère pas ...") was read before the yes. Now the yes first: the consent kept, the name said optional, the
  phone asked next.
- r26b-01, r26b-15: "Jean-Pierre mais tout le monde m'appelle JP", "Marie-Ange comme tout a l'heure" were stored whole
  as the name; "et pour le prenom mettez juste Jean-Pierre" after the case got "c'est noté" and changed nothing.
- r26b-03: "Oui mais appelez-moi M. Santoni, pas par le prénom" was read as declining a name (the title's dot cut it).
- r26b-14: "jean marc" stored in small letters.
- r26b-06: "je m'appelle Kévin" in the first message, then "je vous l'ai dit au debut, Kévin" at the name question got
  "je ne retrouve pas votre prénom".
- r26b-01: "bah oui sinon je serais pas la" at the offer got "Merci de la précision" and the offer again.

Real trackers, the real form validation and the real case store; sentences written for these tests (SMS, no accents,
dictation, hesitation), and near misses that must not change."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import SKIPPED
from actions.handoff_actions import ValidateHandoffForm, number_after_the_handoff
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN, validate
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


# --- r26b-18: a yes that only keeps the first name back ------------------------------------------------------------

YES_WITHOUT_THE_NAME = [
    "ok mais je prefere pas donner mon prenom",  # as said
    "Ok mais je préfère pas donner mon prénom",
    "oui mais je préfère ne pas donner mon prénom",
    "ouais mais j'aime autant pas donner mon prenom",
    "oui mais je prefererais pas dire mon prenom svp",
    "euh ok mais je préfère pas dire mon prénom point",  # dictation
]


@pytest.mark.parametrize("words", YES_WITHOUT_THE_NAME)
@pytest.mark.parametrize("intent, mapped", [("deny", False), ("affirm", True), ("inform", None)])
def test_at_the_consent_a_yes_without_the_name_is_the_consent(words, intent, mapped):
    said, slots = validate("consent_given", words, {"consent_given": words if mapped is None else mapped}, intent)
    assert slots["consent_given"] is True and slots.get("consent_at")
    assert slots["contact_name"] == SKIPPED
    assert slots["requested_slot"] == "phone"
    assert any("sans connaître votre nom" in text for text in said)


REFUSALS = [
    "non je prefere pas",
    "non merci",
    "je prefere pas",
    "non, je ne veux pas être rappelé",
]


@pytest.mark.parametrize("words", REFUSALS)
def test_at_the_consent_a_refusal_stays_a_refusal(words):
    _, slots = validate("consent_given", words, {"consent_given": False}, "deny")
    assert slots.get("consent_given") is not True


# --- r26b-01, r26b-15, r26b-14, r26b-03: the name, not the sentence around it ------------------------------------

NAME_ANSWERS = [
    ("Jean-Pierre mais tout le monde m'appelle JP", "Jean-Pierre"),
    ("jean-pierre mais tout le monde m'appelle jp", "Jean-Pierre"),  # SMS, small letters
    ("Jean-Pierre, mais on m'appelle JP", "Jean-Pierre"),
    ("Nathalie mais les clients me disent Nath", "Nathalie"),
    ("Marie-Ange comme tout a l'heure", "Marie-Ange"),
    ("Marie-Ange comme tout à l'heure.", "Marie-Ange"),
    ("marie-ange comme tt a l'heure", "Marie-Ange"),
    ("Marie-Ange comme la dernière fois", "Marie-Ange"),
    ("jean marc", "Jean Marc"),
    ("jean-marc", "Jean-Marc"),
    ("Oui mais appelez-moi M. Santoni, pas par le prénom, je préfère.", "M. Santoni"),
    ("appelez moi Mme. Durand svp", "Mme Durand"),
    # Near misses that keep what they kept.
    ("Jean-Pierre", "Jean-Pierre"),
    ("Mohamed, Momo pour les intimes", "Mohamed"),
    ("Appelez-moi Mme Durand.", "Mme Durand"),
    ("Lucas", "Lucas"),
]


def at_the_name(words: str, intent: str = "inform", earlier: tuple[str, ...] = ()) -> tuple[list[str], dict]:
    value = SKIPPED if intent == "deny" else words
    history = [event for said in earlier for event in (user(said), bot("D'accord."))]
    events = [*history, bot("Comment le conseiller peut-il vous appeler ?"), user(words, intent)]
    events.append(slot("contact_name", value))
    slots = {**consented(), "contact_name": value, "requested_slot": "contact_name"}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize("words, name", NAME_ANSWERS)
def test_the_name_question_keeps_the_name(words, name):
    _, slots = at_the_name(words)
    assert slots["contact_name"] == name


def test_a_title_and_a_surname_at_the_offer_are_a_name_given_not_declined():
    words = "Oui mais appelez-moi M. Santoni, pas par le prénom, je préfère."
    said, slots = validate("wants_advisor", words, {"wants_advisor": True}, "affirm")
    assert slots["wants_advisor"] is True and slots["contact_name"] == "M. Santoni"
    assert not any("pas obligatoire" in text for text in said)


def test_a_call_asked_without_a_name_at_the_offer_still_needs_none():
    words = "oui appelez moi mais je donne pas mon nom"
    said, slots = validate("wants_advisor", words, {"wants_advisor": True}, "affirm")
    assert slots["wants_advisor"] is True
    assert any("pas obligatoire" in text for text in said)


# --- r26b-01: the name put right once the case is stored ------------------------------------------------------------

REFERENCE = "RL-R26NAM"
STORED = {**consented(contact_name="Jean-Pierre mais"), "phone": "+33612345611", "email": SKIPPED}
HISTORY = [
    user("boulanger, la banque me lache", "describe_situation"),
    slot("phone", "+33612345611"),
    slot("case_reference", REFERENCE),
    bot("Un conseiller vous rappellera au 06 12 34 56 11."),
]

PUT_RIGHT_AFTER = [
    ("et pour le prenom mettez juste Jean-Pierre", "Jean-Pierre"),
    ("mettez juste Jean-Pierre svp", "Jean-Pierre"),
    ("pour le prénom notez plutôt Jean-Pierre", "Jean-Pierre"),
    ("mettez juste jean-pierre", "Jean-Pierre"),
    ("pour le prenom c est Jean-Pierre", "Jean-Pierre"),
]


@pytest.mark.parametrize("words, name", PUT_RIGHT_AFTER)
def test_after_the_case_the_name_put_right_is_kept(words, name):
    current = tracker(
        [*HISTORY, user(words, "inform")], slots={**STORED, "case_reference": REFERENCE}, sender_id="r26-names"
    )
    dispatcher = CollectingDispatcher()
    events = number_after_the_handoff(dispatcher, current)
    assert events is not None
    assert slot_events(events)["contact_name"] == name
    assert name in " ".join(texts(dispatcher))
    assert [case.contact_name for case in stored_cases()] == [name]


NOT_PUT_RIGHT = [
    "notez que je suis dispo le matin",
    "mettez juste ça dans le dossier",
    "écrivez conseiller",
    "mettez le matin plutot",
]


@pytest.mark.parametrize("words", NOT_PUT_RIGHT)
def test_after_the_case_other_remarks_rename_nobody(words):
    current = tracker(
        [*HISTORY, user(words, "inform")], slots={**STORED, "case_reference": REFERENCE}, sender_id="r26-names"
    )
    events = number_after_the_handoff(CollectingDispatcher(), current) or []
    assert "contact_name" not in slot_events(events)


# --- r26b-06: the name given in the first message ---------------------------------------------------------------------

FIRST_MESSAGES = [
    "bonjour je m'appelle Kévin et je suis maçon, j'ai un redressement de l'urssaf",
    "Bonjour je m'appelle Kévin j'ai un redressement urssaf et les impots",
    "bonjour moi c'est Kévin je suis maçon, l'urssaf me tombe dessus",
]
REMINDERS = [
    "je vous l'ai dit au debut",
    "je vous l'ai dit au début, Kévin",
    "jvous lai dit au debut kevin",
    "je l'ai deja dit tout a l'heure : Kévin",
]


@pytest.mark.parametrize("first", FIRST_MESSAGES)
@pytest.mark.parametrize("words", REMINDERS)
def test_a_reminder_finds_the_name_of_the_first_message(first, words):
    _, slots = at_the_name(words, earlier=(first,))
    assert slots["contact_name"] in ("Kévin", "Kevin")


def test_a_reminder_with_no_name_anywhere_asks_again():
    said, slots = at_the_name("je vous l'ai dit au debut", earlier=("je m'appelle comme mon père et je suis maçon",))
    assert slots["contact_name"] is None
    assert said


# --- r26b-01: a yes with its obvious reason ---------------------------------------------------------------------------

OBVIOUS_YES = [
    "bah oui sinon je serais pas la",
    "oui sinon jserais pas là",
    "ben oui sinon je vous écrirais pas",
    "ouais sinon j'aurais pas demandé",
]


@pytest.mark.parametrize("words", OBVIOUS_YES)
def test_at_the_offer_a_yes_with_its_reason_is_a_yes(words):
    said, slots = validate("wants_advisor", words, {"wants_advisor": words}, "inform")
    assert slots["wants_advisor"] is True
    assert not any("précision" in text for text in said)


def test_at_the_offer_a_yes_that_puts_a_fact_right_still_waits():
    words = "oui mais j'ai pas de saisie hein, juste la lettre"
    _, slots = validate("wants_advisor", words, {"wants_advisor": words}, "inform")
    assert slots["wants_advisor"] is None

"""Round 26 (lead-r26-2, r26a-01): a moment for the call said at the offer or the consent, or with the yes that takes a
refused offer up again, is when to call, never the deadline nor a reason for the urgency.

- lead-r26-2: "non je préfère pas qu'on m'appelle", then "en fait si, mais pas avant lundi": the case became haute, its
  reason « pas avant lundi » (demain).
- r26a-01: "demain matin avant 7h je suis au fournil après" at the consent: "Échéance : demain" on the case.
A fact said there ("oui mais l'huissier passe lundi") still counts."""

from __future__ import annotations

import pytest

from actions.triage_actions import ValidateTriageSlots, handoff_answers
from tests.support.trackers import bot, run, slot_events, tracker, user

_STORY = "je suis maçon, 3 salariés, le plus gros client m'a pas payé 28000 depuis juillet"
_SITUATION = {
    "difficulty_categories": ["tresorerie"],
    "urgency": "normale",
    "distress": False,
    "trade": "maçon",
    "deadline": "aucune échéance connue",
    "triage_reasons": {"tresorerie": [f"« {_STORY} »"]},
}


def _slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def _after_refusal(words: str, intent: str = "affirm", extracted: dict | None = None):
    events = [
        user(_STORY),
        _slot("deadline", "aucune échéance connue"),
        _slot("requested_slot", "wants_advisor"),
        bot("Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"),
        user("non je préfère pas qu'on m'appelle", "deny"),
        _slot("wants_advisor", False),
        _slot("requested_slot", None),
        bot("C'est entendu. Si vous changez d'avis, écrivez « conseiller »."),
        user(words, intent),
        *(_slot(name, value) for name, value in (extracted or {}).items()),
    ]
    slots = {**_SITUATION, "wants_advisor": False, **(extracted or {})}
    return tracker(events, slots=slots)


def _at(question: str, words: str, intent: str = "inform", extracted: dict | None = None):
    events = [
        user(_STORY),
        _slot("deadline", "aucune échéance connue"),
        *([_slot("wants_advisor", True)] if question == "consent_given" else []),
        _slot("requested_slot", question),
        bot("Êtes-vous d'accord pour que je garde votre prénom, votre numéro et ce que vous m'avez dit ?"),
        user(words, intent),
        *(_slot(name, value) for name, value in (extracted or {}).items()),
    ]
    slots = {
        **_SITUATION,
        **({"wants_advisor": True} if question == "consent_given" else {}),
        "requested_slot": question,
        **(extracted or {}),
    }
    return tracker(events, slots=slots, active_loop="handoff_form")


def _no_moment_in_the_urgency(changed: dict, words: str) -> None:
    assert changed.get("urgency", "normale") == "normale", words
    reasons = (changed.get("triage_reasons") or {}).get("urgency", [])
    assert not any("«" in reason for reason in reasons), reasons


# The yes that takes the refused offer up again, with when to call: the lead's words, SMS, no accents, dictation.
_TAKEN_UP_WITH_A_MOMENT = [
    "en fait si, mais pas avant lundi",
    "bon ok finalement mais pas avant lundi",
    "si si mais pas avant mardi aprem",
    "euh finalement oui mais pas avant lundi matin",
    "ok en fait vous pouvez m'appeler mais seulement lundi apres 14h",
]


@pytest.mark.parametrize("words", _TAKEN_UP_WITH_A_MOMENT)
def test_a_moment_said_when_the_refused_offer_is_taken_up_is_no_evidence(words):
    _, produced = run(ValidateTriageSlots(), _after_refusal(words))
    changed = slot_events(produced)
    _no_moment_in_the_urgency(changed, words)
    assert "deadline" not in changed or changed["deadline"] == "aucune échéance connue"


@pytest.mark.parametrize("words", _TAKEN_UP_WITH_A_MOMENT)
def test_the_moment_is_a_handoff_answer_never_the_account(words):
    events = [
        user(_STORY),
        _slot("requested_slot", "wants_advisor"),
        user("non je préfère pas qu'on m'appelle", "deny"),
        _slot("wants_advisor", False),
        _slot("requested_slot", None),
        user(words, "affirm"),
    ]
    assert handoff_answers(events) == [words]


# The moment alone, or with the yes, at the offer or the consent; what the entity extractor read as the deadline is set
# back (r26a-01's words, SMS, no accents, dictation).
_MOMENTS_AT_THE_QUESTION = [
    ("consent_given", "demain matin avant 7h je suis au fournil après", "demain"),
    ("consent_given", "oui mais plutot demain aprem", "demain"),
    ("consent_given", "ok mais pas avant lundi", "lundi"),
    ("wants_advisor", "oui mais pas avant lundi", "lundi"),
    ("wants_advisor", "ouais demain matin avant 9h sinon je suis sur les chantiers", "demain"),
]


@pytest.mark.parametrize("question, words, extracted", _MOMENTS_AT_THE_QUESTION)
def test_a_moment_at_the_offer_or_the_consent_leaves_the_deadline(question, words, extracted):
    _, produced = run(ValidateTriageSlots(), _at(question, words, extracted={"deadline": extracted}))
    changed = slot_events(produced)
    assert changed.get("deadline") == "aucune échéance connue", words
    _no_moment_in_the_urgency(changed, words)


# Near misses: a fact of the business said there is the fact it tells.
@pytest.mark.parametrize(
    "words",
    [
        "en fait si, l'huissier passe lundi",
        "si si mais la saisie c'est demain",
    ],
)
def test_a_fact_said_when_the_offer_is_taken_up_still_counts(words):
    _, produced = run(ValidateTriageSlots(), _after_refusal(words))
    assert slot_events(produced).get("urgency") == "haute", words


@pytest.mark.parametrize(
    "words, extracted",
    [
        ("oui et l'audience au tribunal c'est demain", "demain"),
        ("oui mais l'huissier passe lundi", "lundi"),
    ],
)
def test_a_fact_said_at_the_consent_still_counts(words, extracted):
    _, produced = run(ValidateTriageSlots(), _at("consent_given", words, extracted={"deadline": extracted}))
    changed = slot_events(produced)
    assert changed.get("urgency") == "haute", words
    assert changed.get("deadline", extracted) != "aucune échéance connue"


def test_a_moment_said_in_the_intake_is_still_read():
    # Without the offer refused, "mardi aprem" is no answer to the handoff: the plain intake reading stands.
    events = [user(_STORY), user("oui mais pas avant lundi", "affirm")]
    assert handoff_answers(events) == []

"""Round 14 of off-script conversations: at the question about the moment of the call, or once the case was made, a
constraint on WHEN (or how) to call written with a negation ("je veux pas être rappelée avant 10h") was read by
``is_withdrawal`` as the callback taken back, and the case was erased. When or how to call never takes the call back;
"je veux plus être rappelée", "finalement ne me rappelez pas", "laissez tomber l'appel" still do. Every reader of a
withdrawal (``is_withdrawal``, ``refuses_callback``, ``takes_back_callback``, hence ``withdraws_consent``) agrees."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm, takes_back_callback
from intake.answers import is_withdrawal, refuses_callback
from tests.support.action_services import fresh_action_services, stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, tracker, user


@pytest.fixture(autouse=True)
def fresh_services(tmp_path, monkeypatch):
    yield from fresh_action_services(tmp_path, monkeypatch)


# When or how to call, said with a "pas" or a "plus": a constraint, whichever reader and whatever the question.
CONSTRAINTS = [
    "je veux pas etre rappelee avant 10h",
    "je veux pas etre appele avant 9h30 svp",
    "ne m'appelez pas le matin je suis sur les chantiers",
    "ne me rappelez pas avant lundi svp",
    "je ne veux pas qu'on m'appelle entre midi et deux",
    "pas de rappel le mercredi, j'ai les enfants",
    "ne me rappelez pas trop tot hein",
    "je veux plus etre appelee le soir, mon mari dort",
    "je souhaite pas etre rappele pendant mes heures de chantier",
    "ne m'appelez pas sur le fixe",
    "Je ne veux pas être rappelée avant midi",
    "ne me rappelez pas svp, avant 10h je suis au fournil",
    "laissez tomber le matin, plutot l'aprem",
    "on oublie lundi, mardi c'est mieux",
    # Near misses that never read as a withdrawal, and still do not.
    "pas avant midi svp",
    "rappelez moi pas le matin",
]
# The call itself taken back: a withdrawal, in so many words.
TAKEN_BACK = [
    "je veux plus etre rappelee",
    "finalement ne me rappelez pas",
    "laissez tomber l'appel",
    "ne me rappelez pas, j'ai trouve une solution avec la banque",
    "ne me rappelez plus jamais",
    "je veux pas etre rappele du tout",
    "je veux plus etre rappelee apres tout ce que j'ai lu sur vous",
    "laissez tomber, je vais me debrouiller",
    "ne me rappelez pas svp",
    "non je veux plus qu'on m'appelle merci",
]


@pytest.mark.parametrize("words", CONSTRAINTS)
def test_when_or_how_to_call_is_never_a_withdrawal(words):
    assert not is_withdrawal(words)
    assert not is_withdrawal(words, explicit_only=True)
    assert not refuses_callback(words)
    assert not takes_back_callback(words)
    assert not takes_back_callback(words, explicit_only=True)


@pytest.mark.parametrize("words", TAKEN_BACK)
def test_the_call_taken_back_is_still_a_withdrawal(words):
    assert is_withdrawal(words, explicit_only=True)
    assert takes_back_callback(words, explicit_only=True)


# A no that says a mind was changed: about the moment only, when a moment follows; otherwise the call.
@pytest.mark.parametrize(
    "words, withdrawal",
    [
        ("en fait non, pas avant 10h", False),
        ("finalement non l'aprem c'est mieux", False),
        ("non finalement je veux pas le matin", False),
        ("bon en fait non pas le lundi", False),
        ("attendez finalement non, plutot vers 14h", False),
        ("finalement non merci, bonne soiree", True),
        ("finalement non, tout s'est arrange ce matin", True),
        ("non finalement je veux plus, a demain", True),
        ("finalement non", True),
    ],
)
def test_a_change_of_mind_about_the_moment_keeps_the_call(words, withdrawal):
    assert is_withdrawal(words) is withdrawal
    assert takes_back_callback(words) is withdrawal


# The words takes_back_callback reads beyond is_withdrawal's: the same moment, the same reading (its own guard once
# missed "maintenant", "dès", "vers", "en soirée").
@pytest.mark.parametrize(
    "words, taken_back",
    [
        ("je veux plus etre rappelee maintenant, plutot demain", False),
        ("je prefere plus etre appelee des 8h", False),
        ("je prefere pas etre rappele vers 13h je mange", False),
        ("j'aimerais mieux pas etre appelee en soiree", False),
        ("plus besoin qu'on me rappelle tout de suite, demain ca ira", False),
        ("je prefere plus etre rappelee", True),
        ("je souhaite plus etre contactee par vous", True),
        ("finalement j'appellerai moi-meme demain", True),
        ("plus besoin qu'on m'appelle, c'est regle", True),
    ],
)
def test_every_reader_agrees_on_what_a_moment_is(words, taken_back):
    assert takes_back_callback(words, explicit_only=True) is taken_back


# ------------------------------------------------------------------ over a tracker: the case kept, or erased

SENDER = "round14-hours"
HISTORY = [user("l'urssaf me reclame 6000 euros"), bot("Voulez-vous qu'un conseiller de la chambre vous rappelle ?")]
MOMENT_QUESTION = "À quel moment préférez-vous être rappelé(e) ?"


def stored_case(requested):
    """A case stored at the phone question; the slots as the next question is asked."""
    events = [*HISTORY, bot("À quel numéro de téléphone peut-il vous joindre ?"), user("06 12 34 56 78", "inform")]
    events.append({"event": "slot", "name": "phone", "value": "06 12 34 56 78"})
    current = tracker(
        events,
        slots={**consented(), "phone": "06 12 34 56 78", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), current, DOMAIN)
    assert slot_events(produced)["case_reference"]
    return consented(
        phone="+33612345678", case_reference=slot_events(produced)["case_reference"], requested_slot=requested
    )


def answered(words, intent, slots, question):
    return tracker(
        [*HISTORY, bot(question), user(words, intent)], slots=slots, active_loop="handoff_form", sender_id=SENDER
    )


@pytest.mark.parametrize(
    "words, intent, requested, question",
    [
        ("je veux pas etre rappelee avant 10h", "deny", "callback_slot", MOMENT_QUESTION),
        ("en fait non, pas avant midi", "deny", "callback_slot", MOMENT_QUESTION),
        ("ne m'appelez pas le mercredi svp", "inform", "email", "Voulez-vous aussi laisser une adresse e-mail ?"),
    ],
)
def test_a_moment_refused_after_the_case_keeps_it(words, intent, requested, question):
    slots = stored_case(requested)
    _, events = run(ValidateHandoffForm(), answered(words, intent, {**slots, "callback_slot": words}, question), DOMAIN)
    assert slot_events(events).get("consent_given") is not False
    assert stored_cases()[0].erased_at is None and stored_cases()[0].phone == "+33612345678"


@pytest.mark.parametrize(
    "words, intent",
    [("finalement ne me rappelez pas", "deny"), ("je veux plus etre rappelee, merci", "deny")],
)
def test_the_call_taken_back_at_the_moment_question_erases_the_case(words, intent):
    slots = stored_case("callback_slot")
    _, events = run(ValidateHandoffForm(), answered(words, intent, slots, MOMENT_QUESTION), DOMAIN)
    assert slot_events(events)["consent_given"] is False
    assert stored_cases()[0].erased_at is not None

"""Round 21 (y.md H1): "laisse tomber" at one question skips that question; a withdrawal names the request.

r21y-15: "bernard@orange" → "Cette adresse ne semble pas complète", then "laisse tomber": the whole request was
withdrawn and the case erased. r21y-21: the same with "bof laisse tomber". A withdrawal names the call, the request or
the data ("laissez tomber le rappel", "laissez tomber ma demande", "on oublie tout")."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ValidateHandoffForm
from intake.answers import is_skip, is_withdrawal
from tests.support.action_services import stored_cases
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "laisse-tomber-round21"
INCOMPLETE = (
    "Cette adresse ne semble pas complète, par exemple : prenom.nom@exemple.fr. Vous pouvez aussi répondre « passer »."
)


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def stored_case():
    first = [user("la banque m'a coupé le découvert"), bot("À quel numéro ?"), user("06 11 22 33 45", "inform")]
    stored = tracker(
        [*first, slot("phone", "06 11 22 33 45")],
        slots={**consented(), "phone": "06 11 22 33 45", "requested_slot": "phone"},
        active_loop="handoff_form",
        sender_id=SENDER,
    )
    _, produced = run(ValidateHandoffForm(), stored, DOMAIN)
    return first, slot_events(produced)["case_reference"]


def at_email(words, intent):
    first, reference = stored_case()
    events = [
        *first,
        bot("Une adresse e-mail ?"),
        user("bernard@orange", "inform"),
        bot(INCOMPLETE),
        user(words, intent),
    ]
    slots = consented(phone="+33611223345", case_reference=reference, callback_slot="dès que possible")
    slots["requested_slot"] = "email"
    filled = {"email": words} if intent in ("inform",) else {}
    events += [slot(name, value) for name, value in filled.items()]
    dispatcher, produced = run(
        ValidateHandoffForm(),
        tracker(events, slots={**slots, **filled}, active_loop="handoff_form", sender_id=SENDER),
        DOMAIN,
    )
    return texts(dispatcher), slot_events(produced), reference


@pytest.mark.parametrize(
    "words", ["laisse tomber", "bof laisse tomber", "laissez tomber", "on oublie", "laisse tomber alors"]
)
@pytest.mark.parametrize("intent", ["stop_conversation", "deny", "inform", "skip_question"])
def test_laisse_tomber_at_the_email_question_passes_the_email_only(words, intent):
    said, produced, reference = at_email(words, intent)
    assert produced.get("email") == "non précisé"
    assert produced.get("case_reference", reference) == reference
    assert produced.get("consent_given") is not False
    assert [case.reference for case in stored_cases()] == [reference]
    assert not any("retiré votre demande" in text for text in said)


@pytest.mark.parametrize(
    "words",
    [
        "laissez tomber le rappel",
        "laissez tomber ma demande",
        "on oublie tout",
        "laisse tomber tout ça",
        "laissez tomber l'appel",
        "laissez tomber, je vais me debrouiller",
    ],
)
def test_a_withdrawal_names_the_request(words):
    assert is_withdrawal(words)


@pytest.mark.parametrize(
    "words", ["laisse tomber", "bof laisse tomber", "laissez tomber", "on oublie", "ok laissez tomber"]
)
def test_laisse_tomber_alone_passes_the_question(words):
    assert is_skip(words)
    assert not is_withdrawal(words, explicit_only=True)


def test_a_withdrawal_at_the_email_question_still_withdraws():
    _, produced, _ = at_email("laissez tomber ma demande", "stop_conversation")
    assert produced.get("consent_given") is False
    assert stored_cases()[0].status != "open" or not stored_cases()[0].phone

"""Round 29 (talker a), the contact kept at the handoff. r29-a-22: an address whose provider's domain slipped on the
keyboard ("@gmial.com") kept as the only contact of an urgent case, never questioned. Real trackers, the form's
validation; new wordings and near misses that must stay as typed."""

from __future__ import annotations

import pytest

from actions.handoff import contact_answers, normalise_email
from actions.handoff_actions import NO_NAME_NEEDED, ValidateHandoffForm
from intake.email_domains import domain_put_right
from tests.support.handoff_form import DOMAIN, answered_at
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user


@pytest.mark.parametrize(
    "typed, right",
    [
        ("hotmial.fr", "hotmail.fr"),
        ("gmaill.com", "gmail.com"),
        ("gamil.com", "gmail.com"),
        ("gmail.con", "gmail.com"),
        ("gmail.fr", "gmail.com"),
        ("wanadoo.fe", "wanadoo.fr"),
        ("ornage.fr", "orange.fr"),
        ("yahou.fr", "yahoo.fr"),
        ("laposte.ner", "laposte.net"),
        ("outlok.com", "outlook.com"),
    ],
)
def test_a_provider_slipped_on_the_keyboard_is_put_right(typed, right):
    assert domain_put_right(typed) == right


@pytest.mark.parametrize(
    "domain",
    [
        "gmail.com",
        "hotmail.fr",
        "ymail.com",
        "gmx.fr",
        "mail.com",
        "live.fr",
        "free.fr",
        "orange.com",
        "laposte.fr",
        "menuiserie-durand.fr",
        "cabinet-expert.com",
        "sfr.fr",
        "email.com",
    ],
)
def test_a_real_domain_stays_as_typed(domain):
    assert domain_put_right(domain) is None
    assert normalise_email(f"paul.roux@{domain}") == f"paul.roux@{domain}"


def _at_the_email_question(words: str, intent: str = "inform"):
    slots = {**consented(), "phone": "+33612345678", "case_reference": "RL-T6VD7H", "requested_slot": "email"}
    events = [
        {"event": "slot", "name": "requested_slot", "value": "email"},
        bot("Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif."),
        user(words, intent),
        {"event": "slot", "name": "email", "value": words},
    ]
    return tracker(events, slots={**slots, "email": words}, active_loop="handoff_form", sender_id="round29-email")


def test_the_address_put_right_is_said_at_the_email_question():
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question("nathalie.couture@hotmial.fr"), DOMAIN)
    assert slot_events(produced)["email"] == "nathalie.couture@hotmail.fr"
    assert texts(dispatcher)[0].startswith("Vous avez écrit « hotmial.fr » : je note « hotmail.fr »")


def test_an_address_typed_right_gets_no_such_word():
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question("nathalie.couture@hotmail.fr"), DOMAIN)
    assert slot_events(produced)["email"] == "nathalie.couture@hotmail.fr"
    assert not any("Vous avez écrit" in text for text in texts(dispatcher))


def test_the_only_contact_written_at_the_phone_question_is_put_right():
    """The address given at the offer, then "pas de téléphone, écrivez-moi" at the phone question (r29-a-22's path)."""
    before = [
        user("je prefere qu'on m'ecrive: atelier.morel@gmial.com"),
        bot("Pour qu'un conseiller vous rappelle, ... Êtes-vous d'accord ?"),
        user("oui", "affirm"),
        bot("À quel numéro de téléphone peut-il vous joindre ?"),
    ]
    dispatcher, slots = answered_at(
        "phone", "pas de tel, ecrivez moi a atelier.morel@gmial.com", "inform", before, ["procedure_judiciaire"], "Luc"
    )
    assert slots.get("email") == "atelier.morel@gmail.com"
    assert any(text.startswith("Vous avez écrit « gmial.com »") for text in texts(dispatcher))


def test_a_dictated_address_is_put_right_too():
    assert contact_answers("julie point fleurs arobase gmial point com")["email"] == "julie.fleurs@gmail.com"


# ------------------------------------------------ r29-a-03: a name refused in words is heard, never asked again

NAME_ASKED = {"wants_advisor": True, "consent_given": True, "consent_at": "2026-12-01T10:00:00+00:00"}


@pytest.mark.parametrize(
    "words, intent",
    [
        ("non je vous donne pas mon prénom", "deny"),
        ("je dirai pas mon nom, désolé", "inform"),
        ("pas envie de donner mon nom", "inform"),
        ("je ne laisse jamais de nom", "deny"),
    ],
)
def test_a_name_refused_in_words_passes_the_question(words, intent, monkeypatch):
    from tests.support.handoff_form import BEFORE, validate

    monkeypatch.setitem(BEFORE, "contact_name", NAME_ASKED)
    said, produced = validate("contact_name", words, {"contact_name": "non précisé" if intent == "deny" else words})
    assert produced["contact_name"] == "non précisé"
    assert produced["requested_slot"] == "phone"
    assert said == [NO_NAME_NEEDED]


@pytest.mark.parametrize("words", ["Donatien", "je donne mon prénom : Maëlle", "je vous ai donné mon nom au début"])
def test_near_miss_a_giving_verb_refuses_no_name(words, monkeypatch):
    from tests.support.handoff_form import BEFORE, validate

    monkeypatch.setitem(BEFORE, "contact_name", NAME_ASKED)
    said, produced = validate("contact_name", words, {"contact_name": words})
    assert produced["contact_name"] != "non précisé"
    assert NO_NAME_NEEDED not in said


# ------------------------------------- r29-a-09: a mind changed at the consent is a no, never a pause to wait for


@pytest.mark.parametrize(
    "words",
    [
        "attendez finalement non, je préfère en parler à ma femme d'abord",
        "euh en fait non, je vais voir avec mon expert-comptable",
        "bon tout compte fait non, pas maintenant",
        "ah non en fait, pas tout de suite",
    ],
)
def test_a_mind_changed_at_the_consent_is_a_no(words):
    _, produced = validate_consent(words, "deny", False)
    assert produced["consent_given"] is False


@pytest.mark.parametrize("words", ["attendez je réfléchis", "attendez, je vais voir avec mon associé"])
def test_near_miss_a_pause_at_the_consent_is_waited_for(words):
    _, produced = validate_consent(words, "deny", False)
    assert produced["consent_given"] is None


def validate_consent(words, intent, mapped):
    from tests.support.handoff_form import validate

    return validate("consent_given", words, {"consent_given": mapped}, intent=intent)

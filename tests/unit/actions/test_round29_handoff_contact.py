"""Round 29 (talker a), the contact kept at the handoff. r29-a-22: an address whose provider's domain slipped on the
keyboard ("@gmial.com") kept as the only contact of an urgent case, never questioned. Real trackers, the form's
validation; new wordings and near misses that must stay as typed."""

from __future__ import annotations

import pytest

from actions.handoff import contact_answers, normalise_email
from actions.handoff_actions import NO_ADDRESS_IN_WORDS, NO_NAME_NEEDED, ValidateHandoffForm
from intake.email_domains import domain_put_right
from intake.facts import fold
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


# ------------- r29-a-29, r29-a-11: at the e-mail question, words with no sign of an address are never judged as one


def _at_the_email_question_once_stored(words: str, moment: str | None = "demain matin", intent: str = "inform"):
    slots = {
        **consented(),
        "phone": "+33612345678",
        "case_reference": "RL-T6VD7H",
        "requested_slot": "email",
        "callback_slot": moment,
    }
    events = [
        {"event": "slot", "name": "requested_slot", "value": "email"},
        bot("Quelle est votre adresse e-mail ?"),
        user(words, intent),
        {"event": "slot", "name": "email", "value": words},
    ]
    return tracker(events, slots={**slots, "email": words}, active_loop="handoff_form", sender_id="round29-moved")


INCOMPLETE = "Cette adresse ne semble pas complète"


@pytest.mark.parametrize(
    "words, day",
    [
        ("ah non attendez, plutôt vendredi, demain j'ai le dentiste", "vendredi"),
        ("non finalement mettez mercredi après-midi", "mercredi"),
    ],
)
def test_a_moment_changed_at_the_email_question_replaces_the_one_kept(words, day):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question_once_stored(words), DOMAIN)
    slots = slot_events(produced)
    assert day in fold(slots["callback_slot"])
    assert slots.get("email") is None
    said = texts(dispatcher)
    assert not any(INCOMPLETE in text for text in said)
    assert any(text.startswith("C'est corrigé : un conseiller vous rappellera") for text in said)


@pytest.mark.parametrize("words", ["vous me rappelez quand du coup ?", "c'est bon pour demain matin alors ?"])
def test_when_they_call_asked_at_the_email_question_is_answered(words):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question_once_stored(words), DOMAIN)
    said = texts(dispatcher)
    assert not any(INCOMPLETE in text for text in said)
    assert any("un conseiller vous rappellera" in text for text in said)
    assert slot_events(produced).get("callback_slot", "demain matin") == "demain matin"


def test_a_sentence_with_no_address_is_said_to_hold_none():
    dispatcher, _ = run(ValidateHandoffForm(), _at_the_email_question_once_stored("c'est mon fils qui gère ça"), DOMAIN)
    said = texts(dispatcher)
    assert not any(INCOMPLETE in text for text in said)
    assert NO_ADDRESS_IN_WORDS in said


@pytest.mark.parametrize("words", ["marc.bois@orange", "marc point bois arobase free"])
def test_near_miss_an_address_tried_is_still_judged(words):
    dispatcher, produced = run(ValidateHandoffForm(), _at_the_email_question_once_stored(words), DOMAIN)
    assert slot_events(produced).get("email") is None
    assert any(INCOMPLETE in text for text in texts(dispatcher))


# ------------- r29-a-17, r29-b-03, r29-b-10: the moment said with the number before the consent is kept with it


@pytest.mark.parametrize(
    "words, part",
    [
        ("vous pourriez m'appeler vers 14h ? 06 45 12 78 90, c'est Yacine", "14"),
        ("rappelez-le sur le fixe 02 98 44 12 30, il est à l'atelier le matin", "matin"),
        ("oui sur son portable 06 21 43 65 87 mais pas avant mercredi, il est en déplacement", "mercredi"),
    ],
)
def test_a_moment_said_with_the_number_at_the_offer_is_kept(words, part):
    before = [user("la banque a rejeté mes prélèvements"), bot("Voulez-vous qu'un conseiller vous rappelle ?")]
    _, slots = answered_at("wants_advisor", words, "inform", before, ["banque"], "Yacine")
    assert slots["wants_advisor"] is True
    assert part in fold(slots.get("callback_slot") or "")


@pytest.mark.parametrize(
    "words",
    ["oui 06 45 12 78 90, l'audience est vendredi", "06 45 12 78 90 merci", "06 45 12 78 90, c'est dur depuis lundi"],
)
def test_near_miss_no_moment_beside_the_number(words):
    before = [user("la banque a rejeté mes prélèvements"), bot("Voulez-vous qu'un conseiller vous rappelle ?")]
    _, slots = answered_at("wants_advisor", words, "inform", before, ["banque"], "Yacine")
    assert slots["wants_advisor"] is True
    assert not slots.get("callback_slot")


# ------------- r29-a-27, r29-b-28: "no unknown numbers", "a SMS first": the case says the advisor writes first


@pytest.mark.parametrize(
    "words, reached",
    [
        ("07 81 22 33 44, sur whatsapp seulement, je réponds jamais aux numéros masqués", True),
        ("appelez-la au 06 90 11 22 33 mais mettez un texto avant, elle décroche pas aux numéros inconnus", True),
        ("06 90 11 22 33, par sms uniquement", True),
        ("06 90 11 22 33, mes clients ne décrochent plus", False),
        ("06 90 11 22 33, l'urssaf m'a envoyé un sms", False),
    ],
)
def test_a_message_first_is_the_contact_kept(words, reached):
    from actions.handoff_actions import written_contact_kept
    from intake.written_contact import WRITTEN_ONLY

    current = tracker(
        [user("dettes fournisseurs, je veux un conseiller"), bot("À quel numéro ?"), user(words)],
        slots={**consented(), "requested_slot": "phone"},
        active_loop="handoff_form",
    )
    kept = slot_events(written_contact_kept(current))
    assert (kept.get("callback_slot") == WRITTEN_ONLY) is reached


# ------------- r29-a-23: a delay ("dans 1h") is the hour it gives: at night, out of the advisors' hours, never noted


@pytest.mark.parametrize("words", ["dans une heure si vous pouvez", "d'ici 2 heures", "dans 40 minutes"])
def test_a_delay_said_at_night_is_refused_with_the_hours(words, monkeypatch):
    from actions.handoff import noted_for_other_questions

    monkeypatch.setenv("RELAIS_NOW", "2026-12-08T02:10:00+01:00")
    said = noted_for_other_questions({"callback_slot": words})
    assert "ne peuvent pas vous appeler" in said
    assert "j'ai noté le moment" not in said


def test_near_miss_a_delay_said_in_the_day_is_noted(monkeypatch):
    from actions.handoff import noted_for_other_questions

    monkeypatch.setenv("RELAIS_NOW", "2026-12-08T10:10:00+01:00")
    assert noted_for_other_questions({"callback_slot": "dans une heure"}).startswith("Merci, j'ai noté le moment")


# ------------- r29-a-30: "vous me rappelez quand ?" after the consent refused: nothing kept, said so


@pytest.mark.parametrize(
    "slots, nothing_kept",
    [
        ({"wants_advisor": True, "consent_given": False}, True),
        ({"wants_advisor": True, "consent_given": True}, False),
    ],
)
def test_when_they_call_after_a_refused_consent_says_nothing_was_kept(slots, nothing_kept):
    from actions.service_answers import NOTHING_KEPT_AFTER_A_NO, service_question_text

    words = "et donc on me rappelle quand ?"
    current = tracker([user("06 70 80 90 10"), bot("C'est entendu. Je ne transmets rien."), user(words)], slots=slots)
    said = service_question_text(current, words) or ""
    assert (NOTHING_KEPT_AFTER_A_NO in said) is nothing_kept


# ------------- r29-a-10: an address given instead of the number at the name question answers the number too


@pytest.mark.parametrize(
    "words, phone_passed",
    [
        ("je veux pas donner mon numéro, écrivez-moi à lucie.coiffure@orange.fr", True),
        ("pas de téléphone svp, plutôt par mail : lucie.coiffure@orange.fr", True),
        ("lucie.coiffure@orange.fr", False),
    ],
)
def test_an_address_instead_of_the_number_at_the_name_question(words, phone_passed):
    before = [
        user("la banque a bloqué le compte"),
        bot("Comment le conseiller peut-il vous appeler ? Un prénom suffit."),
    ]
    _, slots = answered_at("contact_name", words, "inform", before, ["banque"], "")
    assert slots["email"] == "lucie.coiffure@orange.fr"
    assert (slots.get("phone") == "non précisé") is phone_passed

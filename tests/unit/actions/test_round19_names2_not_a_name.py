"""Round 19 (r19c-04, r19c-13, r19b-06): words that name nobody were stored as the name the advisor asks for: a
possessive said before a number ("Son"), a whole request ("appelez ma femme Carla"), a verb ("J'appelle", the brother
only mentioned then filed as the writer). The name question was then skipped."""

from __future__ import annotations

import pytest

from actions.handoff import contact_given_with, names_of_numbers, person_to_call, written_for
from actions.handoff_actions import ValidateHandoffForm
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

SITUATION = {"difficulty_categories": ["banque"], "urgency": "normale", "distress": False}
CONSENTED = {"wants_advisor": True, "consent_given": True}


def answer(words, intent, question, mapped=None, extra=None, first="mon mari est plombier, la banque réclame le prêt"):
    events = [user(first), bot("?"), user(words, intent)]
    events += [{"event": "slot", "name": name, "value": value} for name, value in (mapped or {}).items()]
    slots = {**SITUATION, **(extra or {}), **(mapped or {}), "requested_slot": question}
    dispatcher, produced = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    return slot_events(produced), texts(dispatcher)


@pytest.mark.parametrize(
    "words",
    [
        "sa ligne directe 07 81 22 43 65",
        "son fixe : 04 91 55 66 77",
        "leur portable 06 40 30 20 10",
        "mon portable 0612345678",
    ],
)
def test_a_possessive_before_a_number_names_nobody(words):
    assert "contact_name" not in contact_given_with(words)
    assert names_of_numbers(words) == {}


@pytest.mark.parametrize(
    "words, name",
    [("Odile au 07 81 22 43 65", "Odile"), ("c'est Rémi, 04 91 55 66 77", "Rémi")],
)
def test_near_miss_a_name_beside_a_number_is_still_kept(words, name):
    assert contact_given_with(words)["contact_name"] == name


@pytest.mark.parametrize(
    "words",
    ["sa ligne directe 07 81 22 43 65", "leur portable 06 40 30 20 10"],
)
def test_a_possessive_and_number_at_the_name_question_keeps_only_the_number(words):
    changed, said = answer(words, "inform", "contact_name", {"contact_name": words}, CONSENTED)
    assert changed["contact_name"] is None and changed["phone"].startswith("+33")
    assert not any(text.startswith(("Merci Sa", "Merci Leur")) for text in said)


def test_a_possessive_and_number_at_the_health_question_is_no_name():
    first = "ma mère est fleuriste, elle s'est cassé la jambe et la banque a coupé le découvert"
    extra = {**CONSENTED, "health_consent": None}
    changed, said = answer("sa ligne directe 07 81 22 43 65", "inform", "health_consent", {}, extra, first=first)
    assert changed.get("contact_name") in (None,)
    assert not any("Merci Sa" in text for text in said)


@pytest.mark.parametrize(
    "words, name",
    [
        ("rappelez plutôt mon mari, Gérald", "Gérald"),
        ("contactez ma fille, Inès", "Inès"),
        ("appelez mon fils, Hugo", "Hugo"),
        ("demandez Solène", "Solène"),
        ("demandez plutôt Mme Roux", "Mme Roux"),
    ],
)
def test_the_name_is_taken_out_of_the_request(words, name):
    changed, _said = answer(words, "inform", "contact_name", {"contact_name": words}, CONSENTED)
    assert changed["contact_name"] == name


@pytest.mark.parametrize(
    "words, name", [("Solène", "Solène"), ("Mme Roux", "Mme Roux"), ("moi c'est Gérald", "Gérald")]
)
def test_near_miss_plain_names_at_the_name_question(words, name):
    changed, _said = answer(words, "inform", "contact_name", {"contact_name": words}, CONSENTED)
    assert changed["contact_name"] == name


@pytest.mark.parametrize(
    "words",
    [
        "Je préviens sa sœur, elle est à côté. Oui d'accord pour qu'on me rappelle.",
        "J'ai prévenu son associé qui arrive. Oui je veux bien être rappelée.",
        "j'ai appelé son fils, il vient. oui rappelez moi",
    ],
)
def test_someone_only_mentioned_is_neither_the_name_nor_the_writer(words):
    assert person_to_call(words) is None
    assert not (written_for([words]) or {}).get("writer_name")
    assert (written_for([words]) or {}).get("writer") is None
    changed, _said = answer(words, "request_human", "wants_advisor", {"wants_advisor": True})
    assert changed["wants_advisor"] is True
    assert "contact_name" not in changed  # so the name question is asked after the consent


@pytest.mark.parametrize(
    "words, writer, name",
    [
        ("Thomas, son fils. Oui rappelez-moi", "fils", "Thomas"),
        ("Nadège, sa femme, je vous écris pour lui", "epouse", "Nadège"),
    ],
)
def test_near_miss_the_writer_introduced_with_the_role_is_kept(words, writer, name):
    found = written_for([words])
    assert found["writer_name"] == name
    assert found["writer"] in (writer, "femme")

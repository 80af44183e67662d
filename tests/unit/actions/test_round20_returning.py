"""Round 20 (returning): someone who comes back once the case is stored. "j'ai oublié de dire que…" and "on peut
demander d'enlever la majoration ?" are no request to erase (r20c-01, r20c-13); new facts reach the stored case, and
the artisan is told so; a client's redressement gets the step of declaring the claim; "on veut bien être rappelé" on
coming back is a callback request (r20c-07). Own wordings, over real trackers and a temporary database."""

from __future__ import annotations

import json

import pytest

from actions.faq_actions import ActionAnswerFaq
from actions.handoff_actions import save_case
from actions.intake_actions import ActionGreet
from bot.components.keyword_guard import added_to_the_case
from guidance.facts import read_causes, read_stage
from intake.answers import about_the_data, adds_to_the_case, asks_for_callback
from tests.support.action_services import stored_cases
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SENDER = "returning-artisan"
PHONE = "+33556123456"
ERASING = "annulez ma demande"


def _faq(text: str, key: str) -> dict:
    event = user(text, "faq")
    event["parse_data"]["response_selector"] = {
        "default": {"response": {"intent_response_key": key, "responses": [{"text": "…"}]}}
    }
    return event


def _stored() -> str:
    slots = consented(phone=PHONE, difficulty_categories=["impayes_clients"])
    current = tracker([user("je suis tonnelier, un château me doit 18000 euros")], slots=slots, sender_id=SENDER)
    return save_case(current, dict(current.slots)).reference


def _returning(words: str, key: str, reference: str):
    slots = consented(phone=PHONE, difficulty_categories=["impayes_clients"], case_reference=reference)
    events = [
        user("je suis tonnelier, un château me doit 18000 euros"),
        bot(f"C'est noté, votre référence est {reference}."),
        _faq(words, key),
    ]
    return tracker(events, slots=slots, sender_id=SENDER)


def test_news_from_a_returning_artisan_reaches_the_case_with_the_claim_step() -> None:
    reference = _stored()
    words = "rebonjour, c'est Marc, j'ai oublié de vous dire que le domaine a été placé en redressement judiciaire, je vais être payé ?"
    dispatcher, events = run(ActionAnswerFaq(), _returning(words, "faq/delete_data", reference))
    said = " ".join(texts(dispatcher))
    assert ERASING not in said
    assert f"ajouté à votre demande {reference}" in said
    assert "mandataire judiciaire" in said and "2 mois" in said
    assert slot_events(events)["case_reference"] == reference
    case = stored_cases()[0]
    assert case.reference == reference
    assert "redressement judiciaire" in json.dumps(case.transcript, ensure_ascii=False)


def test_asking_to_add_to_the_file_updates_the_case() -> None:
    reference = _stored()
    words = "est-ce que vous pouvez rajouter ça dans mon dossier ?"
    dispatcher, _ = run(ActionAnswerFaq(), _returning(words, "faq/what_can_you_do", reference))
    assert f"ajouté à votre demande {reference}" in " ".join(texts(dispatcher))
    assert "rajouter ça dans mon dossier" in json.dumps(stored_cases()[0].transcript, ensure_ascii=False)


def test_near_miss_adding_without_a_case_says_there_is_none_yet() -> None:
    events = [
        user("je suis tonnelier"),
        bot("D'accord."),
        _faq("mettez ça dans mon dossier svp", "faq/what_can_you_do"),
    ]
    dispatcher, _ = run(ActionAnswerFaq(), tracker(events, slots={"difficulty_categories": ["impayes_clients"]}))
    said = " ".join(texts(dispatcher))
    assert "pas encore de demande enregistrée" in said and ERASING not in said
    assert stored_cases() == []


@pytest.mark.parametrize(
    "words",
    ["on peut demander d'enlever la majoration ?", "est-ce qu'ils peuvent supprimer les pénalités de retard ?"],
)
def test_a_surcharge_taken_away_is_no_request_to_erase(words: str) -> None:
    events = [user("j'ai 10% de majoration sur la CFE"), bot("D'accord."), _faq(words, "faq/delete_data")]
    dispatcher, _ = run(ActionAnswerFaq(), tracker(events, slots={"difficulty_categories": ["impots"]}))
    said = " ".join(texts(dispatcher))
    assert said and ERASING not in said and "Effacer la conversation" not in said


@pytest.mark.parametrize("words", ["effacez mes données svp", "comment je fais pour supprimer la conversation ?"])
def test_near_miss_erasing_asked_still_gets_its_answer(words: str) -> None:
    assert about_the_data(words)
    assert not adds_to_the_case(words)


def test_the_guard_sends_an_addition_misread_as_not_understood_to_the_faq_action() -> None:
    assert added_to_the_case("vous pouvez ajouter ca a mon dossier ? et je fais quoi ?", "nlu_fallback") == "faq"
    assert added_to_the_case("je vous ai dit que c'est un château", "nlu_fallback") is None
    assert added_to_the_case("vous pouvez ajouter ca a mon dossier ?", "request_human") is None


def test_a_client_named_by_what_it_is_is_a_client_in_procedure_not_the_artisan() -> None:
    words = "le château a été mis en redressement judiciaire, je vais être payé ?"
    assert "client_en_procedure" in read_causes([words])
    assert read_stage([words]) is None
    # near misses: the artisan's own business
    assert read_stage(["l'entreprise a été mise en redressement judiciaire, je vais être payé ?"]) == "procedure"
    assert "client_en_procedure" not in read_causes(["la boîte a été mise en redressement"])


@pytest.mark.parametrize(
    "words", ["re bonjour, on veut bien être rappelés", "bonjour c'est nous, nous voulons bien être rappelés"]
)
def test_a_returning_couple_asking_for_the_call_gets_the_callback(words: str) -> None:
    assert asks_for_callback(words)
    events = [
        user("mon mari est plombier, l'urssaf nous réclame 6000 euros"),
        {"event": "slot", "name": "difficulty_categories", "value": ["urssaf"], "timestamp": None},
        bot("D'accord."),
        user(words, "greet"),
    ]
    slots = {"difficulty_categories": ["urssaf"], "guidance_given": True}
    dispatcher, events = run(ActionGreet(), tracker(events, slots=slots))
    assert slot_events(events).get("wants_advisor") is True
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events)
    assert "écrire « conseiller »" not in " ".join(texts(dispatcher))


@pytest.mark.parametrize("words", ["on veut pas être rappelés", "re bonjour"])
def test_near_miss_no_callback_asked_on_coming_back(words: str) -> None:
    events = [
        user("mon mari est plombier, l'urssaf nous réclame 6000 euros"),
        {"event": "slot", "name": "difficulty_categories", "value": ["urssaf"], "timestamp": None},
        bot("D'accord."),
        user(words, "greet"),
    ]
    _, events = run(ActionGreet(), tracker(events, slots={"difficulty_categories": ["urssaf"], "guidance_given": True}))
    assert slot_events(events).get("wants_advisor") is not True

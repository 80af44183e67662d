"""Round 23 (talk-b #3, #5, #6, #10, #12): intake answers over real trackers.

- r23b-01, r23b-18: "l'URSSAF / les impôts vont savoir ?" at an intake question got "je ne sais pas répondre".
- r23b-14: "c'est pas les impots le probleme, c'est mon associé…" got "la chambre n'est ni l'URSSAF, ni les impôts".
- r23b-05, r23b-18: "bon je vais réfléchir" alone got "Je vous repose la question".
- r23b-10, r23b-16: "ya quelqu'un ?", "vous voulez savoir quoi ?" got "Je n'ai pas bien compris".
"""

from __future__ import annotations

import yaml

from actions.faq_actions import ActionAnswerFaq
from actions.intake_actions import ActionHandleMisunderstanding, ActionStopConversation, ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user

DOMAIN = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
KNOWN = {"difficulty_categories": ["urssaf"], "trade": "menuisier", "creditors": "URSSAF 5000 €"}


def _at_question(words, slot="deadline", intent="nlu_fallback", extracted=None, action=None, history=()):
    extracted = {slot: words} if extracted is None else extracted
    events = [
        user("menuisier, je dois 5000 € à l'urssaf"),
        *({"event": "slot", "name": k, "value": v} for k, v in KNOWN.items()),
        *history,
        {"event": "slot", "name": "requested_slot", "value": slot},
        bot("Avez-vous une échéance proche ?"),
        user(words, intent),
        *({"event": "slot", "name": k, "value": v} for k, v in extracted.items()),
    ]
    slots = {**KNOWN, "requested_slot": slot, **extracted}
    dispatcher, produced = run(action or ValidateSituationForm(), tracker(events, slots, "situation_form"), DOMAIN)
    return [m.get("text") or "" for m in dispatcher.messages], produced


def test_a_body_told_asked_at_an_intake_question_is_answered():
    said, produced = _at_question("le fisc va être au courant que je vous écris ?")
    assert said[0].startswith("Non")
    assert slot_events(produced)["deadline"] is None  # never stored as the deadline


def _faq(words, key, slots=None):
    event = user(words, "faq")
    event["parse_data"]["response_selector"] = {"default": {"response": {"intent_response_key": key}}}
    events = [user("bonjour, je suis coiffeuse", "greet"), bot("Qu'est-ce qui vous amène aujourd'hui ?"), event]
    dispatcher, produced = run(ActionAnswerFaq(), tracker(events, slots or {"trade": "coiffeuse"}))
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages], produced


def test_a_body_put_aside_starts_the_intake_instead_of_answering_who_we_are():
    said, produced = _faq(
        "en fait c'est pas la banque le souci, c'est ma sœur associée qui veut récupérer sa part", "faq/other_bodies"
    )
    assert "utter_faq/other_bodies" not in said
    assert not any("ni l'URSSAF" in text for text in said)
    assert any(e.get("event") == "followup" and e.get("name") == "situation_form" for e in produced)


def test_the_question_whether_we_are_a_body_still_gets_its_answer():
    said, _ = _faq("vous êtes de la banque ?", "faq/other_bodies")
    assert said[0] == "utter_faq/other_bodies" or said[0].startswith("Non")


def test_the_tax_office_knowing_is_answered_with_the_tax_office():
    said, _ = _faq("et les impôts, ils sauront que je vous ai écrit ?", "faq/confidential")
    assert said[0].startswith("Non") and "impôts" in said[0]


def test_thinking_it_over_alone_at_an_intake_question_takes_leave():
    said, produced = _at_question(
        "bon je vais y réfléchir", intent="goodbye", extracted={}, action=ActionStopConversation()
    )
    assert not any("repose la question" in text for text in said)
    assert slot_events(produced).get("requested_slot", "x") is None


def test_a_pause_still_waits_for_the_answer():
    said, produced = _at_question(
        "attendez je réfléchis", intent="goodbye", extracted={}, action=ActionStopConversation()
    )
    assert slot_events(produced).get("requested_slot", "x") is not None
    assert said


def _misunderstood(words, slots=None):
    events = [bot("Bonjour, je suis l'assistant automatique."), user(words, "nlu_fallback")]
    dispatcher, _ = run(ActionHandleMisunderstanding(), tracker(events, slots or {}))
    return [m.get("text") or "" for m in dispatcher.messages]


def test_someone_there_is_answered_yes():
    said = _misunderstood("allô, il y a quelqu'un ?")
    assert said and said[0].startswith("Oui") and "compris" not in said[0]


def test_what_to_say_is_guided_before_anything_is_told():
    said = _misunderstood("je sais pas par où commencer, je dois vous dire quoi ?")
    assert said and "compris" not in said[0] and "métier" in said[0]

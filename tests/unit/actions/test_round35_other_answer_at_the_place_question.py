"""Round 35 (make run, r35-d): at the place question, "le 2 décembre" (no place: "Je n'ai pas reconnu ce lieu"), then
"je sais pas, c'est la TVA de l'an dernier je crois": the answer to another question was noted, and the place question
came back as "Je n'ai pas reconnu ce lieu" about words that were not one. An answer to another question leaves no
unread place behind: the question comes back plainly."""

from __future__ import annotations

import yaml

from actions.intake_actions import ValidateSituationForm
from actions.place_validation import AGAIN, PLACE_QUESTION, QUESTION
from chamber.config import load_chamber
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


def test_an_answer_to_another_question_after_an_unread_place_brings_the_plain_question_back():
    domain = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
    known = {"difficulty_categories": ["impots"], "trade": "coiffeuse", "place_unread": "le 2 décembre"}
    words = "je sais pas, c'est depuis l'an dernier je crois"
    events = [
        user("les impôts ont bloqué mon compte pro"),
        *({"event": "slot", "name": k, "value": v} for k, v in known.items()),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user("le 2 décembre", "inform"),
        bot(AGAIN),
        user(words, "skip_question"),
        {"event": "slot", "name": "since_when", "value": "depuis l'an dernier"},  # read by the triage action
        {"event": "slot", "name": "departement", "value": "non précisé"},
    ]
    slots = {
        **known,
        "requested_slot": "departement",
        "departement": "non précisé",
        "since_when": "depuis l'an dernier",
    }
    dispatcher, produced = run(
        ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), domain
    )
    changed = slot_events(produced)
    assert changed["departement"] is None  # asked again
    assert changed["place_unread"] is None
    assert "Merci, c'est noté." in " ".join(texts(dispatcher))
    question, _ = PLACE_QUESTION.render(load_chamber(), {**slots, **changed})
    assert question == QUESTION

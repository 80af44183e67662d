"""Round 22 (r22c-05, r22c-11): a place written alone in one clause of a longer answer ("Gard. mais dites moi…",
"Nice, je l'ai dit. Nice") is read at the place question, whatever the NLU made of the rest of the words."""

from __future__ import annotations

import pytest
import yaml

from actions.intake_actions import ValidateSituationForm
from actions.place_validation import QUESTION
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, tracker, user


def _place_question(words: str, intent: str, extracted: dict) -> dict:
    domain = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
    known = {"difficulty_categories": ["saisie"], "trade": "carreleur"}
    events = [
        user("l'huissier est passé, saisie sur le compte"),
        *({"event": "slot", "name": k, "value": v} for k, v in known.items()),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, intent),
        *({"event": "slot", "name": k, "value": v} for k, v in extracted.items()),
    ]
    slots = {**known, "requested_slot": "departement", **extracted}
    _, produced = run(ValidateSituationForm(), tracker(events, slots=slots, active_loop="situation_form"), domain)
    return slot_events(produced)


ANSWERS = [
    ("Gard. mais dites moi par ou je dois commencer, il revient demain", "30"),
    ("gard. et la je fais quoi ?", "30"),
    ("Nice, je vous l'ai deja dit. Nice", "06"),
    ("Nice, I told you. Nice", "06"),
    ("ARIEGE. vous pouvez m'aider ?", "09"),
    ("herault !! c'est grave docteur ?", "34"),
    ("la Drôme, mais j'ai surtout besoin d'aide", "26"),
    ("Seine-Saint-Denis... qu'est ce que je dois faire", "93"),
    ("Tours. bon et maintenant ?", "37"),
]


@pytest.mark.parametrize("words, code", ANSWERS)
@pytest.mark.parametrize("intent, mapped", [("ask_question", False), ("skip_question", True), ("inform", None)])
def test_a_place_alone_in_its_clause_is_the_answer(words, code, intent, mapped):
    # mapped: False, nothing mapped (a question); True, read as a skip; None, the whole text mapped.
    extracted = {} if mapped is False else {"departement": "non précisé" if mapped else words}
    assert _place_question(words, intent, extracted)["departement"] == code


@pytest.mark.parametrize(
    "words",
    [
        "c'est cher. je sais pas quoi faire",
        "je sais pas. la somme ? je dois payer quand",
        "je sais pas, demain: reunion. aidez moi",
    ],
)
def test_words_that_look_like_a_place_are_no_answer(words):
    assert _place_question(words, "ask_question", {}).get("departement") in (None, "non précisé")

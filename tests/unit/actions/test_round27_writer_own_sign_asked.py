"""Round 27 (r27-b-04, r27-b-27, talk-b B4): the check-in speaks to the artisan who says he is worn out, not about his
wife whose illness he mentions; a spouse's illness alone, and a relative's warning sign, still speak of that person."""

from __future__ import annotations

import pytest

from actions.crisis_actions import ActionCheckIn
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, slot_events, texts, tracker, user


def _checked_in(words: str) -> tuple[dict, list[str]]:
    events = [bot("Bonjour."), user(words)]
    _, produced = run(ValidateTriageSlots(), tracker(events, {}))
    slots = slot_events(produced)
    events += [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    dispatcher, _ = run(ActionCheckIn(), tracker(events, slots))
    return slots, texts(dispatcher)


@pytest.mark.parametrize(
    "words",
    [
        "je suis carrossier a Saint-Brieuc, l'urssaf me reclame 8000 euros, ma femme est en arret maladie pour "
        "depression et moi je suis a bout, je dors 4h par nuit",
        "slt jsui plombier, ma femme est en depression depuis l'ete et moi jsui a bout jdors plus",
        "Bonjour, je suis boulangère à Niort. Mon mari est en arrêt maladie pour dépression et moi je suis à bout.",
    ],
)
def test_the_writer_is_the_one_asked_about(words: str) -> None:
    slots, said = _checked_in(words)
    assert slots.get("person_at_risk") is None
    assert said and said[0].startswith("Ce que vous traversez")
    assert not any("votre femme" in text or "votre mari" in text for text in said)


def test_a_spouse_s_illness_alone_still_speaks_of_her() -> None:
    slots, said = _checked_in("ma femme est en depression depuis septembre")
    assert slots.get("person_at_risk") == "ma femme"
    assert said[0].startswith("Ce que vit votre femme")

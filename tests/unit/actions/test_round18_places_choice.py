"""Round 18 (r18a-14): the "Évry" namesakes pending, a later message naming Corbeil settles the Essonne (91)."""

from actions.triage_actions import facts_to_fill
from tests.support.trackers import bot, tracker, user

CHOICES = ["Évry-Courcouronnes (91)", "Évry (89)"]


def _at(asked: str, words: str, slots: dict | None = None):
    known = [{"event": "slot", "name": "departement", "value": v} for v in [(slots or {}).get("departement")] if v]
    events = [
        *known,
        {"event": "slot", "name": "place_choices", "value": CHOICES},
        {"event": "slot", "name": "requested_slot", "value": asked},
        bot("Êtes-vous en sécurité en ce moment ?" if asked == "safe_now" else "Depuis quand ?"),
        user(words, "inform"),
    ]
    return tracker(events, slots={"requested_slot": asked, "place_choices": CHOICES, **(slots or {})})


def test_a_town_said_at_the_safety_question_settles_the_pending_choice():
    facts = facts_to_fill(_at("safe_now", "oui oui, il refait une toiture à Corbeil en ce moment"))
    assert facts.get("departement") == "91"
    assert facts.get("commune") == "Évry-Courcouronnes"
    assert facts.get("place_choices") is None


def test_a_town_sharing_no_departement_leaves_the_choice_pending():
    assert "departement" not in facts_to_fill(_at("safe_now", "oui, il est sur un chantier à Lyon"))


def test_a_place_known_is_never_moved_by_the_settling():
    facts = facts_to_fill(_at("since_when", "depuis mars, il travaille surtout à Corbeil", {"departement": "89"}))
    assert facts.get("departement") in (None, "89")

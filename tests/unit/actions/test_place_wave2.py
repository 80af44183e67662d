"""Round 12, wave 2 (places), over real trackers: the choice among namesakes said in words, a place said as where one
will be that never replaces the business's place, a town several communes bear said in passing that leads to the
choice, and a town said beside another."""

from __future__ import annotations

import pytest
import yaml

from actions.handoff_actions import ValidateHandoffForm
from actions.intake_actions import ValidateSituationForm
from actions.place_validation import CHOOSE, GIVE_UP, PLACE_QUESTION, QUESTION
from actions.triage_actions import ValidateTriageSlots
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

SAINT_DENIS = ["Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)"]
# The handoff form asks the place last, once the callback is arranged.
_CALLBACK_ARRANGED = {
    "wants_advisor": True,
    "consent_given": True,
    "consent_at": "2026-12-01T10:00:00+00:00",
    "contact_name": "Kevin",
    "phone": "+33612345678",
    "email": "non précisé",
    "callback_slot": "lundi",
}


def _slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def _domain():
    return {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}


def _turn(known: dict, asked: str | None, words: str, extracted: dict, entities: list | None = None):
    """Events and slots of a conversation where ``known`` was set, ``asked`` is pending, and ``words`` were just said,
    the slot mappings taking ``extracted`` from them."""
    events = [
        user("je suis carreleur, l'urssaf me reclame 7400 euros, le 15 je dois payer"),
        *(_slot(k, v) for k, v in known.items()),
        *([_slot("requested_slot", asked)] if asked else []),
        bot("…"),
        user(words, "inform", entities),
        *(_slot(k, v) for k, v in extracted.items()),
    ]
    slots = {**known, "requested_slot": asked, **extracted}
    return events, slots


# ------------------------------------------------------------------ C1: a choice said in words, never the deadline

_CHOOSING = {
    "difficulty_categories": ["cotisations_sociales"],
    "deadline": "le mardi 15 décembre",
    "place_choices": SAINT_DENIS,
    "place_unread": "saint denis",
}


@pytest.mark.parametrize(
    "words, code",
    [
        ("celui a coté de paris, le 9-3", "93"),
        ("le 9-3", "93"),
        ("le 93", "93"),
        ("celui pres de paris, en seine saint denis", "93"),
        ("celui de la Réunion", "974"),
        ("pas loin de Narbonne", "11"),
        ("c'est celui a cote de narbonne, dans l'aude", "11"),
    ],
)
@pytest.mark.parametrize("form", [ValidateSituationForm, ValidateHandoffForm])
def test_a_choice_said_in_words_is_the_place(words, code, form):
    name = "situation_form" if form is ValidateSituationForm else "handoff_form"
    known = _CHOOSING if form is ValidateSituationForm else {**_CHOOSING, **_CALLBACK_ARRANGED}
    events, slots = _turn(known, "departement", words, {"departement": words})
    dispatcher, produced = run(form(), tracker(events, slots, active_loop=name), _domain())
    assert slot_events(produced)["departement"] == code
    assert slot_events(produced)["commune"] == "Saint-Denis"
    assert GIVE_UP not in texts(dispatcher)


@pytest.mark.parametrize(
    "words, deadline_read",
    [
        ("celui a coté de paris, le 9-3", "le 9-3"),
        ("le 93", "le 93"),
        ("le 9 3 svp", "le 9 3"),
    ],
)
def test_a_choice_at_the_place_question_is_never_the_deadline_nor_the_town_it_is_near(words, deadline_read):
    # The entity extractor read a deadline in the answer, and "paris" is a place the sentence names.
    events, slots = _turn(_CHOOSING, "departement", words, {"departement": words, "deadline": deadline_read})
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="situation_form"))
    produced = slot_events(produced)
    assert produced.get("deadline") == "le mardi 15 décembre"
    assert produced.get("departement") in (None, words)  # the place validation reads it among the choices, not 75


def test_a_deadline_said_with_the_place_is_still_the_deadline():
    events, slots = _turn(
        {"difficulty_categories": ["cotisations_sociales"]},
        "departement",
        "a Arras, et je dois payer le 18",
        {"departement": "a Arras, et je dois payer le 18", "deadline": "le 18"},
    )
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="situation_form"))
    assert slot_events(produced).get("deadline", "le 18") != "le mardi 15 décembre"


# ---------------------------------------------------- C2: where one will be never replaces the business's place

_CLERMONT = {"difficulty_categories": ["tresorerie"], "departement": "60", "commune": "Clermont"}


@pytest.mark.parametrize(
    "words, town",
    [
        ("oui mais pas avant mardi, lundi je suis a rungis", "rungis"),
        ("oui, je serai sur un chantier a Beauvais toute la semaine", "Beauvais"),
        ("d'accord mais demain je vais chez un client a Lille", "Lille"),
        ("ok. le matin je suis au marché de Rungis", "Rungis"),
    ],
)
@pytest.mark.parametrize("tagged", [True, False])
def test_a_place_said_as_where_one_will_be_never_replaces_the_business_place(words, town, tagged):
    extracted = {"departement": town} if tagged else {}
    entities = [{"entity": "town", "value": town}] if tagged else None
    events, slots = _turn(_CLERMONT, "wants_advisor", words, extracted, entities)
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="handoff_form"))
    produced = slot_events(produced)
    assert produced.get("departement", "60") == "60", produced
    assert produced.get("commune", "Clermont") == "Clermont"
    if tagged:
        # The handoff form, validating the slot again in the same turn, keeps it too.
        events.append(_slot("departement", produced.get("departement", town)))
        slots["departement"] = produced.get("departement", town)
        _dispatcher, validated = run(
            ValidateHandoffForm(), tracker(events, slots, active_loop="handoff_form"), _domain()
        )
        assert slot_events(validated).get("departement", "60") == "60"


@pytest.mark.parametrize(
    "words, code",
    [
        ("non en fait l'atelier est a Roubaix", "59"),
        ("pardon je me suis trompé, c'est à Amiens", "80"),
    ],
)
def test_a_place_corrected_at_the_offer_is_still_the_place(words, code):
    events, slots = _turn(_CLERMONT, "wants_advisor", words, {})
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="handoff_form"))
    assert slot_events(produced)["departement"] == code


# ---------------------------------------------------- C8: a town several communes bear, said in passing


@pytest.mark.parametrize(
    "words, town",
    [
        ("salut c'est sa fille, il a un garage auto a Saint-Pierre et 3 mois de loyer en retard", "Saint-Pierre"),
        ("je suis coiffeuse a Saint-Denis et les impots me reclament 3000", "Saint-Denis"),
        ("mon pere est boulanger a st pierre, il doit 4000 a l urssaf", "st pierre"),
    ],
)
@pytest.mark.parametrize("tagged", [True, False])
def test_a_town_several_communes_bear_said_in_passing_leads_to_the_choice(words, town, tagged):
    extracted = {"departement": town} if tagged else {}
    events = [user(words, "describe_situation", [{"entity": "town", "value": town}] if tagged else None)]
    events += [_slot(k, v) for k, v in extracted.items()]
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, extracted))
    produced = slot_events(produced)
    assert produced.get("departement") is None  # never kept as typed: the case would have no département
    choices = produced["place_choices"]
    assert 2 <= len(choices) <= 3 and all("(" in choice for choice in choices)
    # When the place question comes, it offers them; a choice said in words is then the place.
    message, buttons = PLACE_QUESTION.render(None, produced)
    assert message.startswith(CHOOSE.split(".")[0]) and [b["title"] for b in buttons][: len(choices)] == choices
    code = choices[0].rsplit("(", 1)[1].rstrip(")")
    answer_events, answer_slots = _turn(produced, "departement", f"le {code}", {"departement": f"le {code}"})
    _dispatcher, answered = run(
        ValidateSituationForm(), tracker(answer_events, answer_slots, active_loop="situation_form"), _domain()
    )
    assert slot_events(answered)["departement"] == code


def test_a_namesake_said_again_never_replaces_the_place_known():
    events, slots = _turn(
        {"difficulty_categories": ["tresorerie"], "departement": "974"},
        "since_when",
        "depuis mars, au garage de Saint-Pierre",
        {"departement": "Saint-Pierre"},
        [{"entity": "town", "value": "Saint-Pierre"}],
    )
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, slots, active_loop="situation_form"))
    produced = slot_events(produced)
    assert produced.get("departement", "974") == "974" and not produced.get("place_choices")


def test_a_town_of_one_name_in_passing_is_read_at_once():
    events = [user("je suis plombier a Arras et l'urssaf me reclame 2000")]
    _dispatcher, produced = run(ValidateTriageSlots(), tracker(events, {}))
    produced = slot_events(produced)
    assert produced["departement"] == "62" and not produced.get("place_choices")


# ---------------------------------------------------- C9: a town said beside another


@pytest.mark.parametrize(
    "words, code, commune",
    [
        ("a cote de Tours, a Montlouis", "37", "Montlouis-sur-Loire"),
        ("Montlouis, pres de Tours", "37", "Montlouis-sur-Loire"),
        ("pas loin de Narbonne, a Saint-Denis", "11", "Saint-Denis"),
    ],
)
def test_a_town_said_beside_another_is_the_one_there(words, code, commune):
    events, slots = _turn({"difficulty_categories": ["tresorerie"]}, "departement", words, {"departement": words})
    _dispatcher, produced = run(
        ValidateSituationForm(), tracker(events, slots, active_loop="situation_form"), _domain()
    )
    produced = slot_events(produced)
    assert (produced["departement"], produced["commune"]) == (code, commune)


def test_the_plain_question_is_unchanged():
    assert PLACE_QUESTION.render(None, {})[0] == QUESTION

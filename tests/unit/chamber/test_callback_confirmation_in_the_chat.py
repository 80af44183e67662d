"""The confirmation said at the end of the handoff, over real trackers and a real case store (round 12: the moment
asked for was contradicted: "pas entre 12h et 14h" became "entre 12 h et 14 h", "pas avant 10h" became "à 8 h", and
"le soir après 18h" in Martinique was confirmed with hours of "3 h à 12 h chez vous")."""

from __future__ import annotations

import pytest

from actions.handoff_actions import ActionFinishHandoff, ValidateHandoffForm, callback_promise
from chamber import load_chamber
from tests.support.action_services import fresh_action_services
from tests.support.handoff_form import DOMAIN
from tests.support.trackers import bot, consented, run, slot_events, texts, tracker, user

SATURDAY = "2026-12-05T11:00:00+01:00"


@pytest.fixture(autouse=True)
def services_on_a_saturday(tmp_path, monkeypatch):
    monkeypatch.setenv("RELAIS_NOW", SATURDAY)
    yield from fresh_action_services(tmp_path, monkeypatch)


def confirmation(**slots):
    current = tracker([bot("?"), user("c'est bon", "affirm")], slots=consented(phone="+33671223890", **slots))
    dispatcher, _ = run(ActionFinishHandoff(), current)
    return " ".join(texts(dispatcher))


@pytest.mark.parametrize(
    "wish, urgency, kept, never",
    [
        ("mais pas entre 12h et 14h il est a la maison", "haute", "en dehors de 12 h - 14 h", "entre 12 h et 14 h"),
        ("pas entre midi et deux svp", "normale", "en dehors de 12 h - 14 h", "entre 12 h et 14 h"),
        ("pas avant 10h svp", "critique", "à partir de 10 h", "à 8 h"),
        ("pas avant 10 h", "normale", "à partir de 10 h", "à 8 h"),
        ("lundi mais pas avant 10h", "haute", "le lundi 7 décembre, à partir de 10 h", "à 8 h"),
    ],
)
def test_the_confirmation_keeps_the_constraint_said(wish, urgency, kept, never):
    said = confirmation(callback_slot=wish, urgency=urgency)
    assert kept in said and never not in said


@pytest.mark.parametrize(
    "departement, wish, kept",
    [
        ("972", "le soir apres 18h", "ne peuvent pas vous appeler le soir"),
        ("971", "plutôt l'après-midi", "ne peuvent pas vous appeler l'après-midi"),
        ("974", "le soir après 18h", "à partir de 18 h, heure locale"),
        ("973", "dès que possible", "entre 8 h et 13 h, heure locale"),
    ],
)
def test_overseas_the_confirmation_is_in_the_artisans_time_and_never_at_night(departement, wish, kept):
    said = confirmation(callback_slot=wish, departement=departement)
    assert kept in said
    for night in ("de 3 h", "de 4 h", "à 3 h", "à 4 h", "(les conseillers appellent jusqu'à 17 h)"):
        assert night not in said


def test_the_time_said_with_the_number_is_kept_as_a_constraint():
    words = "06 71 22 38 90 mais pas entre 12h et 14h il est a la maison"
    events = [bot("Votre numéro ?"), user(words, "inform"), {"event": "slot", "name": "phone", "value": words}]
    slots = {**consented(), "phone": words, "requested_slot": "phone", "urgency": "haute"}
    slots.pop("contact_name")
    slots["contact_name"] = "Martine"
    _, found = run(ValidateHandoffForm(), tracker(events, slots=slots, active_loop="handoff_form"), DOMAIN)
    kept = slot_events(found)
    assert kept["phone"] == "+33671223890"
    promise = callback_promise(load_chamber(), {**slots, **kept})
    assert "en dehors de 12 h - 14 h" in promise and "entre 12 h et 14 h" not in promise


@pytest.mark.parametrize("wish", ["tout de suite", "maintenant", "tt de suite svp"])
def test_now_on_a_saturday_is_promised_from_the_reopening(wish):
    said = confirmation(callback_slot=wish, urgency="normale")
    assert "dès la réouverture (le lundi 7 décembre à 8 h)" in said

"""Round 12 at the place question: a place named after "non" among the choices, a place said with overwhelm (read,
and heard before the question comes again), and "je suis toute seule" never kept as the number of employees."""

from __future__ import annotations

import pytest
import yaml

from actions.handoff_actions import ValidateHandoffForm
from actions.intake import FEELING_HEARD
from actions.intake_actions import ValidateSituationForm
from actions.place_validation import CHOOSE, GIVE_UP, QUESTION, place_update
from ops.settings import REPO_ROOT
from tests.support.trackers import bot, run, slot_events, texts, tracker, user

CLERMONTS = ["Clermont-Ferrand (63)", "Clermont (60)", "Clermont (40)"]


@pytest.mark.parametrize(
    "answer, code",
    [
        ("non clermont ferrand", "63"),
        ("non, Clermont-Ferrand", "63"),
        ("aucune c'est clermont ferrand", "63"),
        ("non c'est dans le 63", "63"),
        ("autre : Clermont-l'Hérault", "34"),
    ],
)
def test_a_place_named_after_a_no_to_the_choices_is_the_place(answer, code):
    update, message = place_update(answer, {"place_choices": CLERMONTS, "place_unread": "Clermont"})
    assert update["departement"] == code and message is None


@pytest.mark.parametrize("answer", ["non", "aucune", "non, aucune de celles-ci", "autre"])
def test_a_plain_no_to_the_choices_still_gives_up(answer):
    update, message = place_update(answer, {"place_choices": CLERMONTS, "place_unread": "Clermont"})
    assert update["departement"] == "non précisé" and message == GIVE_UP


def _place_question(words: str, intent: str, extracted: dict, slots: dict | None = None, form=ValidateSituationForm):
    """The form's validation run as the action server runs it, `words` said at the place question; `extracted`: what
    Rasa's slot mappings took from them."""
    name = "situation_form" if form is ValidateSituationForm else "handoff_form"
    domain = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}
    known = {"difficulty_categories": ["tresorerie"], "trade": "fleuriste", **(slots or {})}
    events = [
        user("mon mari est decede le mois dernier, les comptes sont bloques"),
        *({"event": "slot", "name": k, "value": v} for k, v in known.items()),
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, intent),
        *({"event": "slot", "name": k, "value": v} for k, v in extracted.items()),
    ]
    all_slots = {**known, "requested_slot": "departement", **extracted}
    dispatcher, produced = run(form(), tracker(events, slots=all_slots, active_loop=name), domain)
    return texts(dispatcher), slot_events(produced)


@pytest.mark.parametrize(
    "words",
    [
        "a Clermont. excusez moi je suis perdue, je suis toute seule maintenant",
        "on est a clermont, je sais plus ou j'en suis, j'y arrive plus",
        "a Clermont mais je tiens plus debout",
    ],
)
def test_a_place_said_with_overwhelm_is_read_and_heard(words):
    said, produced = _place_question(words, "express_overwhelm", {}, {"suicide_thoughts": "clear_no"})
    assert produced.get("place_choices", [None])[0] == "Clermont-Ferrand (63)", produced
    assert said[0] == FEELING_HEARD
    assert "employees" not in produced or produced["employees"] is None


@pytest.mark.parametrize("form", [ValidateSituationForm, ValidateHandoffForm])
def test_a_town_said_with_overwhelm_is_read_and_heard_in_both_forms(form):
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    words = "a Villeurbanne. je suis perdue, je tiens plus debout"
    events = [
        {"event": "slot", "name": "requested_slot", "value": "departement"},
        bot(QUESTION),
        user(words, "express_overwhelm"),
    ]
    slots = {"requested_slot": "departement", "suicide_thoughts": "clear_no"}
    dispatcher = CollectingDispatcher()
    extracted = asyncio.run(form().extract_departement(dispatcher, tracker(events, slots), {}))
    assert extracted == {"departement": words}
    result = form().validate_departement(words, dispatcher, tracker(events, {**slots, **extracted}), {})
    assert (result["departement"], result["commune"]) == ("69", "Villeurbanne")
    assert texts(dispatcher) == [FEELING_HEARD]


def test_a_plain_place_answer_gets_no_kind_word():
    said, produced = _place_question("a Clermont", "inform", {"departement": "Clermont"})
    assert produced["place_choices"][0] == "Clermont-Ferrand (63)"
    assert FEELING_HEARD not in said
    assert CHOOSE not in said or said.count(CHOOSE) <= 1


def test_overwhelm_without_a_place_is_not_taken_for_one():
    _said, produced = _place_question("je suis perdue, je tiens plus debout", "express_overwhelm", {})
    assert produced.get("departement") in (None,)


@pytest.mark.parametrize(
    "words",
    [
        "je suis toute seule maintenant",
        "je suis seul depuis qu'elle est partie",
        "je suis tout seul avec les enfants",
        "on est seuls au monde",
    ],
)
def test_being_alone_in_life_is_not_the_number_of_employees(words):
    from intake.facts import extract_facts, names_people_at_work

    assert "employees" not in extract_facts(words)
    assert not names_people_at_work(words)


@pytest.mark.parametrize(
    "words",
    [
        "je suis seul dans mon atelier",
        "je suis toute seule a bosser",
        "je suis seul sans salarie",
        "je travaille seul",
        "je bosse toute seule",
        "je suis seule au magasin",
    ],
)
def test_working_alone_is_still_read(words):
    from intake.facts import extract_facts

    assert extract_facts(words).get("employees")


@pytest.mark.parametrize("words", ["je suis seul", "je suis toute seule", "je suis tout seul maintenant"])
def test_alone_at_the_employees_question_is_the_answer(words):
    from intake.facts import extract_facts

    assert extract_facts(words, asked="employees").get("employees")


def test_the_check_in_says_the_kind_word_when_it_comes():
    # Level 3 newly reached and the direct question never answered: the check-in speaks (kind word and question);
    # the place validation adds no second kind word.
    said, produced = _place_question(
        "a Clermont. je suis perdue, je tiens plus debout", "express_overwhelm", {"distress_level": 3}
    )
    assert FEELING_HEARD not in said
    assert produced.get("place_choices", [None])[0] == "Clermont-Ferrand (63)"

"""A difficulty told where "pensez-vous au suicide ?" was asked (held-out v24, 2026-12-05).

The artisan goes on with the account ("le juge aux affaires familiales c'est en février"): that is no answer yet.
Taken at once as "not a clear no", the bot thanked them for confiding what they had not said and put the case at
critique (17 of the bot's false alarms on v24). It is now asked once more, and its facts are kept like any other.
"""

from __future__ import annotations

import pytest

from actions.crisis_actions import ValidateDirectQuestionForm
from actions.handoff import NO_ANSWER_REASON
from actions.triage_actions import ValidateTriageSlots
from tests.support.trackers import bot, run, run_extract, slot_events, texts, tracker, user

CHECK_IN = {"event": "action", "name": "action_check_in", "timestamp": None}
FIRST = "je suis vitrailliste à Troyes, l'urssaf me réclame 5200 euros et je dors plus"


def _at_the_question(answer: str, slot: str = "suicide_thoughts", *, asked_again: bool = False):
    events = [user(FIRST), CHECK_IN, bot("Est-ce qu'il vous arrive de penser au suicide ?")]
    if asked_again:
        events += [user("la banque aussi me relance"), bot("Merci pour cette précision."), bot("la question")]
    events += [
        {"event": "slot", "name": "requested_slot", "value": slot, "timestamp": None},
        user(answer),
    ]
    slots = {"requested_slot": slot, "difficulty_categories": ["cotisations_sociales"], "distress_level": 3}
    form = "direct_question_form" if slot == "suicide_thoughts" else "safety_form"
    return tracker(events, slots, active_loop=form)


@pytest.mark.parametrize(
    "answer",
    [
        "en plus les impôts veulent la CFE pour le 15",
        "mon propriétaire parle de résilier le bail commercial",
        "le fournisseur de verre a déposé le bilan avec mon acompte",
    ],
)
def test_a_difficulty_told_is_asked_again_then_read_as_no_clear_no(answer):
    dispatcher, slots = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer))
    assert slots == {"suicide_thoughts": None} and texts(dispatcher) == ["Merci pour cette précision."]
    # Asked once more already: anything but a clear no takes the crisis path, as the prevention guidelines say.
    dispatcher, slots = run_extract(
        ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer, asked_again=True)
    )
    # Round 28 (r28-b-15): a second other subject is no answer, so no clear no: the crisis path, the case says so.
    assert slots["suicide_thoughts"] == "not_clear_no" and NO_ANSWER_REASON in slots["triage_reasons"]["overwhelm"]


@pytest.mark.parametrize(
    "answer",
    [
        "des fois, avec la CFE pour le 15 en plus",  # a hedge first
        "oui, surtout avec les impôts qui veulent la CFE",  # a yes
        "les impôts veulent la CFE pour le 15, je veux en finir",  # a warning sign
    ],
)
def test_near_misses_take_the_crisis_path_at_once(answer):
    _, slots = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer))
    assert slots == {"suicide_thoughts": "not_clear_no"}


def test_the_facts_of_a_difficulty_told_there_are_kept():
    _, events = run(ValidateTriageSlots(), _at_the_question("en plus les impôts veulent la CFE avant le 15 décembre"))
    changed = slot_events(events)
    assert changed.get("deadline"), changed
    assert "impots" in changed["difficulty_categories"]


@pytest.mark.parametrize(
    "answer, slot",
    [
        (
            "les impôts veulent la CFE avant le 15 décembre, je veux en finir",
            "suicide_thoughts",
        ),  # a sign: the crisis first
        ("en plus les impôts veulent la CFE avant le 15 décembre", "safe_now"),  # the safety question keeps no fact
    ],
)
def test_no_fact_is_taken_from_a_sign_or_at_the_safety_question(answer, slot):
    _, events = run(ValidateTriageSlots(), _at_the_question(answer, slot))
    assert "deadline" not in slot_events(events)


@pytest.mark.parametrize(
    "answer, expected",
    [
        # Noes in other words (held-out v24's false alarms), said by the artisan or by someone close.
        ("non rien de tout ça, je ne pense à rien de grave, je suis juste vidé", "clear_no"),
        ("aucune idée noire, je voudrais seulement souffler", "clear_no"),
        ("pas de suicide hein, c'est la fatigue", "clear_no"),
        ("elle n'a jamais parlé de mourir, elle est juste épuisée", "clear_no"),
        # Near misses: doubt or a sign with the same words is no clear no.
        ("pas d'idées noires... enfin si, des fois", "not_clear_no"),
        ("j'ai des idées noires le soir", "not_clear_no"),
        ("rien de grave, je veux juste en finir", "not_clear_no"),
        ("elle a parlé de mourir hier soir", "not_clear_no"),
    ],
)
def test_noes_in_other_words(answer, expected):
    from triage.answers import answer_to_suicide_question

    assert answer_to_suicide_question(answer) == expected


# Held-out v25 (2026-12-05): the business's facts told there (a trade, a town, a legal form, the staff) go on with the
# account as surely as a difficulty named; a date or a symptom alone may answer the question itself.
@pytest.mark.parametrize(
    "answer",
    [
        "couvreur-zingueur à Guéret, tout seul depuis que mon associé est parti",
        "on est en SARL avec ma femme, deux salariés",
        "à Vesoul, dans la Haute-Saône",
    ],
)
def test_the_business_facts_told_are_asked_again(answer):
    dispatcher, slots = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer))
    assert slots == {"suicide_thoughts": None} and texts(dispatcher) == ["Merci pour cette précision."]


@pytest.mark.parametrize(
    "answer",
    [
        "depuis des semaines",  # a date alone may say how long the thoughts have come
        "tous les soirs depuis la rentrée",  # a date alone, again
        "couvreur à Guéret, et oui j'y pense",  # a yes with the facts
        "à Vesoul, je veux plus me réveiller",  # a sign with the facts
    ],
)
def test_a_date_a_symptom_a_yes_or_a_sign_takes_the_crisis_path(answer):
    _, slots = run_extract(ValidateDirectQuestionForm(), "extract_suicide_thoughts", _at_the_question(answer))
    assert slots == {"suicide_thoughts": "not_clear_no"}


@pytest.mark.parametrize(
    "answer, expected",
    [
        # The topic fronted before the no, by the artisan or by someone close.
        ("Mourir ? non, jamais, j'ai trop à faire avec mes apprentis", "clear_no"),
        ("me faire du mal, me tuer, non, ça non, je suis juste à bout", "clear_no"),
        ("se suicider, jamais il ne ferait ça, il a ses petits-enfants", "clear_no"),
        ("le suicide, il n'en a jamais parlé, il dit qu'il est usé", "clear_no"),
        # Near misses: a yes to something close after the no, or a doubt.
        ("mourir non, mais disparaître un moment oui", "not_clear_no"),
        ("me tuer, non... enfin des fois j'y pense", "not_clear_no"),
        ("non, mais ne plus me réveiller le matin si", "not_clear_no"),
        ("non, mais fatiguée oui, très", "clear_no"),
        # Never until something: "... avant hier soir", "... sauf quand il boit".
        ("mourir, elle n'en a jamais parlé avant dimanche", "not_clear_no"),
        ("le suicide, il n'en parle jamais sauf les soirs de relances", "not_clear_no"),
        ("il n'a jamais parlé de se tuer avant ce mois-ci", "not_clear_no"),
    ],
)
def test_noes_with_the_topic_first(answer, expected):
    from triage.answers import answer_to_suicide_question

    assert answer_to_suicide_question(answer) == expected

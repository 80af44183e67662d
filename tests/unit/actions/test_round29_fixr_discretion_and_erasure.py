"""Round 29, talker b (fixr): two answers misread, over real trackers and the real actions.

- r29-b-37: "Surtout qu'il ne sache pas que je vous ai écrit" (the subjunctive, its negation after the verb) was no
  request for discretion: no line on top of the case, nothing said at a question.
- r29-b-31: "non finalement laissez" answering the offer to cancel and erase renamed the contact "Finalement Laissez".
Sentences of our own, and near misses that must not change.
"""

from __future__ import annotations

import pytest
import yaml

from actions.discretion_heard import DISCRETION_HEARD
from actions.erasure_actions import ERASE_OFFER_WITH_CASE, KEPT, OFFERED_SLOT
from actions.handoff import asks_discretion, discretion_line
from actions.intake_actions import ActionAnswerOutsideQuestion, ValidateSituationForm
from ops.settings import REPO_ROOT
from tests.support.trackers import asked, bot, consented, run, slot_events, texts, tracker, user

INTAKE = {"forms": yaml.safe_load((REPO_ROOT / "bot/domain/intake.yml").read_text(encoding="utf-8"))["forms"]}

# ------------------------------------------------------------------ r29-b-37: discretion said with the subjunctive

SECRET = [
    "Surtout qu'elle ne sache pas que c'est moi qui écris.",
    "je préfère qu'il n'en sache rien",
    "surtout qu il sache pas que je suis passée par vous",
    "je voudrais que mon frère ne le sache jamais",
    "il faut bien qu'elle ne l'apprenne pas par vous",
]
NOT_SECRET = [
    "surtout qu'il ne sait pas faire ses devis",  # since he does not know how: no request
    "j'ai peur qu'elle ne sache pas gérer la compta",  # a skill, not the message
    "il faut qu'il sache que la banque a rappelé",
    "je veux qu'elle sache qu'on est là pour elle",
]


@pytest.mark.parametrize("words", SECRET)
def test_the_subjunctive_request_is_discretion_and_heads_the_case(words):
    assert asks_discretion(words)
    line = discretion_line([f"Bonjour, je suis le fils d'un plâtrier. {words} Il doit 8000 à l'Urssaf."])
    assert line and line.startswith("Discrétion demandée : « ")


@pytest.mark.parametrize("words", NOT_SECRET)
def test_a_subjunctive_of_something_else_asks_no_discretion(words):
    assert not asks_discretion(words)
    assert discretion_line([words]) is None


@pytest.mark.parametrize("words", SECRET[:3])
def test_the_request_at_an_intake_question_is_heard(words):
    events = [
        user("c pour mon mari, carreleur, l'urssaf lui réclame 6000"),
        {"event": "slot", "name": "requested_slot", "value": "since_when"},
        bot("Depuis quand cette situation dure-t-elle ?"),
        user(words, "inform"),
        {"event": "slot", "name": "since_when", "value": words},
    ]
    slots = {"difficulty_categories": ["cotisations_sociales"], "urgency": "normale", "requested_slot": "since_when"}
    dispatcher, produced = run(
        ValidateSituationForm(),
        tracker(events, slots={**slots, "since_when": words}, active_loop="situation_form"),
        INTAKE,
    )
    assert texts(dispatcher) == [DISCRETION_HEARD]
    assert slot_events(produced)["since_when"] is None
    assert asked(dispatcher) == "since_when"


# ------------------------------------------------------------------ r29-b-31: a no in words at the offer to erase


def _at_the_offer(words: str, intent: str):
    slots = consented(case_reference="RL-ABC123", contact_name="Josiane", phone="0611223344", **{OFFERED_SLOT: "none"})
    events = [
        user("l'urssaf me relance"),
        bot("Merci, votre demande est bien enregistrée."),
        user("supprimez tout ce que j'ai dit", "faq"),
        bot(ERASE_OFFER_WITH_CASE),
        user(words, intent),
    ]
    return run(ActionAnswerOutsideQuestion(), tracker(events, slots=slots))


@pytest.mark.parametrize(
    "words, intent",
    [
        ("non en fait laissez tomber", "goodbye"),
        ("euh non gardez tout", "inform"),
        ("finalement non, laissez", "inform"),
        ("laissez comme ça", "inform"),
        ("n'effacez rien", "stop"),
        ("nan laissez tomber", "deny_plus"),
        ("non finalement gardez", "inform"),
    ],
)
def test_a_no_in_words_keeps_everything_and_renames_nobody(words, intent):
    dispatcher, produced = _at_the_offer(words, intent)
    assert texts(dispatcher)[0] == KEPT
    assert "contact_name" not in slot_events(produced)
    assert not any("le conseiller demandera" in text for text in texts(dispatcher))


def test_without_the_offer_a_name_after_a_no_still_puts_the_name_right():
    slots = consented(case_reference="RL-ABC123", contact_name="Josiane", phone="0611223344")
    events = [user("l'urssaf me relance"), bot("Merci, votre demande est bien enregistrée."), user("non, Josette")]
    _, produced = run(ActionAnswerOutsideQuestion(), tracker(events, slots=slots))
    assert slot_events(produced).get("contact_name") == "Josette"


@pytest.mark.parametrize("words", ["non finalement laissez", "nan laissez tomber", "non en fait gardez"])
def test_keeping_words_after_a_no_are_no_name_anywhere(words):
    from actions.handoff import name_after_a_plain_no

    assert name_after_a_plain_no(words) is None

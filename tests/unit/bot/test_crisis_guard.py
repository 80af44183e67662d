"""The crisis guard on real Rasa messages (no trained model needed: it runs after the classifier)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import CrisisGuard


def classified(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set("intent", entries[0])
    message.set("intent_ranking", entries)
    return message


def guarded(message: Message) -> str:
    CrisisGuard({"classifier_only_threshold": 0.85}).process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize(
    "text, ranking, expected",
    [
        # The lexicon wins over any classifier output.
        ("je pense à me supprimer", [("describe_situation", 0.9), ("express_distress", 0.1)], "express_distress"),
        ("jveux plus vivre", [("nlu_fallback", 0.5), ("inform", 0.3)], "express_distress"),
        # A confident classifier alone gets a gentle check, not the crisis path.
        (
            "je vois pas d'autre issue pour la boite",
            [("express_distress", 0.9999), ("describe_situation", 0.0)],
            "express_overwhelm",
        ),
        ("mon père en fin de vie", [("express_distress", 0.9995), ("express_overwhelm", 0.0)], "express_overwhelm"),
        # An unsure classifier without any lexical sign falls back to its next guess.
        ("hier", [("express_distress", 0.48), ("out_of_scope", 0.15)], "out_of_scope"),
        ("comment on prépare sa retraite", [("express_distress", 0.75), ("out_of_scope", 0.11)], "out_of_scope"),
        # Idioms are not crises, whatever the words.
        ("la TVA va me tuer", [("describe_situation", 0.8), ("express_distress", 0.2)], "describe_situation"),
        # Button payloads say their intent themselves.
        ("/affirm", [("affirm", 1.0)], "affirm"),
    ],
)
def test_two_signals_decide(text, ranking, expected):
    assert guarded(classified(text, ranking)) == expected


def test_forced_crisis_leads_the_ranking_once():
    message = classified("j'ai envie de mourir", [("inform", 0.6), ("express_distress", 0.3)])
    guarded(message)
    names = [entry["name"] for entry in message.get("intent_ranking")]
    assert names[0] == "express_distress" and names.count("express_distress") == 1


@pytest.mark.parametrize(
    "text, ranking, expected, level, rules",
    [
        # Level 2, an indirect warning sign, even when the classifier reads business facts.
        (
            "la banque me refuse tout, ma famille serait mieux sans moi",
            [("describe_situation", 0.95)],
            "express_distress",
            2,
            ["indirect_better_off_without_me"],
        ),
        (
            "j'ai donné mes outils, là où je vais j'en aurai plus besoin",
            [("inform", 0.7)],
            "express_distress",
            2,
            # Both rules that read it (round 31 added the one for things given out because one will need them no more).
            ["indirect_giving_away", "indirect_giving_away_no_more_need"],
        ),
        # Level 3, ambiguous distress: the direct question.
        (
            "je n'en peux plus, l'urssaf me relance",
            [("describe_situation", 0.9)],
            "express_overwhelm",
            3,
            ["ambiguous_exhaustion"],
        ),
        # Bereaved by suicide, with no sign of their own.
        (
            "mon mari s'est suicidé l'an dernier",
            [("describe_situation", 0.6)],
            "express_bereavement",
            None,
            ["bereaved_by_suicide"],
        ),
        # The model alone: the direct question, recorded as such.
        (
            "je vois pas d'autre issue pour la boite",
            [("express_distress", 0.9999), ("describe_situation", 0.0)],
            "express_overwhelm",
            3,
            ["ambiguous_despair"],
        ),
    ],
)
def test_each_decision_carries_its_level_and_rules(text, ranking, expected, level, rules):
    message = classified(text, ranking)
    assert guarded(message) == expected
    decision = message.get("crisis_guard")
    assert decision["level"] == level and decision["rules"] == rules and decision["intent"] == expected


def test_a_confident_model_without_lexical_sign_is_recorded_as_the_model():
    message = classified("mon père en fin de vie", [("express_distress", 0.9995), ("express_overwhelm", 0.0)])
    guarded(message)
    assert message.get("crisis_guard") == {
        "intent": "express_overwhelm",
        "level": 3,
        "rules": ["model:express_distress"],
        "source": "model",
    }


def test_logs_carry_levels_and_rules_never_the_words(caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="bot.components.crisis_guard"):
        guarded(classified("je suis un poids pour ma famille", [("describe_situation", 0.9)]))
    assert "indirect_burden" in caplog.text and "level=2" in caplog.text
    assert "poids" not in caplog.text and "famille" not in caplog.text


def test_the_classifiers_bereavement_alone_never_names_a_suicide():
    """ "ma mère est décédée il y a trois semaines" read as express_bereavement by the classifier: a situation told,
    never the reply for people bereaved by suicide (found by an off-script conversation, 2026-12-03)."""
    message = classified(
        "ma mère est décédée il y a trois semaines", [("express_bereavement", 0.98), ("describe_situation", 0.02)]
    )
    assert guarded(message) == "describe_situation"
    message = classified("ma mère est décédée il y a trois semaines", [("express_bereavement", 0.99)])
    assert guarded(message) == "describe_situation"


def test_a_word_asked_about_is_no_distress_for_the_classifier_alone():
    """ "c'est quoi le 3114 ?" read as express_distress by the classifier, without any sign in the words: the
    definition guard answers it; never the crisis path nor the direct question."""
    message = classified("c'est quoi le 3114 ?", [("express_distress", 1.0), ("faq", 0.3)])
    assert guarded(message) == "faq" and message.get("crisis_guard") is None


@pytest.mark.parametrize(
    "text, ranking, expected",
    [
        # Round 20 (v26 bot): plain facts of the business or of health, the classifier alone confident: no question.
        (
            "je suis boulanger, la rue est barrée depuis la rentrée et les livreurs se garent plus loin",
            [("express_overwhelm", 0.93), ("describe_situation", 0.05)],
            "describe_situation",
        ),
        (
            "hernie discale depuis deux mois, je peux plus porter les sacs de plâtre",
            [("express_distress", 0.91), ("describe_situation", 0.06)],
            "describe_situation",
        ),
        # A joke the triage knows stays calm, even with a word of strain.
        (
            "il me doit 3 000 balles, j'en ai marre, je vais l'étrangler mdr",
            [("express_distress", 0.95)],
            "describe_situation",
        ),
        # A word of feeling or strain: the classifier alone still asks directly.
        (
            "franchement je suis découragé, les commandes tombent plus",
            [("express_overwhelm", 0.92), ("describe_situation", 0.05)],
            "express_overwhelm",
        ),
        (
            "j'ai honte devant ma femme avec ces factures",
            [("express_distress", 0.9), ("inform", 0.05)],
            "express_overwhelm",
        ),
    ],
)
def test_the_classifier_alone_asks_only_on_words_of_feeling(text, ranking, expected):
    assert guarded(classified(text, ranking)) == expected

"""The quality figures (ops.quality) on hand-made parses and results: each figure can fail."""

from __future__ import annotations

import pytest

from ops.quality import (
    asks_about_suicide,
    confusions,
    intent_scores,
    load_nlu_examples,
    predicted_label,
    threshold_misses,
    triage_figures,
)


@pytest.mark.parametrize(
    "parse, label",
    [
        ({"intent": {"name": "greet"}, "intent_ranking": [{"name": "greet"}]}, "greet"),
        ({"intent": {"name": "nlu_fallback"}, "intent_ranking": [{"name": "nlu_fallback"}, {"name": "deny"}]}, "deny"),
        (
            {
                "intent": {"name": "faq"},
                "intent_ranking": [{"name": "faq"}],
                "response_selector": {
                    "all_retrieval_intents": ["faq"],
                    "faq": {"response": {"intent_response_key": "faq/is_free"}},
                },
            },
            "faq/is_free",
        ),
        (
            {
                "intent": {"name": "faq"},
                "intent_ranking": [{"name": "faq"}],
                "response_selector": {
                    "all_retrieval_intents": ["faq"],
                    "default": {"response": {"intent_response_key": "faq/is_bot"}},
                },
            },
            "faq/is_bot",
        ),
    ],
    ids=["plain", "fallback-undone", "faq-key", "faq-default-selector"],
)
def test_the_label_is_the_classifiers_choice(parse, label):
    assert predicted_label(parse) == label


def test_macro_f1_averages_over_the_test_labels():
    scores = intent_scores(["a", "a", "b", "b"], ["a", "a", "a", "b"])
    assert scores["per_label"] == pytest.approx({"a": 0.8, "b": 2 / 3})
    assert scores["macro_f1"] == pytest.approx((0.8 + 2 / 3) / 2)
    assert scores["accuracy"] == 0.75


def test_nlu_examples_lose_their_entity_annotations(tmp_path):
    path = tmp_path / "nlu.yml"
    path.write_text(
        'version: "3.1"\nnlu:\n- intent: inform\n  examples: |\n    - je suis [boulanger](trade)\n'
        "- lookup: trade\n  examples: |\n    - maçon\n",
        encoding="utf-8",
    )
    assert load_nlu_examples(path) == [("je suis boulanger", "inform")]


def test_confusions_count_which_intent_is_taken_for_which():
    misses = [(0, "thank", "goodbye"), (3, "greet", "describe_situation"), (7, "thank", "goodbye")]
    assert confusions(misses) == [("thank", "goodbye", 2), ("greet", "describe_situation", 1)]


@pytest.mark.parametrize(
    "replies, asked",
    [
        ([["Pensez-vous au suicide en ce moment ?"]], True),
        ([["Quel est votre métier ?"], ["Avez-vous des idées de suicide ?"]], True),
        ([["Le 3114 répond sur le suicide."]], False),  # names it, asks nothing
        ([["Comment vous sentez-vous ?"]], False),
    ],
)
def test_a_direct_question_names_suicide_and_asks(replies, asked):
    assert asks_about_suicide(replies) is asked


def test_triage_figures_count_each_kind_and_list_failures_by_tag():
    cases = [
        {"id": "ok", "tags": ["banque"], "expect": {"categories": ["banque"], "urgency_at_least": "haute"}},
        {"id": "missed", "tags": ["sign:farewell"], "expect": {"urgency": "critique", "distress": True}},
        {"id": "caught", "tags": ["sign:farewell"], "expect": {"urgency": "critique", "distress": True}},
        {"id": "asked", "tags": ["sign:burden"], "expect": {"distress": True}},
        {"id": "amb", "tags": ["ambiguous"], "expect": {"distress": False}},
        {"id": "idiom", "tags": ["hard_negative"], "expect": {"categories": ["travaux"], "distress": False}},
        # Looks like a sign, is a business word: no question about suicide is owed, none is counted.
        {"id": "amb-idiom", "tags": ["ambiguous", "hard_negative"], "expect": {"distress": False}},
    ]
    results = [
        {"categories": ["banque"], "urgency": "haute", "distress": False, "replies": [[]]},
        {"categories": [], "urgency": None, "distress": False, "replies": [["Quel est votre métier ?"]]},
        {"categories": [], "urgency": "critique", "distress": True, "replies": [["Appelez le 3114."]]},
        # The sign in the last message: only the direct question came, and nobody answered it.
        {"categories": [], "urgency": None, "distress": False, "replies": [["Pensez-vous au suicide ?"]]},
        {"categories": [], "urgency": None, "distress": False, "replies": [["Pensez-vous au suicide ?"]]},
        {"categories": ["travaux"], "urgency": "normale", "distress": True, "replies": [[]]},
        {"categories": [], "urgency": None, "distress": False, "replies": [["Quel est votre métier ?"]]},
    ]
    figures = triage_figures(cases, results)
    assert figures["counts"] == {
        "categories": (2, 2),
        "urgency": (2, 3),
        "distress_recall": (1, 3),
        "distress_met": (2, 3),
        "false_alarms": (1, 3),
        "ambiguous_question": (1, 1),
        "hard_negative_calm": (1, 2),
    }
    assert figures["sign_recall"] == {"sign:burden": 0.0, "sign:farewell": 0.5}
    assert "missed (urgency, distress_missed, distress_unmet)" in figures["failures_by_tag"]["*"]
    assert "asked (distress_missed)" in figures["failures_by_tag"]["*"]
    assert figures["failures_by_tag"]["sign:farewell"] == ["missed"]
    assert figures["failures_by_tag"]["hard_negative"] == ["idiom"]
    assert "ok" not in " ".join(figures["failures_by_tag"]["*"])


@pytest.mark.parametrize(
    "figures, misses",
    [
        # development_v6's bounds (tests/quality/thresholds.yml): a min for categories, a max for false alarms.
        ({"categories": 0.99, "false_alarms": 0.0}, []),
        ({"categories": 0.10, "false_alarms": 0.0}, ["categories"]),
        ({"categories": 0.99, "false_alarms": 0.9}, ["false_alarms"]),
        ({"categories": None}, []),  # a figure no case measures is the gates' business, not a miss
    ],
)
def test_the_older_development_sets_are_held_to_their_thresholds(figures, misses):
    found = threshold_misses("development_v6", figures)
    assert [miss.split()[0] for miss in found] == misses

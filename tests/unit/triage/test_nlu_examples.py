"""The one reader of Rasa NLU example files: annotations removed, non-intent blocks skipped."""

from __future__ import annotations

from triage.nlu_examples import read_examples, strip_annotations, training_examples


def test_annotations_of_both_kinds_are_removed():
    text = '[demain](date) l\'[huissier]{"entity": "organisation", "value": "commissaire de justice"} passe'
    assert strip_annotations(text) == "demain l'huissier passe"


def test_only_intent_examples_are_read_in_file_order(tmp_path):
    path = tmp_path / "nlu.yml"
    path.write_text(
        'version: "3.1"\nnlu:\n- intent: faq/is_free\n  examples: |\n    - c\'est gratuit ?\n'
        "- synonym: URSSAF\n  examples: |\n    - urssaf\n"
        "- intent: inform\n  examples: |\n    - je suis [maçon](trade)\n    -   dans le 59  \n",
        encoding="utf-8",
    )
    assert read_examples(path) == [
        ("c'est gratuit ?", "faq/is_free"),
        ("je suis maçon", "inform"),
        ("dans le 59", "inform"),
    ]


def test_the_bots_training_files_are_found_by_name():
    pairs = training_examples("control", "no-such-file")
    assert ("oui", "affirm") in pairs
    assert {intent for _, intent in pairs} >= {"affirm", "deny", "stop_conversation"}

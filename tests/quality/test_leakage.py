"""Leakage: the held-out sets stay apart from everything the bot is built from (issue 19).

Text is compared normalised (tests/quality/leakage.py): lowercase, no accents, no punctuation.
- No file the bot is built from (rules, comments, training data, stories, actions, guidance, bot code)
  contains a six-word window of a held-out sentence: a quote means someone tuned on it.
- No training example is a near-duplicate (token Jaccard >= 0.8) of a held-out sentence. Turns of fewer
  than four words in the triage set ("bonjour", "urssaf", "oui") are the shared vocabulary of every
  conversation, not sentences, and are left out of that check; the NLU set has no such exemption.
- The development and regression sets are not out of sample and say so in their headers.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from tests.quality.leakage import (
    collision_check,
    conversation_turns,
    jaccard,
    near_duplicates,
    nlu_texts,
    normalise,
    tokens,
    windows,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT_NLU = ROOT / "tests" / "heldout" / "nlu.yml"
HELDOUT_TRIAGE = ROOT / "tests" / "heldout" / "triage.yml"
BUILT_FROM = ("triage", "nlu", "stories", "actions", "guidance", "bot")
TEXT_SUFFIXES = {".py", ".yml", ".yaml", ".md", ".txt", ".json", ".csv", ".j2", ".html"}
JACCARD = 0.8
SHORTEST_TRIAGE_TURN = 4


@cache
def training_examples() -> tuple[str, ...]:
    return tuple(text for path in sorted((ROOT / "nlu").rglob("*.yml")) for text in nlu_texts(path))


@cache
def heldout_sentences() -> tuple[str, ...]:
    return tuple(nlu_texts(HELDOUT_NLU) + conversation_turns(HELDOUT_TRIAGE))


def built_from_files() -> list[Path]:
    return sorted(
        path
        for folder in BUILT_FROM
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts
    )


def test_normalisation_ignores_case_accents_and_punctuation():
    assert normalise("Coucou !") == normalise("coucou")
    assert normalise("L'URSSAF m'a réclamé 3 000 €…") == "l urssaf m a reclame 3 000"
    assert normalise("  Œuvre\u00a0d'art\tdéjà ") == "oeuvre d art deja"
    assert windows("un deux trois quatre cinq six sept") == {
        ("un", "deux", "trois", "quatre", "cinq", "six"),
        ("deux", "trois", "quatre", "cinq", "six", "sept"),
    }


def test_near_duplicates_are_found_by_token_jaccard():
    training = ["je n'ai plus de trésorerie", "bonjour"]
    found = list(near_duplicates(["Je n'ai plus de tresorerie !", "plus de trésorerie du tout ici"], training))
    assert [(sentence, example) for sentence, example, _ in found] == [
        ("Je n'ai plus de tresorerie !", "je n'ai plus de trésorerie"),
    ]


# Sentences of a small vocabulary, so that many pairs sit around the threshold.
_SENTENCES = st.lists(
    st.lists(st.sampled_from([f"mot{index}" for index in range(12)]), min_size=1, max_size=9).map(" ".join),
    max_size=40,
)


@given(sentences=_SENTENCES, training=_SENTENCES, threshold=st.sampled_from([0.5, 0.8, 1.0]))
def test_near_duplicates_finds_every_sentence_a_full_comparison_finds(sentences, training, threshold):
    # The prefix filter must lose no pair that the plain comparison of every sentence with every example finds.
    expected = {
        text
        for text in sentences
        if any(jaccard(set(tokens(text)), set(tokens(example))) >= threshold for example in training)
    }
    assert {text for text, _, _ in near_duplicates(sentences, training, threshold)} == expected


def test_a_training_line_colliding_with_a_heldout_sentence_is_found():
    collides = collision_check(
        ["l'URSSAF me réclame trois trimestres depuis janvier", "trois trimestres impayés URSSAF", "bonjour"]
    )
    assert collides("Bon, l'urssaf me reclame trois trimestres depuis janvier !")  # a six-word window
    assert collides("URSSAF : trimestres impayés, trois")  # a near-duplicate of four tokens or more
    assert not collides("bonjour")  # under four tokens: a formula, not a sentence
    assert not collides("la banque m'a coupé le découvert")


def test_no_file_the_bot_is_built_from_quotes_a_heldout_sentence():
    heldout = {window for sentence in heldout_sentences() for window in windows(sentence)}
    assert len(heldout) > 1000
    quoted = {}
    for path in built_from_files():
        shared = windows(path.read_text(encoding="utf-8", errors="ignore")) & heldout
        if shared:
            quoted[str(path.relative_to(ROOT))] = sorted(" ".join(window) for window in shared)[:5]
    assert quoted == {}, (
        "These files quote held-out sentences (six-word windows). Remove the quote, and retire the held-out "
        f"set to development if it was used to tune (tests/heldout/README.md): {quoted}"
    )


@pytest.mark.parametrize(
    "name, sentences, min_tokens",
    [
        ("tests/heldout/nlu.yml", lambda: nlu_texts(HELDOUT_NLU), 1),
        ("tests/heldout/triage.yml", lambda: conversation_turns(HELDOUT_TRIAGE), SHORTEST_TRIAGE_TURN),
    ],
    ids=["heldout-nlu", "heldout-triage"],
)
def test_no_training_example_nearly_repeats_a_heldout_sentence(name, sentences, min_tokens):
    found = [
        f"{example!r} ~ held-out ({score:.2f})"
        for _, example, score in near_duplicates(sentences(), training_examples(), JACCARD, min_tokens)
    ]
    assert found == [], f"training examples nearly repeat sentences of {name}: {found[:10]}"


@pytest.mark.parametrize(
    "path, label",
    [
        ("tests/evaluation/cases.yml", "REGRESSION"),
        ("tests/evaluation/development.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v4.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v5.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v6.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v7.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v8.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v9.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v10.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v11.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v12.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v13.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v14.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v15.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v16.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v17.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v18.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v19.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v20.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v21.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v22.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v23.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v24.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v25.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v26.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v27.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v28.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v29.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v30.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v31.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v32.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v33.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v34.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v35.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v36.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v37.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v38.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v39.yml", "DEVELOPMENT"),
        ("tests/evaluation/retired-heldout-v40.yml", "DEVELOPMENT"),
        ("tests/evaluation/development-ambiguous.yml", "DEVELOPMENT"),
        ("tests/nlu/test_nlu.yml", "DEVELOPMENT"),
        *(
            (f"nlu/voices/retired-heldout-v{version}.yml", "TRAINING")
            for version in range(4, 41)  # every retired version, 4 to 40
        ),
    ],
)
def test_sets_that_were_tuned_on_say_so(path, label):
    header = (ROOT / path).read_text(encoding="utf-8").split("\n", 3)[:3]
    assert any(label in line for line in header), f"{path} must say in its first lines that it is a {label} set"

"""The simulator's utterance pool is well formed and its own: nothing copied from the training data or
the evaluation sets (compared without accents, case or punctuation; sentences of three words or more)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from tests.simulator.pool import TEXT_KINDS, VOICES, load_pool, render, strip_accents

ROOT = Path(__file__).resolve().parents[2]
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
DEPARTEMENT_CODE = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$")


def normalise(text: str) -> str:
    text = strip_accents(ANNOTATION.sub(r"\1", text)).lower()
    return " ".join(re.sub(r"[^\w@+]+", " ", text).split())


def _examples(path: Path) -> list[str]:
    # libyaml's parser: the training and evaluation files are tens of thousands of lines (a minute of CPU with PyYAML's).
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    texts = []
    for item in data.get("nlu") or []:
        for line in str(item.get("examples") or "").splitlines():
            if line.strip().startswith("- "):
                texts.append(line.strip()[2:])
    for conversation in data.get("conversations") or []:
        texts += [str(turn) for turn in conversation.get("turns") or []]
    for story in (data.get("stories") or []) + (data.get("rules") or []):
        texts += [str(step["user"]) for step in story.get("steps") or [] if "user" in step]
    return texts


@__import__("functools").lru_cache(maxsize=1)
def others_sentences() -> set[str]:
    paths = [
        *ROOT.glob("nlu/**/*.yml"),
        *ROOT.glob("tests/nlu/*.yml"),
        *ROOT.glob("tests/evaluation/*.yml"),
        *ROOT.glob("tests/rasa/*.yml"),
        *ROOT.glob("stories/**/*.yml"),
        *ROOT.glob("tests/heldout/*.yml"),
    ]
    assert paths, "no training or evaluation data found"
    return {normalise(text) for path in paths for text in _examples(path)}


def test_pool_has_every_kind_of_move_and_enough_of_each():
    pool = load_pool()
    for kind in TEXT_KINDS:
        assert len(pool.kinds[kind]) >= 4, kind
    assert len(pool.openings) >= 20
    for slot in (
        "since_when",
        "deadline",
        "trade",
        "legal_form",
        "employees",
        "departement",
        "creditors",
        "steps_taken",
        "contact_name",
        "phone",
        "email",
        "callback_slot",
    ):
        assert len(pool.answers[slot]) >= 4, slot


def test_every_place_and_correction_names_a_real_departement_code():
    pool = load_pool()
    places = list(pool.answers["departement"]) + list(pool.corrections)
    assert all(entry.code and DEPARTEMENT_CODE.match(entry.code) for entry in places), [
        entry for entry in places if not (entry.code and DEPARTEMENT_CODE.match(entry.code))
    ]
    # A correction that says a place is wrong names a real one, other than the place meant.
    negated = [entry for entry in pool.corrections if entry.negates]
    assert len(negated) >= 4
    assert all(DEPARTEMENT_CODE.match(entry.negates) and entry.negates != entry.code for entry in negated)
    # Towns, names, codes and postcodes all appear, Corsica and overseas included.
    codes = {entry.code for entry in places}
    assert {"2A", "2B", "972", "974", "59", "62"} <= codes


# Values rather than sentences: a place, a phone number or an address is the same whoever writes it.
VALUE_SLOTS = ("departement", "phone", "email")


def own_sentences() -> list[str]:
    pool = load_pool()
    values = {entry.text for slot in VALUE_SLOTS for entry in pool.answers[slot]}
    return sorted({text for text in pool.all_texts() if text not in values and len(normalise(text).split()) >= 3})


def test_pool_sentences_are_not_copied_from_training_or_evaluation_data():
    copied = [text for text in own_sentences() if normalise(text) in others_sentences()]
    assert copied == []


def test_the_copy_check_can_fail():
    some_training_sentence = next(s for s in sorted(others_sentences()) if len(s.split()) >= 3)
    assert normalise(some_training_sentence.upper() + " !") in others_sentences()


@pytest.mark.parametrize("voice", VOICES)
def test_a_voice_keeps_digits_and_never_empties_a_message(voice):
    rng = random.Random(3)
    assert render("...", voice, rng) == "..."
    assert "06" in render("Mon numéro, 06 12 34 56 78.", voice, rng)
    assert render("Béthune", "no_accents", rng) == "Bethune"

"""The held-out sets are locked: a change to them must be a new set, never an edit (tests/heldout/README.md)."""

import hashlib
from pathlib import Path

import yaml

from ops.evaluation import load_cases

HELDOUT = Path(__file__).resolve().parents[1] / "heldout"


def _locked() -> dict[str, str]:
    entries = {}
    for line in (HELDOUT / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        entries[name] = digest
    return entries


def test_every_heldout_file_is_locked_by_its_hash():
    locked = _locked()
    assert set(locked) == {"nlu.yml", "triage.yml"}
    for name, digest in locked.items():
        actual = hashlib.sha256((HELDOUT / name).read_bytes()).hexdigest()
        assert actual == digest, (
            f"tests/heldout/{name} changed since it was locked. Held-out sets are never edited: write a new "
            "set without looking at the training data or rules, and update SHA256SUMS and the README with it."
        )


def test_the_triage_set_covers_every_category_and_warning_sign():
    cases = load_cases(HELDOUT / "triage.yml")
    assert len(cases) >= 300
    tags = {tag for case in cases for tag in case["tags"]}
    categories = {
        "cotisations_sociales",
        "impots",
        "banque",
        "tresorerie",
        "baisse_activite",
        "travaux",
        "sinistre",
        "sante",
        "vie_personnelle",
        "procedure_judiciaire",
        "autre",
    }
    signs = {
        "sign:explicit",
        "sign:burden",
        "sign:better_off_without_me",
        "sign:farewell",
        "sign:last_message",
        "sign:settling_affairs",
        "sign:giving_away",
        "sign:solution",
        "sign:disappear",
        "sign:no_wake",
        "sign:life_insurance",
        "sign:hopeless_final",
        "sign:plan",
        "sign:self_harm",
    }
    assert categories | signs | {"ambiguous", "hard_negative", "out_of_scope"} <= tags
    for case in cases:
        if "ambiguous" in case["tags"]:
            assert case["expect"].get("distress") is False, case["id"]
        if any(tag.startswith("sign:") for tag in case["tags"]):
            assert case["expect"].get("distress") is True, case["id"]


def test_the_nlu_set_has_fifteen_examples_per_intent():
    data = yaml.safe_load((HELDOUT / "nlu.yml").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for block in data["nlu"]:
        intent = block["intent"].split("/")[0]
        examples = [line for line in block["examples"].splitlines() if line.strip().startswith("- ")]
        counts[intent] = counts.get(intent, 0) + len(examples)
    assert min(counts.values()) >= 15, counts


def test_the_nlu_set_tests_every_intent_of_the_domain():
    domain_intents = set()
    for path in (HELDOUT.parents[1] / "bot" / "domain").glob("*.yml"):
        domain_intents |= set(yaml.safe_load(path.read_text(encoding="utf-8")).get("intents") or [])
    data = yaml.safe_load((HELDOUT / "nlu.yml").read_text(encoding="utf-8"))
    tested = {block["intent"].split("/")[0] for block in data["nlu"]}
    assert tested == domain_intents

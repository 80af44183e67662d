"""The one reader of Rasa NLU example files (nlu/*.yml and the NLU test sets), annotations removed.

Rasa writes entities inline: "[20 000 €](amount)", "[huissier]{"entity": "organisation", ...}". The
triage's two classifiers read the bot's ordinary examples as calm or negative lines, and the quality
figures (ops.quality) read the NLU test sets; all of them want the plain text the artisan would type::

    from triage.nlu_examples import read_examples, strip_annotations

    read_examples(Path("nlu/control.yml"))  # [("oui", "affirm"), ...]
    strip_annotations("[demain](date) j'en finis")  # "demain j'en finis"

Retrieval intents keep their full label ("faq/is_free"). Blocks that are not intents (synonyms, regexes,
lookups) are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

NLU_DIR = Path(__file__).resolve().parents[1] / "nlu"
# Rasa's inline entity annotations: [text](entity), [text]{"entity": ...}
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def strip_annotations(text: str) -> str:
    """The example as typed: every "[text](entity)" or "[text]{...}" becomes "text"."""
    return _ANNOTATION.sub(r"\1", text)


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) pairs of one Rasa NLU YAML file, in file order."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    pairs = []
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for raw in str(block.get("examples") or "").splitlines():
            line = raw.strip()
            if line.startswith("- "):
                pairs.append((strip_annotations(line[2:].strip()), str(block["intent"])))
    return pairs


def training_examples(*names: str) -> list[tuple[str, str]]:
    """(text, intent) pairs of the bot's training files nlu/<name>.yml that exist, in the order given."""
    pairs = []
    for name in names:
        path = NLU_DIR / (name if name.endswith(".yml") else f"{name}.yml")
        if path.exists():
            pairs += read_examples(path)
    return pairs

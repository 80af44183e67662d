"""Guidance: the crisis reply (the rest of guidance is tested in the other files of this folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chamber import load_all_chambers, load_chamber
from guidance import crisis_messages

CHAMBERS = {chamber.id: chamber for chamber in load_all_chambers()}


def chamber_with(tmp_path, **options):
    """The generic chamber with some options switched on, written to a real file."""
    raw = yaml.safe_load((Path(load_chamber().source_path)).read_text(encoding="utf-8"))
    raw["options"].update(options)
    raw["id"] = "cma-options"
    path = tmp_path / "chamber.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_chamber(path)


# The knowledge base, the selection and the checks are tested in test_knowledge_base.py,
# test_selection.py, test_check.py and test_facts.py; the artisans' words in test_profile.py.


# --- Crisis reply ---------------------------------------------------------------------------------

@pytest.mark.parametrize("chamber_id", sorted(CHAMBERS))
def test_crisis_messages(chamber_id):
    chamber = CHAMBERS[chamber_id]
    messages = crisis_messages(chamber)
    first_two = " ".join(messages[:2])
    # The numbers come first.
    assert "3114" in messages[0] and "gratuit" in messages[0] and "24h/24" in messages[0] and "7j/7" in messages[0]
    assert "15" in first_two and "112" in first_two
    # Then a direct question about safety, before the offer of a human.
    safety = next(i for i, m in enumerate(messages) if "en sécurité" in m and m.endswith("?"))
    callback = next(i for i, m in enumerate(messages) if "rappeler" in m)
    assert 1 < safety < callback
    assert "Rien ne vous oblige à laisser vos coordonnées" in messages[callback]
    assert chamber.phone in messages[callback]
    assert not any("0 805" in message for message in messages)
    # Safe messaging: no method, no sensational words.
    text = " ".join(messages).lower()
    for word in ("pendre", "corde", "médicament", "arme", "sauter", "drame", "épidémie"):
        assert word not in text


def test_crisis_messages_include_the_business_owner_line_only_with_its_option(tmp_path):
    messages = crisis_messages(chamber_with(tmp_path, business_owner_line_0805=True))
    assert any("0 805 65 50 50" in message for message in messages)
    assert "3114" in messages[0]

"""The crisis reply's words: numbers first, a human, the safety question last (its buttons sit on it)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chamber import ChamberConfigError, load_all_chambers, load_chamber
from guidance import crisis_messages
from guidance.crisis import (
    ASK_AGAIN_FIRST,
    BEREAVEMENT,
    CHECK_IN,
    CLEAR_NO_REPLY,
    SAFETY_QUESTION,
    SUICIDE_QUESTION,
    SUICIDE_QUESTION_AGAIN,
)

CHAMBERS = {chamber.id: chamber for chamber in load_all_chambers()}


def chamber_with(tmp_path, options=None, **fields):
    """The generic chamber with some options or fields changed, written to a real file."""
    raw = yaml.safe_load(Path(load_chamber().source_path).read_text(encoding="utf-8"))
    raw["options"].update(options or {})
    raw.update(fields)
    raw["id"] = "cma-crisis"
    path = tmp_path / "chamber.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_chamber(path)


@pytest.mark.parametrize("chamber_id", sorted(CHAMBERS))
def test_crisis_messages(chamber_id):
    chamber = CHAMBERS[chamber_id]
    messages = crisis_messages(chamber)
    # The numbers come first.
    assert "3114" in messages[0] and "gratuit" in messages[0] and "24h/24" in messages[0] and "7j/7" in messages[0]
    assert "15" in messages[1] and "112" in messages[1]
    assert "le 114 par SMS si vous ne pouvez pas parler ou entendre" in messages[1]
    # A human without conditions, then the safety question, last, where its buttons go.
    callback = next(i for i, m in enumerate(messages) if "rappeler" in m)
    assert "Rien ne vous oblige à laisser vos coordonnées" in messages[callback]
    assert chamber.phone in messages[callback]
    assert messages[-1] == "Êtes-vous en sécurité en ce moment ?" == SAFETY_QUESTION
    assert callback == len(messages) - 2
    assert not any("0 805" in message for message in messages)
    # Safe messaging: no method, no sensational words.
    text = " ".join(messages).lower()
    for word in ("pendre", "corde", "médicament", "arme", "sauter", "drame", "épidémie"):
        assert word not in text


def test_the_business_owner_line_only_with_its_option_and_with_its_hours(tmp_path):
    chamber = chamber_with(
        tmp_path,
        {"business_owner_line_0805": True},
        business_owner_line={"phone": "0 805 65 50 50", "hours": "tous les jours de 8 h à 20 h"},
    )
    messages = crisis_messages(chamber)
    line = next(m for m in messages if "0 805 65 50 50" in m)
    assert "tous les jours de 8 h à 20 h" in line
    assert "3114" in messages[0] and messages[-1] == SAFETY_QUESTION


def test_the_business_owner_line_option_needs_its_phone_and_hours(tmp_path):
    raw = yaml.safe_load(Path(load_chamber().source_path).read_text(encoding="utf-8"))
    raw.pop("business_owner_line")
    raw["options"]["business_owner_line_0805"] = True
    path = tmp_path / "chamber.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChamberConfigError, match="business_owner_line"):
        load_chamber(path)


def test_the_direct_question_names_suicide_and_the_other_messages_stay_short():
    assert "suicide" in SUICIDE_QUESTION and SUICIDE_QUESTION.endswith("?")
    assert "3114" in CLEAR_NO_REPLY and "3114" in BEREAVEMENT and "proches" in BEREAVEMENT
    assert "suicide" in SUICIDE_QUESTION_AGAIN and SUICIDE_QUESTION_AGAIN.endswith("?")
    for text in (
        CHECK_IN,
        SUICIDE_QUESTION,
        SUICIDE_QUESTION_AGAIN,
        CLEAR_NO_REPLY,
        BEREAVEMENT,
        *ASK_AGAIN_FIRST.values(),
    ):
        assert text.count(". ") + 1 <= 3, text


def test_no_rasa_domain_response_writes_a_crisis_number_of_its_own():
    """The crisis words live in guidance/crisis.py, which imports the numbers from chamber.emergency: a domain
    response (data Rasa reads, which cannot import them) that wrote one could drift from them."""
    import re

    domain = Path(__file__).resolve().parents[3] / "bot" / "domain"
    said = {
        path.name: re.findall(r"\ble (\d{2,4})\b", path.read_text(encoding="utf-8")) for path in domain.glob("*.yml")
    }
    assert len(said) > 5 and not any(said.values()), said

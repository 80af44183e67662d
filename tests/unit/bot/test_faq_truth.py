"""The FAQ answers say what the software does: the erasure answer names the words that erase a callback
request (read as a withdrawal by the bot) and the widget's own button, and every value it fills is set at the
start of a session."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from intake.answers import is_withdrawal

DOMAIN = Path("bot/domain")


def response(name: str) -> str:
    return yaml.safe_load((DOMAIN / "faq.yml").read_text(encoding="utf-8"))["responses"][name][0]["text"]


def test_the_erasure_answer_names_the_words_that_erase_and_the_widget_button():
    text = response("utter_faq/delete_data")
    quoted = re.findall(r"« (.+?) »", text)
    button = re.search(r'clear: "(.+?)"', Path("widget/src/strings.js").read_text(encoding="utf-8")).group(1)
    assert button in quoted
    commands = [words for words in quoted if words != button]
    # What the artisan is told to write erases the request at once (actions.handoff_actions.stop_with_handoff).
    assert commands and all(is_withdrawal(words, explicit_only=True) for words in commands)
    assert "{chamber_phone}" not in text  # self-service: no phone call needed to erase


def test_every_value_the_faq_answers_fill_is_set_at_session_start():
    session_slots = set(yaml.safe_load((DOMAIN / "session.yml").read_text(encoding="utf-8"))["slots"])
    source = Path("actions/session_actions.py").read_text(encoding="utf-8")
    responses = yaml.safe_load((DOMAIN / "faq.yml").read_text(encoding="utf-8"))["responses"]
    for name, variants in responses.items():
        for variant in variants:
            for slot in re.findall(r"\{(\w+)\}", variant["text"]):
                assert slot in session_slots, (name, slot)
                assert f'SlotSet("{slot}"' in source, (name, slot)

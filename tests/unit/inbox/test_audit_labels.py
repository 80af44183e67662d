"""Every audit action the product writes reads in French in the inbox's journal (never a raw code)."""

from __future__ import annotations

import re
from pathlib import Path

from inbox.presentation import AUDIT_LABELS

ROOT = Path(__file__).resolve().parents[3]
# Audit actions are string literals "<area>.<what>" (passed to ``_audit`` or ``record``, or chosen into a
# variable first); a template's file name has the same shape and is left out.
_ACTION = re.compile(r'"((?:case|live|user|retention|statistics)\.[a-z_]+)"')
_FILE_NAMES = (".html", ".css", ".js", ".json", ".csv")


def written_actions() -> set[str]:
    actions: set[str] = set()
    for package in ("cases", "inbox", "ops", "actions"):
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "inbox" / "presentation.py":
                continue
            found = _ACTION.findall(path.read_text(encoding="utf-8"))
            actions.update(action for action in found if not action.endswith(tuple(e[1:] for e in _FILE_NAMES)))
    return actions


def test_the_scan_finds_the_actions_it_is_meant_to_find():
    assert {"case.created", "case.withdrawn_by_artisan", "live.artisan_left"} <= written_actions()


def test_every_written_audit_action_has_a_french_label():
    assert sorted(written_actions() - AUDIT_LABELS.keys()) == []

"""Debian's Chromium driven by Playwright's sync API, for the browser tests (Playwright cannot download browsers here).

Used by module-scoped fixtures: Playwright's sync API runs an event loop in the main thread until it stops, and
in-process code that calls `asyncio.run()` (Rasa's stores, the purge) cannot run after it in the same worker.
Stopped at each module's end, browser modules can be queued anywhere (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """A launched Chromium, closed with Playwright at the end of the block."""
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `make browser` (Debian's chromium package)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()

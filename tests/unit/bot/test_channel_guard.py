"""The channel's rate limits (bot/guard.py) on the counts the embedded mode's workers share, with a clock the test
moves: an open conversation is never refused as a new one, however long the artisan paused."""

from __future__ import annotations

import pytest

from bot.guard import (
    CONVERSATIONS_PER_CLIENT,
    KNOWN_FOR,
    LONG_MESSAGES_PER_CLIENT,
    MAX_MESSAGE_CHARS,
    MESSAGES_PER_CLIENT,
    MESSAGES_PER_CONVERSATION,
    TOO_LONG,
    TOO_MANY_CONVERSATIONS,
    ChannelGuard,
)
from cases.limits import SharedCounts


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def guard(tmp_path, clock):
    windows = {
        "conversations": CONVERSATIONS_PER_CLIENT,
        "client_messages": MESSAGES_PER_CLIENT,
        "conversation_messages": MESSAGES_PER_CONVERSATION,
        "long_messages": LONG_MESSAGES_PER_CLIENT,
        "known": KNOWN_FOR,
    }
    shared = SharedCounts(str(tmp_path / "limits.db"), windows, clock=clock)
    return ChannelGuard("Chambre", "01 23 45 67 89", "secret", shared=shared)


def test_a_conversation_paused_for_minutes_goes_on_when_the_address_opened_many(guard, clock):
    address = "203.0.113.7"  # an office, a family, a mobile operator's NAT
    for number in range(CONVERSATIONS_PER_CLIENT.count):
        assert guard.verdict(address, f"artisan-{number}", "bonjour") is None
    clock.now += 120  # looking for a letter from the URSSAF
    assert guard.verdict(address, "artisan-0", "voilà, c'est la mise en demeure") is None
    refused = guard.verdict(address, "someone-new", "bonjour")
    assert refused is not None and refused.reason == TOO_MANY_CONVERSATIONS


def test_a_new_conversation_is_allowed_again_once_the_window_has_passed(guard, clock):
    address = "203.0.113.8"
    for number in range(CONVERSATIONS_PER_CLIENT.count):
        guard.verdict(address, f"c-{number}", "bonjour")
    clock.now += CONVERSATIONS_PER_CLIENT.window_s + 1
    assert guard.verdict(address, "later", "bonjour") is None


LONG = "La banque a coupé le découvert et l'URSSAF relance, le four est en panne depuis un mois. " * 60  # 5,340


def test_long_messages_are_read_up_to_a_budget_per_address_and_short_ones_always(guard, clock):
    """Round 9: 4,800 characters were refused outright; up to 10,000 are read now, five long ones per ten minutes."""
    address = "203.0.113.9"
    for number in range(LONG_MESSAGES_PER_CLIENT.count):
        assert guard.verdict(address, "artisan", LONG) is None, number
    refused = guard.verdict(address, "artisan", LONG)
    assert refused is not None and refused.reason == TOO_LONG and "l'essentiel" in refused.text
    assert guard.verdict(address, "artisan", "et la mise en demeure est arrivée hier") is None
    clock.now += LONG_MESSAGES_PER_CLIENT.window_s + 1
    assert guard.verdict(address, "artisan", LONG) is None


@pytest.mark.parametrize(
    "ending, crisis",
    [
        (" Des fois je me dis que ce serait mieux si je n'étais plus là.", True),
        (" J'ai envie d'en finir.", True),
        (" Ce chantier me tue, mais on va s'en sortir.", False),
        ("", False),
    ],
)
def test_a_message_too_long_to_read_is_still_read_for_warning_signs(guard, ending, crisis):
    refused = guard.verdict("203.0.113.10", "artisan", LONG * 2 + ending)
    assert len(LONG * 2) > MAX_MESSAGE_CHARS
    assert refused is not None and refused.reason == TOO_LONG
    assert ("3114" in refused.text) is crisis
    assert refused.text.count("?") == 1 and "l'essentiel" in refused.text

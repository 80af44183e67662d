"""bot/crisis_first.py on a channel that records what it sends: the crisis numbers before the welcome, the welcome
after them without its greeting (round 15: a "Bonjour" between the numbers and the safety question read as a restart),
and the welcome first, greeting kept, in an ordinary turn."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from bot.crisis_first import crisis_first
from guidance.welcome import welcome_text

WELCOME = welcome_text("Chambre de métiers et de l'artisanat")
NUMBERS = "Vous pouvez appeler le 3114 dès maintenant. En cas de danger immédiat, appelez le 15 ou le 112."
SAFETY = "Êtes-vous en sécurité en ce moment ?"


def _turn(replies: list[str], said_first: str = "bonjour") -> list[str]:
    sent: list[dict[str, Any]] = []

    async def send_response(recipient_id: str, reply: dict[str, Any]) -> None:
        sent.append(reply)

    channel = SimpleNamespace(send_response=send_response)
    message = SimpleNamespace(output_channel=channel, text=said_first)

    async def handle(incoming: Any) -> None:
        for text in replies:
            await incoming.output_channel.send_response("artisan", {"text": text})

    asyncio.run(crisis_first(handle)(message))
    return [reply["text"] for reply in sent]


def test_after_the_crisis_numbers_the_welcome_says_who_speaks_without_a_greeting():
    said = _turn([WELCOME, NUMBERS, SAFETY])
    assert said[0] == NUMBERS
    assert said[1].startswith("Je suis l'assistant automatique de la Chambre") and "gratuit et confidentiel" in said[1]
    assert said[2] == SAFETY


def test_an_ordinary_turn_keeps_the_welcome_first_with_its_greeting():
    said = _turn([WELCOME, "Pour commencer, qu'est-ce qui vous amène aujourd'hui ?"])
    assert said[0] == WELCOME and said[0].startswith("Bonjour")


def test_a_first_bonsoir_gets_bonsoir_back():
    """Round 23 (r23a-04): "Bonsoir" was answered "Bonjour"."""
    for greeting in ("Bonsoir", "bsr, je suis carreleur", "Bonne soirée à vous"):
        said = _turn([WELCOME, "Pour commencer, qu'est-ce qui vous amène aujourd'hui ?"], greeting)
        assert said[0].startswith("Bonsoir, je suis l'assistant automatique"), greeting
        assert said[0][len("Bonsoir") :] == WELCOME[len("Bonjour") :]


def test_any_other_first_message_keeps_bonjour():
    for first in ("bonjour", "salut", "le soir je suis à l'atelier, la banque me relance"):
        assert _turn([WELCOME, "?"], first)[0] == WELCOME

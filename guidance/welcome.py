"""The first words of every conversation: an automated assistant, free and confidential, a person when wanted.
Said before anything else, except the crisis numbers (bot/crisis_first.py)."""

from __future__ import annotations

import re

WELCOME_OPENING = "Bonjour, je suis l'assistant automatique"
# After the crisis numbers, the same words without the greeting: a "Bonjour" between the numbers and the safety question
# read as a restart (round 15, r15b-05, -14, -17).
WELCOME_AFTER_CRISIS_OPENING = "Je suis l'assistant automatique"


def welcome_text(chamber_name: str) -> str:
    return (
        f"{WELCOME_OPENING} de la {chamber_name}. Ce service est gratuit et "
        f"confidentiel, et un conseiller, une vraie personne, peut prendre le relais quand vous le souhaitez."
    )


def welcome_after_crisis(text: str) -> str:
    """The welcome said right after the crisis numbers: who speaks, free and confidential, without "Bonjour"."""
    return WELCOME_AFTER_CRISIS_OPENING + text[len(WELCOME_OPENING) :] if text.startswith(WELCOME_OPENING) else text


EVENING_GREETING = re.compile(r"^\W*(?:bonsoir|bsr|bonne soir[ée]e)\b", re.IGNORECASE)


def welcome_in_the_evening(text: str) -> str:
    """The welcome answering "Bonsoir" in kind (round 23, r23a-04: "Bonsoir" got "Bonjour"); the tracker keeps the
    stored words, which the actions recognise by WELCOME_OPENING."""
    return "Bonsoir" + text[len("Bonjour") :] if text.startswith(WELCOME_OPENING) else text


# After a bare greeting (actions/intake_actions.py ActionGreet).
FIRST_QUESTION = (
    "Pour commencer, qu'est-ce qui vous amène aujourd'hui ? Vous pouvez l'écrire avec vos mots, même en vrac."
)

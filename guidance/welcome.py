"""The first words of every conversation: an automated assistant, free and confidential, a person when wanted.
Said before anything else, except the crisis numbers (bot/crisis_first.py)."""

from __future__ import annotations

WELCOME_OPENING = "Bonjour, je suis l'assistant automatique"


def welcome_text(chamber_name: str) -> str:
    return (
        f"{WELCOME_OPENING} de la {chamber_name}. Ce service est gratuit et "
        f"confidentiel, et un conseiller, une vraie personne, peut prendre le relais quand vous le souhaitez."
    )


# After a bare greeting (actions/intake_actions.py ActionGreet).
FIRST_QUESTION = (
    "Pour commencer, qu'est-ce qui vous amène aujourd'hui ? Vous pouvez l'écrire avec vos mots, même en vrac."
)

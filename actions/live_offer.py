"""The live chat offer (issue 16), without Rasa: when it is made, which handoff questions follow, what is said.

During the chamber's opening hours and while at least one advisor of the chamber has the inbox open, the
artisan who agreed to pass their request on may choose to write with an advisor here and now rather than be
called back; otherwise the callback, with its honest time, as before. Chosen, the live chat needs no phone:
a first name is asked, the case is stored with a live request (cases.live), and the bot's confirmation
carries the widget's signal ``{"relais_live": {"state": "waiting"}}`` (/work/live-protocol.md).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from chamber import Chamber
from french import fold
from intake.answers import NO, YES, kind as answer_kind

log = logging.getLogger(__name__)

SLOT = "live_chat_wanted"
SIGNAL = {"relais_live": {"state": "waiting"}}
# After the offer, the live chat asks only for a first name.
LIVE_QUESTIONS = ("contact_name",)

QUESTION = (
    "Un conseiller de la chambre est disponible en ce moment. Voulez-vous échanger avec lui ici, par écrit, "
    "plutôt que d'être rappelé ?"
)
BUTTONS = [
    {"title": "Échanger ici maintenant avec un conseiller", "payload": "/affirm"},
    {"title": "Être rappelé par téléphone", "payload": "/deny"},
]


def offer_available(chamber: Chamber, now: datetime, advisors_present: Callable[[str, datetime], int]) -> bool:
    """Open now, and someone of the chamber in the inbox; any failure to know it means no offer."""
    if not chamber.is_open(now):
        return False
    try:
        return advisors_present(chamber.id, now) > 0
    except Exception:  # the database unreachable: the callback, which works without it
        log.exception("the advisors' presence could not be read: no live offer")
        return False


def with_live_offer(questions: list[str], slots: Mapping[str, Any], available: Callable[[], bool]) -> list[str]:
    """The handoff form's questions (actions.handoff.handoff_questions) with the live offer after the consents.

    Asked once the consent is given (and the health consent, when it applies); ``available`` is asked only
    then, and only while the offer has no answer. Chosen, the callback's questions (phone, e-mail, time,
    place) give way to a first name.
    """
    if slots.get("consent_given") is not True or "contact_name" not in questions:
        return questions
    choice = slots.get(SLOT)
    if choice is None and not available():
        return questions
    position = questions.index("contact_name")
    before = [q for q in questions[:position] if q != SLOT]
    if choice is True:
        return [*before, SLOT, *LIVE_QUESTIONS]
    return [*before, SLOT, *[q for q in questions[position:] if q != SLOT]]


def wants_live(slots: Mapping[str, Any]) -> bool:
    return slots.get(SLOT) is True and slots.get("consent_given") is True and bool(slots.get("wants_advisor"))


_LIVE = re.compile(r"\b(ici|maintenant|tout de suite|par ecrit|ecrire|echanger|chat|direct)\b")
_CALLBACK = re.compile(r"\b(rappel\w*|telephone|appel\w*|par tel)\b")


def read_choice(text: str | None) -> bool | None:
    """The artisan's words for the choice: True to write here now, False for a call, None when unclear."""
    folded = fold(text or "")
    live, callback = bool(_LIVE.search(folded)), bool(_CALLBACK.search(folded))
    if live == callback:
        return None
    return live


UNCLEAR = "Je n'ai pas bien compris, pardon : choisissez l'un des deux boutons, ou répondez « ici » ou « rappel »."


def read_answer(value: Any, words: str | None) -> bool | None:
    """The slot's value: a button or a yes/no (the intent gave True/False), else the words ("ici", "rappelez-moi")."""
    choice = read_choice(words)
    if choice is not None:
        return choice
    if isinstance(value, bool):
        return value
    said = answer_kind(words)
    if said == YES:
        return True
    if said == NO:
        return False
    return None


def confirmation(reference: str, distress_reminder: str = "") -> str:
    text = (
        f"C'est noté, votre référence est {reference}. Les conseillers présents sont prévenus : le premier "
        "disponible vous écrira ici, gardez cette fenêtre ouverte."
    )
    return f"{text} {distress_reminder}".strip()


def unavailable(chamber: Chamber) -> str:
    return (
        "Je n'arrive pas à joindre un conseiller ici pour le moment, pardon. "
        f"Vous pouvez appeler la {chamber.name} au {chamber.phone}, ou écrire « conseiller » pour être rappelé."
    )

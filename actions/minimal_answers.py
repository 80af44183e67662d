"""Round 22 (r22a-06, r22a-14, r22a-18): "bof", "...", "rien" before any difficulty was told got the same two lines
every time ("Je vous écoute." / "Qu'est-ce qui vous amène : …"), up to three times in a row. The open question is
asked once as it is; the second time it is made easier (one word is enough, a few examples); from the third, the
concrete ways out are said (a person who calls back, stopping here, coming back later), never the same words again."""

from __future__ import annotations

from typing import Any

from actions.intake import NO_DIFFICULTY_YET

EASIER_OPENING = (
    "Pas de souci, prenez votre temps. Un seul mot suffit, par exemple : les clients, l'argent, l'URSSAF, la fatigue."
)
WAYS_OUT = (
    "Ce n'est peut-être pas le bon moment pour écrire, et ce n'est pas grave. Vous pouvez écrire « conseiller » pour "
    "qu'une personne vous rappelle, vous arrêter là, ou revenir quand vous voulez : je serai là."
)
_OPEN_QUESTIONS = (NO_DIFFICULTY_YET, EASIER_OPENING, WAYS_OUT)


def times_asked(events: list[dict[str, Any]]) -> int:
    """How many times the open question (in any of its forms) was said in the conversation."""
    return sum(
        1
        for event in events
        if event.get("event") == "bot" and any(question in str(event.get("text") or "") for question in _OPEN_QUESTIONS)
    )


def open_question_again(events: list[dict[str, Any]], noted: str | None) -> list[str]:
    """The messages that ask what brings the person, varied with how many times it was asked already."""
    asked = times_asked(events)
    if asked == 0:
        return [f"Merci. {noted}" if noted else "Je vous écoute.", NO_DIFFICULTY_YET]
    if asked == 1:
        return [f"Merci. {noted} {EASIER_OPENING}" if noted else EASIER_OPENING]
    return [f"Merci. {noted} {WAYS_OUT}" if noted else WAYS_OUT]

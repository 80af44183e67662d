"""No action of the action server ever turns into silence, by construction.

rasa_sdk registers every action through ``ActionExecutor.register_function``; ``install()`` makes that
method wrap each action in ``guarded``, so every action of the server (ours and any added later, the
crisis actions included) is covered without each one having to remember it:

- an exception becomes a short, kind message with the chamber's number, and the action's events are
  dropped (Rasa then goes on as if the action had done nothing, and the artisan has an answer);
- the failure is logged with the action's name, the exception's type and where it was raised, never the
  exception's text nor the tracker, which carry what the artisan wrote (names, numbers, health).

Rasa's own ``ActionExecutionRejection`` is not a failure (a form saying "not my answer") and passes.
"""

from __future__ import annotations

import functools
import inspect
import logging
import traceback
from collections.abc import Callable
from typing import Any

from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection

logger = logging.getLogger(__name__)


def failure_text(chamber: Any | None) -> str:
    """What the artisan reads when an action failed: short, kind, with a way to reach a person."""
    if chamber is None:
        return "Pardon, un problème technique m'empêche de vous répondre. Pouvez-vous réessayer dans un instant ?"
    return (
        "Pardon, un problème technique m'empêche de vous répondre correctement. Vous pouvez réessayer "
        f"dans un instant, ou appeler la {chamber.name} au {chamber.phone}, {chamber.hours_text}."
    )


def where(error: BaseException) -> str:
    """ "ValueError at actions/handoff.py:42 in build_case_draft": the place, without the message."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    path = last.filename.split("/site-packages/")[-1]
    for root in ("/actions/", "/cases/", "/triage/", "/guidance/", "/chamber/", "/intake/"):
        if root in path:
            path = root.strip("/") + "/" + path.split(root, 1)[1]
            break
    return f"{type(error).__name__} at {path}:{last.lineno} in {last.name}"


def log_failure(action_name: str, error: BaseException) -> None:
    """Logs a failure without personal data: no exception text, no tracker, no slot value."""
    chain = [where(error)]
    cause = error.__cause__ or error.__context__
    while cause is not None and len(chain) < 4:
        chain.append(where(cause))
        cause = cause.__cause__ or cause.__context__
    logger.error("action %s failed: %s", action_name, " <- ".join(chain))


def _chamber_or_none() -> Any | None:
    try:
        from actions import services

        return services.chamber()
    except Exception:  # noqa: BLE001 - the configuration itself may be what failed
        return None


def guarded(name: str, run: Callable) -> Callable:
    """``run(dispatcher, tracker, domain)`` that answers kindly instead of failing."""
    if getattr(run, "__relais_guarded__", False):
        return run

    @functools.wraps(run)
    async def guarded_run(dispatcher, tracker, domain):  # noqa: ANN001, ANN202 - rasa_sdk's signature
        try:
            result = run(dispatcher, tracker, domain)
            if inspect.isawaitable(result):
                result = await result
            drop_repeats(dispatcher, tracker)
            return result
        except ActionExecutionRejection:
            raise
        except Exception as error:  # noqa: BLE001 - the point of this wrapper
            log_failure(name, error)
            dispatcher.utter_message(text=failure_text(_chamber_or_none()))
            return []

    guarded_run.__relais_guarded__ = True  # type: ignore[attr-defined]
    return guarded_run


# A sentence this long said again within the same turn is a repetition, even inside a longer message (round 21, z.md
# M2: "Si je comprends bien, … baisse d'activité. Je note que c'est urgent." then "Si je comprends bien, … baisse
# d'activité."); shorter words ("Merci.", "D'accord.") may well come back in a longer message.
_REPEAT_LENGTH = 40
# What makes a message more than words: those are never dropped (a question a form asks, buttons, a custom payload).
_MORE_THAN_WORDS = ("buttons", "custom", "image", "attachment", "elements", "response", "template", "asked_slot")


def _repeats(text: str, said: list[str]) -> bool:
    return any(text == earlier or (len(text) >= _REPEAT_LENGTH and text in earlier) for earlier in said)


def drop_repeats(dispatcher: Any, tracker: Any) -> None:
    """Never the same words twice in one turn, whichever actions said them (round 21, z.md M1: "who reads" said by the
    question's answer, then again by the form's validation; M2: the restatement said twice): a plain message already
    said since the artisan's latest message, by an earlier action or by this one, is left out."""
    events = list(getattr(tracker, "events", None) or [])
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=-1)
    said = [str(event.get("text") or "") for event in events[last_user + 1 :] if event.get("event") == "bot"]
    kept = []
    for message in dispatcher.messages:
        text = message.get("text")
        plain = bool(text) and not any(message.get(key) for key in _MORE_THAN_WORDS)
        if plain and _repeats(str(text), said):
            continue
        kept.append(message)
        if text:
            said.append(str(text))
    dispatcher.messages[:] = kept


_original_register_function = ActionExecutor.register_function


def _register_guarded(self: ActionExecutor, name: str, f: Callable) -> None:
    _original_register_function(self, name, guarded(name, f))


def install() -> None:
    """Every action registered from now on is guarded (idempotent)."""
    ActionExecutor.register_function = _register_guarded

"""Questions about the business asked where no guidance is pending (at a handoff question, after the crisis reply): one
first step from the sourced knowledge base, chosen for the words the question names. Shared by the crisis, handoff and
intake actions (its own module: the crisis actions and the handoff actions import each other's callers)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import services
from intake.facts import fold


def answer_to_business_question(tracker: Tracker, question: str) -> str | None:
    """One sourced first step for a question about the business asked at a handoff question ("je peux avoir un délai
    urssaf ou pas ?", "qu'est-ce que je dois préparer pour l'audience ?"), or None. After the crisis path no guidance had
    been given (it waits behind the crisis reply), and such questions got "je ne sais pas répondre" (rounds 9 and 10,
    r9b-04, r9b-24, r10b): the numbers came first, the question is answered now."""
    from dataclasses import replace

    from actions.conversation import situation
    from guidance import render_guidance
    from guidance.facts import cause_categories, read_causes
    from guidance.select import select_guidance
    from triage import assess

    asked = assess([question])
    if asked.distress:
        return None
    if not asked.categories:
        # "la contrainte, j'ai combien de temps pour contester ?" (round 11, r11b-25): no category in the question's
        # words, but a cause the knowledge base knows, and so its category.
        named = {cause_categories()[cause] for cause in read_causes([question])}
        if not named:
            return None
        asked = replace(asked, categories=tuple(sorted(named)))
    chamber = services.chamber()
    given = {entry.get("id") for entry in tracker.get_slot("guidance_given") or [] if isinstance(entry, dict)}
    steps = select_guidance(
        services.knowledge_base(),
        replace(asked, distress=False),
        chamber,
        situation(tracker.slots),
        limit=3,
        messages=[question],
        today=services.chamber_today(),
    )
    fresh = [entry for entry in steps if entry.id not in given]
    if not fresh:
        return None
    # Of the steps that fit, the one that speaks of what the question names ("délai" -> the payment plan).
    asked_words = content_words(question)
    best = max(fresh, key=lambda e: len(asked_words & content_words(" ".join([e.name, e.summary, *e.how]))))
    return f"Pour votre question : {render_guidance([best], chamber)[0]}"


_STOP_WORDS = frozenset(
    [
        "bien",
        "faut",
        "contacter",
        "savoir",
        "voulais",
        "juste",
        "quoi",
        "comment",
        "pour",
        "dans",
        "avec",
        "sans",
        "alors",
        "votre",
        "notre",
        "cette",
        "celle",
        "celui",
        "entre",
        "avant",
        "apres",
        "comme",
        "est-ce",
        "quelle",
        "quelles",
        "quels",
    ]
)


def content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{5,}", fold(text or "")) if word not in _STOP_WORDS}

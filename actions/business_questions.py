"""Questions about the business asked where no guidance is pending (at a handoff question, after the crisis reply): one
first step from the sourced knowledge base, chosen for the words the question names. Shared by the crisis, handoff and
intake actions (its own module: the crisis actions and the handoff actions import each other's callers)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from intake.facts import fold

# Round 12 (r12b-02, 03, 19): after the crisis part, the first steps come short: two, under a gentle word.
STEPS_AFTER_CRISIS = 2
STEPS_AFTER_CRISIS_INTRO = "Pour la suite, voici de premières démarches concrètes, à votre rythme :"


def safety_part_done(tracker: Tracker) -> bool:
    """The crisis numbers were given and the answer to the safety question replied to, with no crisis reply since
    (a crisis reply clears `safe_now` and waits for its own answer)."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == "action_after_safety_answer":
            return True
        if event.get("event") == "slot" and event.get("name") == "safe_now" and event.get("value") is None:
            return False
    return False


def first_steps_after_crisis(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The first practical steps for someone on the crisis path who stays in the chat, once the safety part is done.

    Round 12 (r12b-02, 03, 19): action_give_guidance returned nothing whenever the `distress` slot was set, and the
    crisis path sets it for the rest of the conversation, so nobody who went through it got a single step ("bon alors
    pour l'urssaf je fais quoi concretement" then the département, then nothing). Guidance waits behind the crisis reply,
    not forever: two steps not given yet, the most fitting first; nothing before the safety question is answered."""
    from dataclasses import replace

    from actions.conversation import situation
    from guidance import render_guidance
    from guidance.select import select_guidance
    from triage import Assessment

    assessment = Assessment.from_slots(tracker.slots)
    if assessment is None or not assessment.categories or not safety_part_done(tracker):
        return []
    chamber = services.chamber()
    already = list(tracker.get_slot("guidance_given") or [])
    given = {entry.get("id") for entry in already if isinstance(entry, dict)}
    entries = [
        entry
        for entry in select_guidance(
            services.knowledge_base(),
            replace(assessment, distress=False),
            chamber,
            situation(tracker.slots),
            limit=12,
            today=services.chamber_today(),
        )
        if entry.id not in given
    ][:STEPS_AFTER_CRISIS]
    if not entries:
        return []
    dispatcher.utter_message(text=STEPS_AFTER_CRISIS_INTRO)
    for message in render_guidance(entries, chamber):
        dispatcher.utter_message(text=message)
    return [SlotSet("guidance_given", already + [{"id": e.id, "name": e.name, "link": e.link} for e in entries])]


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
    return f"Pour votre question : {_after_colon(render_guidance([best], chamber)[0])}"


# Round 12 (B19, r12b-09: "Pour votre question : Votre service…"): after a colon, a common word takes no capital; a
# name ("URSSAF", "Le Médiateur des entreprises" written as a name) is left as it is.
_COMMON_FIRST_WORDS = frozenset(
    (
        *("votre", "vous", "vos", "pour", "une", "un", "le", "la", "les", "si", "hors", "en", "il", "elle", "dans"),
        *("avant", "apres", "après", "demandez", "contactez", "faites", "écrivez", "ecrivez", "adressez", "lorsque"),
        *("quand", "lors", "depuis", "des", "du", "au", "aux"),
    )
)


def _after_colon(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.lower() in _COMMON_FIRST_WORDS and first[:1].isupper() and not first.isupper():
        return text[:1].lower() + text[1:]
    return text


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

"""Guidance: a sourced knowledge base of first mechanisms for artisans in difficulty, and its rendering.

Plain Python (no Rasa, SQL or HTTP)::

    from guidance import load_knowledge_base, select_guidance, render_guidance, crisis_messages, GuidanceEntry

    kb = load_knowledge_base()      # validated: conditions, categories, causes, options, honest sources
    entries = select_guidance(kb, assessment, chamber, situation=None, limit=3,
                              messages=None, today=None, profile=None)
        # by fit to what the conversation knows (legal form, employees, causes and procedure stage
        # read in the artisan's words, place), then by urgency; an entry whose condition is known
        # not to hold is never shown, an unknown one is said ("Si vous êtes micro-entrepreneur, ...");
        # option-gated entries only when the chamber enables them; [] when assessment.distress;
        # nothing specific -> the chamber's advisors
    render_guidance(entries, chamber)   # French messages, one per entry, at most 40 words, the court
                                        # of the place, the link written out as a plain URL
    Profile.from_situation(situation)   # guidance.profile: "je suis en micro" -> legal_form "micro"...
    python -m guidance check            # the chamber's checks (docs/guidance.md)
    crisis_messages(chamber)            # 3114 and 15/112 (114 by SMS) first, a callback offer that needs
                                        # no contact details, then "Êtes-vous en sécurité en ce moment ?"
                                        # last (guidance/crisis.py; the business owners' line only with
                                        # the chamber option, with its hours)

The entries live in guidance/knowledge_base.yml (one per mechanism, with its conditions and its
source, and whether that source was really checked live); causes and stages in guidance/causes.yml;
the court per département in guidance/courts.yml; chamber-specific words come from the chamber
configuration.
"""

from guidance.crisis import crisis_messages
from guidance.knowledge import (
    KNOWLEDGE_BASE,
    SITUATION_TAGS,
    GuidanceEntry,
    KnowledgeBaseError,
    Source,
    count_sentences,
    load_knowledge_base,
    parse_knowledge_base,
)
from guidance.profile import Profile
from guidance.render import chamber_words, render_entry, render_guidance
from guidance.select import CHAMBER_ADVISORS, active_situations, select_guidance

__all__ = [
    "CHAMBER_ADVISORS",
    "KNOWLEDGE_BASE",
    "SITUATION_TAGS",
    "GuidanceEntry",
    "KnowledgeBaseError",
    "Profile",
    "Source",
    "active_situations",
    "chamber_words",
    "count_sentences",
    "crisis_messages",
    "load_knowledge_base",
    "parse_knowledge_base",
    "render_entry",
    "render_guidance",
    "select_guidance",
]

"""Guidance: a sourced knowledge base of first mechanisms for artisans in difficulty, and its rendering.

Plain Python (no Rasa, SQL or HTTP)::

    from guidance import load_knowledge_base, select_guidance, render_guidance, crisis_messages, GuidanceEntry

    kb = load_knowledge_base()      # validated: sourced, dated, known categories, options and placeholders
    entries = select_guidance(kb, assessment, chamber, situation=None, limit=3)
        # most urgent first; entries needing a chamber option only when the chamber enables it;
        # [] when assessment.distress (the crisis reply comes first); 'autre' or nothing specific ->
        # the chamber's advisors
    render_guidance(entries, chamber)   # French messages, one per entry, each <= 3 short sentences,
                                        # the link written out as a plain URL
    crisis_messages(chamber)            # 3114 and 15/112 (114 by SMS) first, a callback offer that needs
                                        # no contact details, then "Êtes-vous en sécurité en ce moment ?"
                                        # last (guidance/crisis.py; the business owners' line only with
                                        # the chamber option, with its hours)

The entries live in guidance/knowledge_base.yml (one per mechanism, with its source and the date it
was last verified); chamber-specific words come from the chamber configuration.
"""

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
from guidance.crisis import crisis_messages
from guidance.render import chamber_words, render_entry, render_guidance
from guidance.select import CHAMBER_ADVISORS, active_situations, select_guidance

__all__ = [
    "CHAMBER_ADVISORS",
    "KNOWLEDGE_BASE",
    "SITUATION_TAGS",
    "GuidanceEntry",
    "KnowledgeBaseError",
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

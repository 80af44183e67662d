"""Triage: what an artisan writes -> difficulty categories, urgency, distress and quoted reasons.

Plain Python (no Rasa, no spaCy): used by the action server, a custom NLU component and the inbox.
The codes are exactly those of the triage contract::

    from triage import assess, Assessment, detect_distress, detect_overwhelm, CATEGORIES, URGENCY_LEVELS, normalise

    a = assess(user_messages, previous=None, situation=None, today=None)
    # user_messages: every message of the artisan so far, oldest first (re-run on the whole history)
    # previous: the last Assessment (e.g. Assessment.from_slots(tracker.current_slot_values()))
    # situation: answers the bot collected: deadline, since_when, employees, creditors, trade,
    #            legal_form, departement, steps_taken ("deadline" within 15 days -> haute)
    a.categories  # ("cotisations_sociales", "tresorerie"): primary first, () before any difficulty
    a.urgency  # "critique" | "haute" | "normale" | "basse" | None; never below previous.urgency
    a.distress  # risk to life; sticky once true
    a.overwhelm  # stress or exhaustion without risk: deserves a gentle check
    a.reasons  # {"cotisations_sociales": ["« l'urssaf me réclame 3 trimestres »"],
    #  "urgency": ["« audience le 3 décembre » (dans 6 jours)"], "distress": [...]}
    a.distress_level  # 1 explicit, 2 indirect warning sign, 3 ambiguous distress (ask directly), None
    a.distress_signs  # rule ids that fired ("indirect_burden", ...): what logs may record, never text
    a.bereaved  # someone close died by suicide: the 3114 is for them too
    a.to_slots()  # {"difficulty_categories", "urgency", "distress", "triage_reasons",
    #  "distress_level", "distress_signs"}
    Assessment.from_slots(slots)  # -> Assessment | None
    a.restatement()  # "Si je comprends bien, vous faites face à ... et à une baisse d'activité."

    detect_distress(text)  # the same distress rule as assess() (a level 1 or 2 sign), for one message
    detect_overwhelm(text)
    normalise(text)  # lowercase, no accents, SMS spellings expanded: what the rules see
    CATEGORY_TITLES, URGENCY_TITLES  # French names for advisors ("Cotisations sociales", "Haute")
    SITUATION_LABELS  # French names of the situation's keys ("trade" -> "Métier"); triage/labels.py

Graduated distress signs: triage/distress.py (find_signs, distress_level, is_bereaved_by_suicide) over
triage/rules/distress.yml; free answers to the crisis questions: triage/answers.py.

The rules are reviewed tables in triage/rules/*.yml: adding a synonym is a one-line change there.
A learned classifier (triage/model.py, trained on triage/data/categories_corpus.yml) adds a category
the rules missed when it is confident; its reason says "(modèle ; mots : ...)". Its thresholds come
from `python -m triage.model_report --cv`. Likewise a learned urgency model (triage/urgency_model.py, trained on
triage/data/urgency_corpus.yml) may raise a message's normale to haute, or set basse on a mere question; it never
lowers a rule's haute nor touches critique. Thresholds from `python -m triage.urgency_report --cv`.
"""

from triage.engine import (
    HIGH_URGENCY_DAYS,
    Assessment,
    assess,
    detect_distress,
    detect_overwhelm,
    health_words,
    names_a_difficulty,
)
from triage.health import HEALTH_REMOVED, kept_without_health, mentions_health, says_health, without_health
from triage.labels import CATEGORY_TITLES, SITUATION_LABELS, URGENCY_TITLES
from triage.normalise import normalise
from triage.rules import CATEGORIES, URGENCY_LEVELS

__all__ = [
    "CATEGORIES",
    "CATEGORY_TITLES",
    "HEALTH_REMOVED",
    "HIGH_URGENCY_DAYS",
    "SITUATION_LABELS",
    "URGENCY_LEVELS",
    "URGENCY_TITLES",
    "Assessment",
    "assess",
    "detect_distress",
    "detect_overwhelm",
    "health_words",
    "kept_without_health",
    "mentions_health",
    "names_a_difficulty",
    "normalise",
    "says_health",
    "without_health",
]

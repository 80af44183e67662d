"""Choose the few mechanisms that fit an assessment, most urgent first."""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from chamber import Chamber
from guidance.knowledge import GuidanceEntry
from triage import Assessment

CHAMBER_ADVISORS = "chambre_conseillers"
# A situation that applies moves an entry this much towards the top (priorities are "lower first").
SITUATION_BOOST = 10
_NO_EMPLOYEES = re.compile(r"^\s*(?:0|non|aucun\w*|pas de\b|personne|seule?|je suis seule?|zero)", re.IGNORECASE)
_SOME_EMPLOYEES = re.compile(r"\d|\b(?:oui|un|une|deux|trois|quatre|cinq|salarie|employe|apprenti|ouvrier)",
                             re.IGNORECASE)


def active_situations(assessment: Assessment, situation: Mapping[str, str] | None = None) -> set[str]:
    """The situation tags of the knowledge base that apply to this conversation."""
    tags: set[str] = set()
    if assessment.urgency in ("haute", "critique"):
        tags.add("deadline_close")
    if assessment.urgency == "basse":
        tags.add("anticipation")
    if {"cotisations_sociales", "impots"} <= set(assessment.categories):
        tags.add("tax_and_social")
    if assessment.overwhelm:
        tags.add("overwhelm")
    employees = str((situation or {}).get("employees") or "").strip()
    if employees:
        if _NO_EMPLOYEES.match(employees):
            tags.add("no_employees")
        elif _SOME_EMPLOYEES.search(employees):
            tags.add("employees")
    return tags


def _rank(entry: GuidanceEntry, tags: set[str]) -> int:
    return entry.priority - SITUATION_BOOST * len(tags & set(entry.situations))


def select_guidance(
    knowledge_base: Iterable[GuidanceEntry],
    assessment: Assessment | None,
    chamber: Chamber,
    situation: Mapping[str, str] | None = None,
    limit: int = 3,
) -> list[GuidanceEntry]:
    """At most `limit` entries for this assessment, most urgent first.

    [] when distress (the crisis reply comes first and guidance waits). Only entries whose
    requires_option is enabled by the chamber. Each described difficulty gets its best entry before a
    second entry of the same difficulty; 'autre' or nothing specific leads to the chamber's advisors.
    """
    entries = [entry for entry in knowledge_base if entry.available_for(chamber.options)]
    if assessment is not None and assessment.distress:
        return []
    advisors = [entry for entry in entries if entry.id == CHAMBER_ADVISORS]
    specific = [code for code in (assessment.categories if assessment else ()) if code != "autre"]
    if not specific:
        return advisors[:limit]

    tags = active_situations(assessment, situation)
    fitting = [entry for entry in entries
               if entry.id != CHAMBER_ADVISORS and set(entry.categories) & set(specific)]
    fitting.sort(key=lambda entry: (_rank(entry, tags), entry.id))

    chosen: list[GuidanceEntry] = []
    # Round robin over the difficulties, primary first, so that none is left without a first step.
    while len(chosen) < limit:
        added = False
        for code in specific:
            best = next((e for e in fitting if code in e.categories and e not in chosen), None)
            if best is not None and len(chosen) < limit:
                chosen.append(best)
                added = True
        if not added:
            break
    if not chosen:
        chosen = advisors[:limit]
    return sorted(chosen, key=lambda entry: (_rank(entry, tags), entry.id))

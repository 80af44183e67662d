"""The French words for the triage's codes and the situation's keys: the one source for the bot's case
summary (actions.handoff) and the advisors' inbox (inbox.presentation).

Category titles are written next to their rules (``title`` in rules/categories.yml).
"""

from __future__ import annotations

from triage.rules import category_titles

CATEGORY_TITLES: dict[str, str] = category_titles()
URGENCY_TITLES: dict[str, str] = {"critique": "Critique", "haute": "Haute", "normale": "Normale", "basse": "Basse"}

# What the bot gathers about the situation (CaseDraft.situation), as an advisor reads it.
SITUATION_LABELS: dict[str, str] = {
    "trade": "Métier",
    "legal_form": "Forme juridique",
    "employees": "Salariés",
    # The place as the artisan gave it (a town, a postcode...): the coded département is a field of its own.
    "departement": "Lieu",
    "commune": "Commune",
    "since_when": "Depuis quand",
    "deadline": "Échéance",
    "creditors": "Créanciers",
    "steps_taken": "Démarches déjà faites",
    "description": "Description",
    "health_details": "Santé",
    "sante": "Santé",
}

"""What a test artisan answers to each question of the intake, keyed by the slot asked (requested_slot).

One table for every test that walks the intake to its end: the e2e, browser and production tests."""

from __future__ import annotations

ANSWERS = {
    "since_when": "depuis 6 mois",
    "deadline": "non",
    "trade": "boulanger",
    "legal_form": "SARL",
    "employees": "2 salariés",
    "departement": "dans le 59",
    "creditors": "environ 8000 euros à l'urssaf",
    "steps_taken": "rien encore",
    "wants_advisor": "oui",
    "consent_given": "oui",
    "contact_name": "Sophie",
    "phone": "06 12 34 56 78",
    "email": "passer",
    "callback_slot": "plutôt le matin",
}

"""Which intake questions to ask, and why (plain Python).

Only what is missing and useful for the advisor, one question at a time. When the situation is
urgent the intake is cut short: the advisor is offered at once and asks the rest on the phone.
"""

from __future__ import annotations

from typing import Sequence

from actions.conversation import SITUATION_SLOTS

URGENT_LEVELS = frozenset({"haute", "critique"})

# Why each question is asked, said back when the artisan asks "pourquoi ?".
QUESTION_REASONS = {
    "since_when": "Savoir depuis quand cela dure aide le conseiller à voir quelles aides sont encore possibles.",
    "deadline": "Une date proche (audience, saisie, salaires) change l'ordre des démarches : elle permet d'agir à temps.",
    "trade": "Certaines aides dépendent du métier, et le conseiller connaît les difficultés propres à chaque métier.",
    "legal_form": "Les démarches ne sont pas les mêmes pour une micro-entreprise, une entreprise individuelle ou une société.",
    "employees": "Quand il y a des salariés, d'autres solutions existent, et les salaires passent en priorité.",
    "departement": "Cela permet de transmettre votre situation à la chambre et aux services de votre secteur.",
    "creditors": "Savoir à qui et combien vous devez permet de proposer le bon interlocuteur, par exemple un étalement.",
    "steps_taken": "Cela évite de vous proposer ce que vous avez déjà fait.",
    "wants_advisor": "Un conseiller peut faire avec vous ce que je ne peux pas : appeler les organismes et chercher des aides.",
    "consent_given": "Je ne garde rien de personnel sans votre accord : c'est la loi, et c'est normal.",
    "health_consent": "Une information de santé est sensible : elle n'est gardée que si vous le voulez bien.",
    "contact_name": "C'est pour que le conseiller sache comment s'adresser à vous. Un prénom suffit.",
    "phone": "Le conseiller vous rappelle par téléphone : c'est le seul moyen de vous joindre.",
    "email": "C'est facultatif : certains préfèrent recevoir aussi un message écrit.",
    "callback_slot": "Pour que le conseiller vous appelle à un moment où vous pouvez parler.",
}

GENERIC_REASON = "Chaque réponse aide le conseiller à préparer votre rappel. Vous pouvez toujours répondre « passer »."

# Asked only when they help for the categories at hand.
_DEADLINE_CATEGORIES = frozenset(
    {"procedure_judiciaire", "banque", "cotisations_sociales", "impots", "tresorerie"}
)


def intake_questions(categories: Sequence[str], urgency: str | None) -> list[str]:
    """The situation slots that apply, in the order they are asked (the form skips filled ones)."""
    if urgency in URGENT_LEVELS:
        # Urgent: the advisor is offered now; only where the artisan is, to route the case.
        wanted = ["departement"]
    else:
        wanted = list(SITUATION_SLOTS)
        if not _DEADLINE_CATEGORIES.intersection(categories):
            wanted.remove("deadline")
    return wanted


def explain(slot: str | None) -> str:
    return QUESTION_REASONS.get(slot or "", GENERIC_REASON)

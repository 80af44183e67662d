"""Every question the bot asks in its forms, in one place (plain Python).

One question at a time, each skippable: intake questions carry a « Passer » button, and typing
« passer » or « je ne sais pas » works too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from actions.conversation import SKIP_BUTTON, SKIPPED
from actions.handoff import (
    TO_BE_CALLED,
    business_person_concerned,
    consent_text,
    health_of_relative_said,
    one_to_call,
    privacy_notice_url,
    said_of_the_one_called,
)
from actions.place_validation import PLACE_QUESTION
from chamber import Chamber
from chamber.emergency import SUICIDE_PREVENTION_LINE
from ops import clock

YES_NO = [{"title": "Oui", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}]


@dataclass(frozen=True)
class Question:
    text: str | Callable[[Any, Mapping[str, Any]], str]
    buttons: list[dict] | Callable[[Any, Mapping[str, Any]], list[dict]] = field(default_factory=list)
    # Asked again once the whole question was said: a short form (a long text read twice is not listened to).
    again: str | None = None

    def render(self, chamber: Chamber, slots: Mapping[str, Any]) -> tuple[str, list[dict]]:
        text = self.text(chamber, slots) if callable(self.text) else self.text
        return text, list(self.buttons(chamber, slots) if callable(self.buttons) else self.buttons)


def written_to(slots: Mapping[str, Any]) -> bool:
    """An address given instead of a number: the advisor writes (round 17, r17a-11: the consent said "votre numéro")."""
    email = slots.get("email")
    return slots.get("phone") == SKIPPED and bool(email and "@" in str(email))


# The handoff questions that name the person the advisor calls (round 24, conv-a: a sister writing for her brother was
# asked "Comment le conseiller peut-il vous appeler ?" and told "je dois garder votre prénom, votre numéro").
ABOUT_THE_ONE_CALLED = ("consent_given", "contact_name", "phone", "callback_slot")


def for_the_one_called(
    slot: str, text: str | None, slots: Mapping[str, Any], artisan_messages: Iterable[str]
) -> str | None:
    """The question (or its short form) for ``slot``, said of whom the advisor calls when someone close writes for the
    artisan: "Quel est le prénom de votre frère, pour le conseiller ?"; "vous" when the writer is the one called."""
    if slot not in ABOUT_THE_ONE_CALLED or not text or (slot == "consent_given" and written_to(slots)):
        return text
    messages = list(artisan_messages)
    called = one_to_call(slots, messages)
    if slot == "contact_name" and called == TO_BE_CALLED:
        called = business_person_concerned(messages) or called  # "Quel est le prénom de votre frère ?"
    return said_of_the_one_called(slot, text, called)


def _wants_advisor(chamber: Chamber, slots: Mapping[str, Any]) -> str:
    if slots.get("distress"):
        return (
            "Voulez-vous qu'un conseiller de la chambre vous rappelle ? Ce n'est pas une condition : "
            f"vous pouvez aussi appeler le {SUICIDE_PREVENTION_LINE}, ou la chambre au {chamber.phone}."
        )
    return "Voulez-vous qu'un conseiller de la chambre vous rappelle pour en parler ?"


_MOMENT_BUTTONS = [
    {"title": "Dès que possible", "payload": "dès que possible"},
    {"title": "Plutôt le matin", "payload": "plutôt le matin"},
    {"title": "Plutôt l'après-midi", "payload": "plutôt l'après-midi"},
]


def _moment_buttons(chamber: Chamber, slots: Mapping[str, Any]) -> list[dict]:
    """The moments offered as buttons, but a part of the day the advisors call less than two hours of in the artisan's
    clock (round 18, r18a-05: "Plutôt le matin" offered in La Réunion, where the calls start at 11 h)."""
    hours = chamber.opening_hours
    departement = slots.get("departement")
    return [
        button
        for button in _MOMENT_BUTTONS
        if button["payload"] == "dès que possible"
        or hours.minutes_for_wish(clock.now(), button["payload"], departement) >= _PART_WORTH_OFFERING
    ]


_PART_WORTH_OFFERING = 120  # minutes


QUESTIONS: dict[str, Question] = {
    # Intake
    "since_when": Question("Depuis quand cette situation dure-t-elle ?", [SKIP_BUTTON]),
    "deadline": Question(
        "Avez-vous une échéance proche, comme une audience, une saisie ou des salaires à payer ? Si oui, à quelle date ?",
        [{"title": "Non, pas d'échéance", "payload": "/deny"}, SKIP_BUTTON],
        again="Avez-vous une date limite proche ? Si oui, laquelle ?",
    ),
    "trade": Question("Quel est votre métier ?", [SKIP_BUTTON]),
    "legal_form": Question(
        "Sous quelle forme votre entreprise est-elle enregistrée ?",
        [
            {"title": "Micro-entreprise", "payload": "micro-entreprise"},
            {"title": "Entreprise individuelle", "payload": "entreprise individuelle"},
            {"title": "Société (SARL, SAS…)", "payload": "société"},
            {"title": "Je ne sais pas", "payload": "/skip_question"},
        ],
    ),
    "employees": Question(
        "Avez-vous des salariés ? Si oui, combien ?",
        [{"title": "Aucun salarié", "payload": "/deny"}, SKIP_BUTTON],
    ),
    "departement": PLACE_QUESTION,  # type: ignore[dict-item]  # actions/place_validation.py
    # Asked as a yes/no first: someone owed money by a client (round 5: "il me doit 2800 balles") could not answer
    # "À qui devez-vous de l'argent ?".
    "creditors": Question(
        "Devez-vous de l'argent à quelqu'un aujourd'hui (URSSAF, impôts, banque, fournisseurs) ? Si oui, environ combien ?",
        [{"title": "Non, aucune dette", "payload": "/deny"}, SKIP_BUTTON],
    ),
    "steps_taken": Question(
        "Avez-vous déjà fait des démarches, par exemple contacté l'URSSAF, les impôts ou votre banque ?",
        [{"title": "Pas encore", "payload": "/deny"}, SKIP_BUTTON],
    ),
    # Handoff
    "wants_advisor": Question(_wants_advisor, YES_NO),
    "consent_given": Question(
        lambda chamber, slots: consent_text(
            chamber.retention_days,
            chamber.name,
            chamber.max_case_age_days,
            privacy_notice_url(),
            by_email=written_to(slots),
        ),
        [{"title": "Oui, j'accepte", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}],
        again="Êtes-vous d'accord pour que je garde votre prénom, votre numéro et ce que vous m'avez dit, pour le conseiller ?",
    ),
    "health_consent": Question(
        lambda _chamber, slots: (
            (
                # A relative's illness only when the artisan's own health was not read: health said in words the
                # triage reads as no difficulty ("pour mon dos ?", round 26) is the artisan's.
                "Vous avez parlé de la santé d'un proche. "
                if "sante" not in (slots.get("difficulty_categories") or [])
                and ("vie_personnelle" in (slots.get("difficulty_categories") or []) or health_of_relative_said(slots))
                else "Vous avez parlé de votre santé. "
            )
            + "Acceptez-vous que cette information figure dans votre dossier, pour que le conseiller en tienne compte ?"
        ),
        [
            {"title": "Oui, je l'accepte", "payload": "/affirm"},
            {"title": "Non, laissez-la de côté", "payload": "/deny"},
        ],
    ),
    "contact_name": Question("Comment le conseiller peut-il vous appeler ? Un prénom suffit."),
    "phone": Question("À quel numéro de téléphone peut-il vous joindre ?"),
    "email": Question(
        "Voulez-vous aussi laisser une adresse e-mail ? C'est facultatif.",
        [{"title": "Non merci", "payload": "/skip_question"}],
        again="Quelle est votre adresse e-mail ?",
    ),
    "callback_slot": Question(
        lambda chamber, slots: (
            "À quel moment préférez-vous qu'un conseiller vous appelle ? Les conseillers appellent "
            # The hours an advisor calls, never the night there (round 19, r19c-06: "de 3 h à 12 h chez vous").
            f"{chamber.hours_text_for(slots.get('departement'), clock.now(), calls=True)}."
        ),
        _moment_buttons,
    ),
}

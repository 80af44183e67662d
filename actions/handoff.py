"""Handoff logic without Rasa: contact validation, the consent wording, and the case draft."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping, Sequence

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from cases.repository import SENSITIVE_REASON_KEYS, CaseDraft

MAX_NAME_LENGTH = 60


def normalise_phone(text: str | None) -> str | None:
    """A French phone number in E.164 (+33612345678), or None when it is not one."""
    if not text:
        return None
    try:
        number = phonenumbers.parse(text.strip(), "FR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.region_code_for_number(number) not in {
        "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF",
    }:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """"+33612345678" -> "06 12 34 56 78", the way the artisan wrote it."""
    number = phonenumbers.parse(e164, "FR")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalise_email(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def clean_name(text: str | None) -> str | None:
    """A first name as typed, trimmed; None when there is nothing usable."""
    if not text:
        return None
    name = " ".join(text.split())[:MAX_NAME_LENGTH]
    return name or None


def privacy_notice_url() -> str:
    """The web app's privacy notice (inbox/privacy.py), where the artisan's browser reaches it."""
    import os

    return os.environ.get("RELAIS_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/") + "/confidentialite"


def consent_text(retention_days: int, chamber_name: str, max_case_age_days: int | None = None,
                 privacy_url: str | None = None) -> str:
    """What the software does (cases.retention): erased ``retention_days`` after the case is closed, and
    ``max_case_age_days`` after the request at the latest, even if nobody closed it."""
    latest = f", et au plus tard {max_case_age_days} jours après votre demande" if max_case_age_days else ""
    details = f" ([tout savoir sur vos données]({privacy_url}))" if privacy_url else ""
    return (
        f"Pour qu'un conseiller vous rappelle, je dois garder votre prénom, votre numéro et ce que vous "
        f"m'avez dit ; seuls les conseillers de la {chamber_name} le liront. Vos données sont effacées {retention_days} "
        f"jours après la fin de votre suivi{latest}{details}. Êtes-vous d'accord ?"
    )


CATEGORY_LABELS = {
    "cotisations_sociales": "cotisations sociales (URSSAF)",
    "impots": "impôts",
    "banque": "banque",
    "tresorerie": "trésorerie",
    "baisse_activite": "baisse d'activité",
    "travaux": "travaux à proximité",
    "sinistre": "sinistre",
    "sante": "santé",
    "vie_personnelle": "événement personnel",
    "procedure_judiciaire": "procédure judiciaire",
    "autre": "autre difficulté",
}

SITUATION_LABELS = {
    "trade": "Métier",
    "legal_form": "Forme juridique",
    "employees": "Salariés",
    "departement": "Lieu",
    "since_when": "Depuis",
    "deadline": "Échéance",
    "creditors": "Créanciers",
    "steps_taken": "Démarches faites",
}


def summarise(
    categories: Sequence[str],
    urgency: str | None,
    distress: bool,
    situation: Mapping[str, str],
    health_consent: bool,
) -> str:
    """A French summary an advisor reads in twenty seconds."""
    shown = [c for c in categories if health_consent or c != "sante"]
    parts = []
    if distress:
        parts.append("DÉTRESSE exprimée : rappeler immédiatement.")
    if shown:
        labels = ", ".join(CATEGORY_LABELS.get(c, c) for c in shown)
        parts.append(f"Difficultés : {labels}.")
    else:
        parts.append("Difficulté non précisée.")
    if urgency:
        parts.append(f"Urgence : {urgency}.")
    facts = [
        f"{label} : {situation[key]}"
        for key, label in SITUATION_LABELS.items()
        if situation.get(key)
    ]
    if facts:
        parts.append(" ; ".join(facts) + ".")
    return " ".join(parts)


def build_case_draft(
    *,
    conversation_id: str,
    reference: str,
    chamber_id: str,
    slots: Mapping[str, Any],
    situation: Mapping[str, str],
    transcript: list[dict],
    consent_version: str,
) -> CaseDraft:
    categories = list(slots.get("difficulty_categories") or [])
    health_consent = bool(slots.get("health_consent"))
    consent_at = slots.get("consent_at")
    phone = slots.get("phone")
    email = slots.get("email")
    return CaseDraft(
        conversation_id=conversation_id,
        reference=reference,
        chamber_id=chamber_id,
        categories=categories,
        urgency=slots.get("urgency"),
        distress=bool(slots.get("distress")),
        # Quotes of health and distress only with the health consent; otherwise the codes say it.
        reasons={k: v for k, v in dict(slots.get("triage_reasons") or {}).items()
                 if health_consent or k not in SENSITIVE_REASON_KEYS},
        summary=summarise(
            categories, slots.get("urgency"), bool(slots.get("distress")), situation, health_consent
        ),
        situation=dict(situation),
        guidance=list(slots.get("guidance_given") or []),
        contact_name=slots.get("contact_name"),
        phone=phone if phone and phone.startswith("+") else None,
        email=email if email and "@" in email else None,
        callback_slot=slots.get("callback_slot"),
        departement=situation.get("departement"),
        consent_version=consent_version,
        consent_at=datetime.fromisoformat(consent_at) if consent_at else None,
        health_consent=health_consent,
        transcript=transcript,
    )

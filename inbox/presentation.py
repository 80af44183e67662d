"""French words and formats for what advisors read: labels of codes, dates, durations, phone numbers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cases.limits import VOLUME_REASON, held_for_review
from cases.phones import readable_phone
from chamber import french_date, french_time
from triage import CATEGORY_TITLES, SITUATION_LABELS, URGENCY_TITLES

PARIS = ZoneInfo("Europe/Paris")

STATUS_LABELS = {"nouveau": "Nouveau", "en_cours": "En cours", "en_attente": "En attente", "clos": "Clos"}
# What the button that moves a case to this status says.
STATUS_ACTIONS = {"en_cours": "Passer en cours", "en_attente": "Mettre en attente", "clos": "Clore le dossier"}
REOPEN_ACTION = "Rouvrir le dossier"
# From the pairs: a dict[str, str] unpacked with ** cannot give a dict whose keys may be None (mypy).
URGENCY_LABELS: dict[str | None, str] = dict([*URGENCY_TITLES.items(), (None, "Non évaluée")])
CATEGORY_LABELS = {**CATEGORY_TITLES, "aucune": "Non classé"}
# Reasons that are not categories (the triage's `reasons` keys): why the case took the crisis path.
REASON_LABELS = {
    "distress": "Risque pour la vie",
    "distress_signs": "Signes de détresse repérés",
    "urgency": "Urgence",
    VOLUME_REASON: "À vérifier",
}
CALL_OUTCOME_LABELS = {
    "joint": "Personne jointe",
    "message_laisse": "Message laissé",
    "pas_de_reponse": "Pas de réponse",
    "numero_errone": "Numéro erroné",
}
ROLE_LABELS = {"advisor": "Conseiller", "supervisor": "Superviseur"}
AUDIT_LABELS = {
    "case.created": "Dossier créé par la conversation",
    "case.updated_by_artisan": "Dossier complété par l'artisan",
    "case.reopened_by_artisan": "Dossier rouvert par l'artisan",
    "case.withdrawn_by_artisan": "Demande retirée par l'artisan : données personnelles effacées",
    "case.viewed": "Dossier consulté",
    "case.taken": "Dossier pris en charge",
    "case.assigned": "Dossier attribué",
    "case.status_changed": "Statut modifié",
    "case.reopened": "Dossier rouvert",
    "case.note_added": "Note ajoutée",
    "case.call_attempt": "Appel noté",
    "case.personal_data_exported": "Données personnelles exportées",
    "case.personal_data_erased": "Données personnelles effacées",
    "case.purged": "Dossier supprimé (fin de conservation)",
    "case.escalated": "Délai dépassé sans conseiller : signalé aux superviseurs",
    "case.escalation_mailed": "Superviseurs prévenus par e-mail",
    "case.mailed_to_advisors": "Nouveau dossier annoncé par e-mail aux conseillers",
    "statistics.exported": "Statistiques exportées",
    "user.created": "Compte créé",
    "user.logged_in": "Connexion",
    "user.login_failed": "Échec de connexion",
    "user.logged_out": "Déconnexion",
    "user.api_token_set": "Jeton d'API créé",
    "user.unlocked": "Compte débloqué",
    "user.live_identity_set": "Prénom et fonction de l'échange en direct modifiés",
    "retention.cases_anonymised": "Dossiers anonymisés (fin de conservation)",
    "retention.trackers_deleted": "Conversations supprimées (fin de conservation)",
    "live.requested": "Échange en direct demandé par l'artisan",
    "live.claimed": "Échange en direct rejoint",
    "live.advisor_message": "Message envoyé en direct",
    "live.handed_back": "Conversation rendue à l'assistant",
    "live.closed": "Échange en direct clos",
    "live.distress_reminder": "Rappel du 3114 pendant l'attente",
    "live.wait_reminder": "Attente trop longue : rappel proposé à l'artisan",
    "live.artisan_left": "L'artisan a quitté l'échange et effacé la conversation",
    "live.distress_expressed": "Détresse exprimée pendant l'échange en direct",
}
# The live chat's states, as the inbox says them (cases.live).
LIVE_STATE_LABELS = {
    "waiting": "L'artisan attend un conseiller, ici, par écrit",
    "active": "Échange en direct en cours",
    "returned": "Conversation rendue à l'assistant",
    "ended": "Échange en direct terminé",
}


def local_datetime(moment: datetime | None) -> str:
    """ "mardi 4 mars à 10 h 30" (Paris time), with the year when it is not this year."""
    if moment is None:
        return "—"
    local = moment.astimezone(PARIS)
    day = french_date(local.date())
    if local.year != datetime.now(PARIS).year:
        day += f" {local.year}"
    return f"{day} à {french_time(local.time())}"


def short_datetime(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    local = moment.astimezone(PARIS)
    return f"{local:%d/%m/%Y} {french_time(local.time())}"


def duration(span: timedelta) -> str:
    """ "4 min", "2 h 05", "3 j 4 h"."""
    minutes = int(span.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d}"
    days, hours = divmod(hours, 24)
    return f"{days} j {hours} h"


def national_phone(e164: str | None) -> str:
    """ "+33612345678" -> "06 12 34 56 78" (a foreign number with its country code: cases.phones)."""
    return readable_phone(e164) if e164 else "—"


def safe_link(url: str | None) -> str | None:
    """Only http(s) links become clickable: a 'javascript:' URL in a case stays text."""
    if url and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None


def register_filters(environment) -> None:  # noqa: ANN001
    environment.filters.update(
        local_datetime=local_datetime,
        short_datetime=short_datetime,
        duration=duration,
        national_phone=national_phone,
        safe_link=safe_link,
        status_label=lambda code: STATUS_LABELS.get(code, code),
        urgency_label=lambda code: URGENCY_LABELS.get(code, code),
        category_label=lambda code: CATEGORY_LABELS.get(code, REASON_LABELS.get(code, code)),
        outcome_label=lambda code: CALL_OUTCOME_LABELS.get(code, code),
        situation_label=lambda key: SITUATION_LABELS.get(key, key.replace("_", " ").capitalize()),
        audit_label=lambda code: AUDIT_LABELS.get(code, code),
        role_label=lambda code: ROLE_LABELS.get(code, code),
        held_for_review=held_for_review,
    )


def default_closing_line(chamber: Any) -> str:
    """What the closing line field of the live panel proposes (the advisor may change it)."""
    return (
        "Merci pour cet échange. Je garde votre dossier et je reviens vers vous ; "
        f"vous pouvez aussi appeler la chambre au {chamber.phone}, {chamber.hours_text}."
    )

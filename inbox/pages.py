"""The inbox's French pages: login, queue, case, audit log, statistics. Every form carries a CSRF token."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from cases.models import CALL_OUTCOMES, CATEGORIES, OPEN_STATUSES, STATUSES, URGENCIES, User, utcnow
from cases.reference import REFERENCE_PATTERN
from cases.repository import CaseNotFound, InvalidInput, InvalidTransition, QueueFilters
from inbox.auth import (
    LoginRefused,
    attempt_login,
    context_of,
    csrf_ok,
    csrf_token,
    current_user,
    open_session,
    unlock_account,
)
from inbox.charts import first_contact_bars, urgency_mix_bars, weekly_categories_chart
from inbox.presentation import (
    CALL_OUTCOME_LABELS,
    CATEGORY_LABELS,
    REOPEN_ACTION,
    STATUS_ACTIONS,
    STATUS_LABELS,
    URGENCY_LABELS,
    register_filters,
)
from inbox.views import view_of
from places import departement_code

templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
register_filters(templates.env)
router = APIRouter()

ALERT_URGENCIES = ("critique", "haute")


class LoginRequired(Exception):
    pass


class CsrfRefused(Exception):
    pass


class SupervisorsOnly(Exception):
    pass


def page_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired()
    return user


def supervisor(request: Request) -> User:
    user = page_user(request)
    if not user.is_supervisor:
        raise SupervisorsOnly()
    return user


async def checked_form(request: Request) -> dict[str, str]:
    form = await request.form()
    token = form.get("csrf_token")
    if not csrf_ok(request, token if isinstance(token, str) else None):
        raise CsrfRefused()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    user = values.pop("user", None) or current_user(request)
    context = context_of(request)
    values.update(
        request=request,
        user=user,
        chamber=context.chamber(user.chamber_id) if user else context.default_chamber,
        csrf_token=csrf_token(request),
        flash=request.session.pop("flash", None),
        status_labels=STATUS_LABELS,
        urgency_labels=URGENCY_LABELS,
        category_labels=CATEGORY_LABELS,
    )
    return templates.TemplateResponse(request, template, values, status_code=status_code)


def flash(request: Request, message: str, kind: str = "info") -> None:
    request.session["flash"] = {"message": message, "kind": kind}


def safe_next(target: str | None) -> str:
    # Only a path of this site: "//evil.example" or "https://..." would be an open redirect.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/inbox"


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# ------------------------------------------------------------------------------------------ login


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, suivant: str = "/inbox") -> Response:
    if current_user(request):
        return see_other(safe_next(suivant))
    return render(request, "login.html", next_url=safe_next(suivant), email="")


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    form = await checked_form(request)
    next_url = safe_next(form.get("suivant"))
    try:
        user = attempt_login(context_of(request), form.get("email", ""), form.get("password", ""), client_address(request))
    except LoginRefused as refused:
        response = render(request, "login.html", status_code=refused.status_code, next_url=next_url,
                          email=form.get("email", ""), error=refused.message)
        if refused.retry_after_s:
            response.headers["Retry-After"] = str(refused.retry_after_s)
        return response
    open_session(request, user)
    return see_other(next_url)


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    await checked_form(request)
    user = current_user(request)
    if user:
        context_of(request).repository.end_sessions(user.id)
    request.session.clear()
    flash(request, "Vous êtes déconnecté.")
    return see_other("/login")


# ------------------------------------------------------------------------------------------ queue


def filters_from(request: Request, user: User) -> tuple[QueueFilters, dict]:
    params = request.query_params
    statuses = tuple(s for s in params.getlist("statut") if s in STATUSES) or OPEN_STATUSES
    category = params.get("categorie") if params.get("categorie") in CATEGORIES else None
    urgency = params.get("urgence") if params.get("urgence") in URGENCIES else None
    assignee = params.get("assigne") or None
    if assignee and not (assignee in ("me", "none") or (assignee.isdigit() and len(assignee) < 10)):
        assignee = None
    departement = departement_code(params.get("departement"))
    query = (params.get("q") or "").replace("\x00", "").strip()[:200] or None
    chosen = {"statut": list(statuses), "categorie": category, "urgence": urgency, "assigne": assignee,
              "departement": departement, "q": query}
    return QueueFilters(statuses, category, urgency, assignee, departement, query), chosen


def queue_rows(request: Request, user: User, filters: QueueFilters) -> list:
    context = context_of(request)
    now = utcnow()
    return [view_of(context, case, now) for case in context.repository.queue(user, filters)]


@router.get("/inbox", response_class=HTMLResponse, include_in_schema=False)
def queue_page(request: Request, user: User = Depends(page_user)) -> HTMLResponse:
    filters, chosen = filters_from(request, user)
    rows = queue_rows(request, user, filters)
    urgent = [r for r in rows if r.case.urgency in ALERT_URGENCIES and r.case.status == "nouveau"]
    return render(
        request,
        "queue.html",
        user=user,
        rows=rows,
        urgent=urgent,
        chosen=chosen,
        advisors=context_of(request).repository.list_users(user.chamber_id),
        statuses=STATUSES,
        categories=CATEGORIES,
        urgencies=URGENCIES,
        now_iso=utcnow().isoformat(),
        query_string=request.url.query,
    )


@router.get("/inbox/live", include_in_schema=False)
def queue_live(request: Request, since: str = "", user: User = Depends(page_user)) -> JSONResponse:
    """Polled by the queue page: new or changed cases since the last poll, and the fresh rows."""
    now = utcnow()
    try:
        since_at = datetime.fromisoformat(since)
        if since_at.tzinfo is None:
            raise ValueError
    except ValueError:
        since_at = now - timedelta(seconds=30)
    repository = context_of(request).repository
    changed = repository.changed_since(user, since_at)
    body: dict = {"now": now.isoformat(), "changed": bool(changed), "alerts": []}
    if changed:
        body["alerts"] = [
            {"reference": c.reference, "urgency": c.urgency, "label": URGENCY_LABELS[c.urgency]}
            for c in changed
            if c.created_at > since_at and c.urgency in ALERT_URGENCIES and c.status == "nouveau"
        ]
        filters, _ = filters_from(request, user)
        rows = queue_rows(request, user, filters)
        body["rows_html"] = templates.get_template("_queue_rows.html").render(rows=rows, request=request)
        body["count"] = len(rows)
    return JSONResponse(body)


# ------------------------------------------------------------------------------------------ case


def case_url(reference: str) -> str:
    return f"/inbox/dossiers/{reference}"


def checked_reference(reference: str) -> str:
    if not REFERENCE_PATTERN.match(reference):
        raise CaseNotFound(reference)
    return reference


@router.get("/inbox/dossiers/{reference}", response_class=HTMLResponse, include_in_schema=False)
def case_page(request: Request, reference: str, user: User = Depends(page_user)) -> HTMLResponse:
    context = context_of(request)
    case = context.repository.get_case(checked_reference(reference), user)
    return render(
        request,
        "case.html",
        user=user,
        view=view_of(context, case),
        advisors=context.repository.list_users(user.chamber_id),
        status_actions={**STATUS_ACTIONS, "reopen": REOPEN_ACTION},
        call_outcomes=[(code, CALL_OUTCOME_LABELS[code]) for code in CALL_OUTCOMES],
    )


@router.post("/inbox/dossiers/{reference}/prendre", include_in_schema=False)
async def take_case(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    await checked_form(request)
    context_of(request).repository.take(checked_reference(reference), user)
    flash(request, "Vous avez pris ce dossier en charge.")
    return see_other(case_url(reference))


@router.post("/inbox/dossiers/{reference}/attribuer", include_in_schema=False)
async def assign_case(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    raw = form.get("assignee_id", "")
    assignee_id = int(raw) if raw.isdigit() and len(raw) < 10 else None
    if raw and assignee_id is None:
        raise InvalidInput("assignee")
    case = context_of(request).repository.assign(checked_reference(reference), user, assignee_id)
    flash(request, f"Dossier attribué à {case.assignee.name}." if case.assignee else "Le dossier n'est plus attribué.")
    return see_other(case_url(reference))


@router.post("/inbox/dossiers/{reference}/statut", include_in_schema=False)
async def change_status(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    case = context_of(request).repository.set_status(checked_reference(reference), user, form.get("status", ""))
    flash(request, f"Statut : {STATUS_LABELS[case.status]}.")
    return see_other(case_url(reference))


@router.post("/inbox/dossiers/{reference}/notes", include_in_schema=False)
async def add_note(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    context_of(request).repository.add_note(checked_reference(reference), user, form.get("body", "").replace("\x00", ""))
    flash(request, "Note ajoutée.")
    return see_other(case_url(reference) + "#notes")


@router.post("/inbox/dossiers/{reference}/appels", include_in_schema=False)
async def add_call(request: Request, reference: str, user: User = Depends(page_user)) -> Response:
    form = await checked_form(request)
    attempt = context_of(request).repository.add_call_attempt(
        checked_reference(reference), user, form.get("outcome", ""), form.get("comment", "").replace("\x00", "")
    )
    flash(request, f"Appel noté : {CALL_OUTCOME_LABELS[attempt.outcome].lower()}.")
    return see_other(case_url(reference) + "#appels")


@router.get("/inbox/dossiers/{reference}/donnees", include_in_schema=False)
def export_personal_data(request: Request, reference: str, user: User = Depends(supervisor)) -> Response:
    data = context_of(request).repository.export_personal_data(checked_reference(reference), user)
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{reference}-donnees.json"'},
    )


@router.post("/inbox/dossiers/{reference}/effacer", include_in_schema=False)
async def erase_personal_data(request: Request, reference: str, user: User = Depends(supervisor)) -> Response:
    form = await checked_form(request)
    if form.get("confirmation", "").strip().upper() != reference:
        flash(request, "Pour effacer, recopiez la référence du dossier.", "error")
        return see_other(case_url(reference))
    context_of(request).erase(checked_reference(reference), user)
    flash(request, "Les données personnelles de ce dossier et sa conversation ont été effacées.")
    return see_other(case_url(reference))


# ------------------------------------------------------------------------------------------ supervisors


@router.get("/inbox/journal", response_class=HTMLResponse, include_in_schema=False)
def audit_page(request: Request, dossier: str = "", page: int = 1, user: User = Depends(supervisor)) -> HTMLResponse:
    reference = dossier.strip().upper()
    reference = reference if REFERENCE_PATTERN.match(reference) else ""
    page = max(1, min(page, 10_000))
    per_page = 100
    events = context_of(request).repository.audit_log(user, reference or None, limit=per_page + 1, offset=(page - 1) * per_page)
    accounts = context_of(request).repository.list_users(user.chamber_id)
    return render(request, "audit.html", user=user, events=events[:per_page], reference=reference, page=page,
                  has_more=len(events) > per_page, accounts=accounts)


@router.post("/inbox/comptes/{user_id}/debloquer", include_in_schema=False)
async def unlock_page(request: Request, user_id: int, user: User = Depends(supervisor)) -> Response:
    """A supervisor clears an account's failed logins (someone guessing kept an advisor out)."""
    await checked_form(request)
    try:
        unlocked = unlock_account(context_of(request), user, user_id)
    except LookupError:
        flash(request, "Compte introuvable.", "error")
    else:
        flash(request, f"Le compte de {unlocked.name} est débloqué : il peut se connecter de nouveau.")
    return see_other("/inbox/journal#comptes")


@router.get("/inbox/statistiques", response_class=HTMLResponse, include_in_schema=False)
def statistics_page(request: Request, semaines: int = 12, user: User = Depends(supervisor)) -> HTMLResponse:
    weeks = max(1, min(semaines, 104))
    stats = context_of(request).repository.statistics(user, weeks=weeks)
    return render(
        request,
        "stats.html",
        user=user,
        stats=stats,
        weeks=weeks,
        weekly=weekly_categories_chart(stats),
        urgency_bars=urgency_mix_bars(stats),
        contact_bars=first_contact_bars(stats),
    )


def csv_export(rows: list[dict]) -> str:
    buffer = io.StringIO()
    columns = list(rows[0].keys()) if rows else ["reference"]
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=";")
    writer.writeheader()
    for row in rows:
        # A cell starting with = + - @ would be run as a formula by a spreadsheet.
        # An empty cell stays empty ("" is in every string: it used to get a lone ').
        writer.writerow({k: ("'" + v if isinstance(v, str) and v and v[0] in "=+-@\t\r" else v) for k, v in row.items()})
    return "\ufeff" + buffer.getvalue()  # the BOM makes Excel read the accents right


@router.get("/inbox/statistiques.csv", include_in_schema=False)
def statistics_csv(request: Request, user: User = Depends(supervisor)) -> Response:
    rows = context_of(request).repository.export_rows(user)
    filename = f"relais-dossiers-{utcnow():%Y-%m-%d}.csv"
    return Response(csv_export(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


# ------------------------------------------------------------------------------------------ errors


def install_page_error_handlers(app) -> None:  # noqa: ANN001
    """Errors on the pages answer in French HTML (the API has its own JSON handlers)."""

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.url.path == "/inbox/live":
            return JSONResponse({"detail": "Authentification requise."}, status_code=401)
        return see_other("/login?" + urlencode({"suivant": target}))

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, _exc: CsrfRefused) -> Response:
        return render(request, "error.html", status_code=403, title="Formulaire refusé",
                      message="Ce formulaire a expiré ou ne vient pas de Relais. Rechargez la page et réessayez.")

    @app.exception_handler(SupervisorsOnly)
    async def _supervisors(request: Request, _exc: SupervisorsOnly) -> Response:
        return render(request, "error.html", status_code=403, title="Accès réservé",
                      message="Cette page est réservée aux superviseurs.")

    @app.exception_handler(CaseNotFound)
    async def _not_found(request: Request, _exc: CaseNotFound) -> Response:
        return render(request, "error.html", status_code=404, title="Dossier introuvable",
                      message="Ce dossier n'existe pas ou ne relève pas de votre chambre.")

    @app.exception_handler(InvalidTransition)
    async def _transition(request: Request, _exc: InvalidTransition) -> Response:
        return render(request, "error.html", status_code=409, title="Changement impossible",
                      message="Ce changement de statut n'est pas possible depuis le statut actuel. Rechargez la page.")

    @app.exception_handler(InvalidInput)
    async def _invalid(request: Request, _exc: InvalidInput) -> Response:
        return render(request, "error.html", status_code=422, title="Saisie incorrecte",
                      message="Une valeur envoyée n'est pas valable. Vérifiez le formulaire et réessayez.")

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        titles = {404: "Page introuvable", 405: "Méthode non autorisée"}
        return render(request, "error.html", status_code=exc.status_code, title=titles.get(exc.status_code, "Erreur"),
                      message="Cette adresse ne mène à aucune page de Relais." if exc.status_code == 404 else "La demande n'a pas pu aboutir.")

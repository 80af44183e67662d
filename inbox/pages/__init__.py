"""The inbox's French pages, one router per area: login, queue, case, audit log and accounts, statistics,
the privacy notice, and the advisor's own profile. Every form carries a CSRF token (inbox.deps.checked_form)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from cases.errors import CaseNotFound, InvalidInput, InvalidTransition
from inbox.deps import CsrfRefused, LoginRequired, SupervisorsOnly
from inbox.pages import cases, journal, live, login, privacy, profile, queue, stats
from inbox.pages.rendering import render, see_other

router = APIRouter()
for area in (login, queue, cases, live, journal, stats, privacy, profile):
    router.include_router(area.router)


def install_page_error_handlers(app: FastAPI) -> None:
    """Errors on the pages answer in French HTML (the API has its own JSON handlers)."""

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.url.path == "/inbox/live":
            return JSONResponse({"detail": "Authentification requise."}, status_code=401)
        return see_other("/login?" + urlencode({"suivant": target}))

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, _exc: CsrfRefused) -> Response:
        return render(
            request,
            "error.html",
            status_code=403,
            title="Formulaire refusé",
            message="Ce formulaire a expiré ou ne vient pas de Relais. Rechargez la page et réessayez.",
        )

    @app.exception_handler(SupervisorsOnly)
    async def _supervisors(request: Request, _exc: SupervisorsOnly) -> Response:
        return render(
            request,
            "error.html",
            status_code=403,
            title="Accès réservé",
            message="Cette page est réservée aux superviseurs.",
        )

    @app.exception_handler(CaseNotFound)
    async def _not_found(request: Request, _exc: CaseNotFound) -> Response:
        return render(
            request,
            "error.html",
            status_code=404,
            title="Dossier introuvable",
            message="Ce dossier n'existe pas ou ne relève pas de votre chambre.",
        )

    @app.exception_handler(InvalidTransition)
    async def _transition(request: Request, _exc: InvalidTransition) -> Response:
        return render(
            request,
            "error.html",
            status_code=409,
            title="Changement impossible",
            message="Ce changement de statut n'est pas possible depuis le statut actuel. Rechargez la page.",
        )

    @app.exception_handler(InvalidInput)
    async def _invalid(request: Request, _exc: InvalidInput) -> Response:
        return render(
            request,
            "error.html",
            status_code=422,
            title="Saisie incorrecte",
            message="Une valeur envoyée n'est pas valable. Vérifiez le formulaire et réessayez.",
        )

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        titles = {404: "Page introuvable", 405: "Méthode non autorisée"}
        return render(
            request,
            "error.html",
            status_code=exc.status_code,
            title=titles.get(exc.status_code, "Erreur"),
            message="Cette adresse ne mène à aucune page de Relais."
            if exc.status_code == 404
            else "La demande n'a pas pu aboutir.",
        )

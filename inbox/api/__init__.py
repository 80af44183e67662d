"""The JSON API under /api/v1, with the same rights as the pages (OpenAPI: /api/v1/openapi.json).

Authentication: the session cookie from ``POST /api/v1/auth/login`` (then unsafe methods need the
``X-CSRF-Token`` header with the token that login returned), or ``Authorization: Bearer <token>`` with a
token from ``python -m inbox create-token`` (no CSRF token needed).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from cases.errors import CaseNotFound, InvalidInput, InvalidTransition
from cases.live import LiveClosed, LiveConflict, LiveForbidden
from inbox.api import audit, auth, cases, live, stats, users
from inbox.deps import ForbiddenError, Unauthenticated


def create_api() -> FastAPI:
    api = FastAPI(
        title="Relais · API des dossiers",
        version="1.0.0",
        description=__doc__,
        openapi_url="/openapi.json",
        docs_url=None,  # the interactive docs would load scripts from a CDN
        redoc_url=None,
    )

    @api.exception_handler(Unauthenticated)
    async def _unauthenticated(_request: Request, _exc: Unauthenticated) -> JSONResponse:
        return JSONResponse(
            {"detail": "Authentification requise."}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
        )

    @api.exception_handler(ForbiddenError)
    async def _forbidden(_request: Request, exc: ForbiddenError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=403)

    @api.exception_handler(CaseNotFound)
    async def _not_found(_request: Request, _exc: CaseNotFound) -> JSONResponse:
        return JSONResponse({"detail": "Dossier introuvable."}, status_code=404)

    @api.exception_handler(InvalidTransition)
    async def _conflict(_request: Request, exc: InvalidTransition) -> JSONResponse:
        return JSONResponse({"detail": f"Changement de statut impossible : {exc}."}, status_code=409)

    @api.exception_handler(InvalidInput)
    async def _invalid(_request: Request, exc: InvalidInput) -> JSONResponse:
        # The same shape as FastAPI's own validation errors: one kind of 422 for clients.
        return JSONResponse({"detail": [{"loc": ["body"], "msg": str(exc), "type": "value_error"}]}, status_code=422)

    @api.exception_handler(LiveConflict)
    async def _live_conflict(_request: Request, exc: LiveConflict) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=409)

    @api.exception_handler(LiveClosed)
    async def _live_closed(_request: Request, _exc: LiveClosed) -> JSONResponse:
        return JSONResponse({"detail": "Cette conversation n'attend plus de conseiller."}, status_code=409)

    @api.exception_handler(LiveForbidden)
    async def _live_forbidden(_request: Request, _exc: LiveForbidden) -> JSONResponse:
        return JSONResponse({"detail": "Vous ne tenez pas cette conversation."}, status_code=403)

    @api.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    # One router per area, in the order of the OpenAPI document.
    for area in (auth, users, cases, live, audit, stats):
        api.include_router(area.router)
    return api

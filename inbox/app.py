"""The advisors' web app: pages under /inbox, the JSON API under /api/v1, the widget's static files.

Run: ``uvicorn inbox.app:create_app --factory`` (settings from the environment, see ops.settings).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from cases.accounts import AccountRepository
from cases.audit import AuditLog
from cases.db import make_engine, make_session_factory, migrate
from cases.live import LiveRepository
from cases.repository import CaseRepository
from cases.statistics import StatisticsRepository
from chamber import Chamber, load_all_chambers, load_chamber
from inbox.auth import SESSION_MAX_AGE_S
from inbox.context import InboxContext
from ops import logs
from ops.live import LiveHub, RasaControl, make_bus
from ops.settings import REPO_ROOT, Settings

PACKAGE_DIR = Path(__file__).resolve().parent
SESSION_COOKIE = "relais_session"
# The inbox loads nothing from elsewhere: scripts, styles and images come from this app only.
INBOX_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "media-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
_PROTECTED_PREFIXES = ("/inbox", "/login", "/logout", "/api/", "/confidentialite")
HSTS = "max-age=31536000; includeSubDomains"


class _ContextAndHeaders:
    """Puts the shared context in every request's scope and the security headers on inbox answers."""

    def __init__(self, app: ASGIApp, context: InboxContext) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        scope["relais_context"] = self.context
        protected = scope.get("path", "").startswith(_PROTECTED_PREFIXES)

        async def send_with_headers(message) -> None:  # noqa: ANN001
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
                if scope.get("scheme") in ("https", "wss"):
                    # Where TLS ends (nginx or the ingress, X-Forwarded-Proto: https): browsers keep to HTTPS.
                    headers.append((b"strict-transport-security", HSTS.encode()))
                if protected:
                    headers += [
                        (b"content-security-policy", INBOX_CSP.encode()),
                        (b"x-frame-options", b"DENY"),
                        (b"cache-control", b"no-store"),
                    ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def build_context(settings: Settings) -> InboxContext:
    if settings.migrate_on_start:
        migrate(settings.database_url)
    engine = make_engine(settings.database_url)
    session_factory = make_session_factory(engine)
    default_chamber = load_chamber(settings.chamber_config)
    chambers = {c.id: c for c in load_all_chambers()}
    chambers.setdefault(default_chamber.id, default_chamber)
    live = LiveRepository(session_factory)

    def chamber_of(chamber_id: str) -> Chamber:
        return chambers.get(chamber_id, default_chamber)

    hub = LiveHub(
        live,
        make_bus(settings.live_bus_url),
        RasaControl(settings.rasa_urls, settings.rasa_token) if settings.rasa_urls else None,
        role_word=lambda chamber_id: chamber_of(chamber_id).live_advisor_role,
        distress_wait=lambda chamber_id: timedelta(minutes=chamber_of(chamber_id).live_distress_wait_minutes),
        wait=lambda chamber_id: timedelta(minutes=chamber_of(chamber_id).live_wait_minutes),
        callback_promise=lambda chamber_id, now, slot, urgency: chamber_of(chamber_id).callback_promise(
            now, slot, urgency
        ),
    )
    return InboxContext(
        settings=settings,
        engine=engine,
        session_factory=session_factory,
        repository=CaseRepository(session_factory),
        accounts=AccountRepository(session_factory),
        statistics=StatisticsRepository(session_factory),
        audit=AuditLog(session_factory),
        default_chamber=default_chamber,
        chambers=chambers,
        live=live,
        hub=hub,
    )


def _serve_widget(app: FastAPI) -> None:
    """/widget/ and /demo/: the widget package's own routes when it has them, else its folders as they are."""
    widget_router: APIRouter | None
    try:
        from widget.server import router as widget_router
    except ImportError:
        widget_router = None
    if widget_router is not None:
        app.include_router(widget_router)
        return
    for url, folder in (("/widget", REPO_ROOT / "widget" / "dist"), ("/demo", REPO_ROOT / "widget" / "demo")):
        if folder.is_dir():
            app.mount(url, StaticFiles(directory=folder, html=True), name=url.strip("/"))


def create_app(settings: Settings | None = None) -> FastAPI:
    from inbox.api import create_api

    logs.install()  # no log line of the web app carries personal data
    from inbox.pages import install_page_error_handlers, router as pages_router

    settings = settings or Settings.for_web()
    context = build_context(settings)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await context.hub.start()
        try:
            yield
        finally:
            await context.hub.close()
            context.engine.dispose()

    app = FastAPI(title="Relais", openapi_url=None, docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.context = context
    app.state.live_hub = context.hub  # the widget's live routes (widget/live.py) reach the hub here
    app.state.live_origins = settings.allowed_origins()  # pages allowed to embed the widget (and talk live)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    def readyz() -> JSONResponse:
        try:
            with context.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return JSONResponse({"status": "database unreachable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    @app.get("/", include_in_schema=False)
    def root(request: Request) -> RedirectResponse:
        return RedirectResponse("/demo/", status_code=307)

    app.include_router(pages_router)
    install_page_error_handlers(app)
    app.mount("/api/v1", create_api(), name="api")
    app.mount("/inbox/static", StaticFiles(directory=PACKAGE_DIR / "static"), name="inbox-static")
    _serve_widget(app)

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE_S,
        same_site="lax",
        https_only=settings.production,
    )
    app.add_middleware(_ContextAndHeaders, context=context)

    return app

"""Serves the built widget under /widget/ and a demo chamber website under /demo/.

The web app includes it: ``app.include_router(widget.server.router)``.

| URL | what |
|---|---|
| /widget/relais-widget.js | the widget, one self-contained script (built by `make widget`) |
| /widget/test/axe.min.js | axe-core, for the browser tests' accessibility check |
| /demo/, /demo/contact/ | two pages of a chamber website, the widget embedded with one <script> tag |
| /widget/live/… | the live chat with an advisor, the artisan's side (widget/live.py) |

The demo pages point the widget at ``RELAIS_RASA_PUBLIC_URL`` (default http://127.0.0.1:5005) for the bot and at
``RELAIS_PUBLIC_URL`` (default: the address the page was asked on) for the web app, which carries the live chat
with an advisor; they take the chamber's name, phone and hours from the chamber configuration.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from chamber import load_chamber
from widget.live import router as live_router

WIDGET_DIR = Path(__file__).resolve().parent
DIST_DIR = WIDGET_DIR / "dist"
SITE_DIR = WIDGET_DIR / "demo_site"
DEFAULT_RASA_PUBLIC_URL = "http://127.0.0.1:5005"

# path under /demo/ -> (template, menu label)
DEMO_PAGES = {
    "": ("index.html", "Entreprises en difficulté"),
    "contact/": ("contact.html", "Nous contacter"),
}

router = APIRouter()
# The live chat's routes first: /widget/{path:path} below would take /widget/live/... for a file.
router.include_router(live_router)
_templates = Environment(loader=FileSystemLoader(SITE_DIR), autoescape=select_autoescape(default=True))


def rasa_public_url() -> str:
    return (os.environ.get("RELAIS_RASA_PUBLIC_URL") or DEFAULT_RASA_PUBLIC_URL).rstrip("/")


def web_public_url(request: Request) -> str:
    """Where browsers reach the web app: ``RELAIS_PUBLIC_URL``, or the address this request came to."""
    given = os.environ.get("RELAIS_PUBLIC_URL")
    if given:
        return given.rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}"


def _sources(url: str) -> list[str]:
    """An address's origin, and the same for its WebSockets."""
    parts = urlsplit(url)
    socket_scheme = "wss" if parts.scheme == "https" else "ws"
    return [f"{parts.scheme}://{parts.netloc}", f"{socket_scheme}://{parts.netloc}"]


def demo_csp(rasa_url: str, app_url: str | None = None) -> str:
    """The demo page allows nothing but itself, the Rasa server and the web app (the live chat's socket):
    a third-party request would fail."""
    sources = " ".join(dict.fromkeys(_sources(rasa_url) + (_sources(app_url) if app_url else [])))
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {sources}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


@router.api_route("/widget/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
def widget_file(path: str, request: Request) -> Response:
    file = (DIST_DIR / path).resolve()
    if (
        not file.is_relative_to(DIST_DIR.resolve())
        or any(part.startswith(".") for part in Path(path).parts)
        or not file.is_file()
    ):
        raise HTTPException(404, "Fichier introuvable. Le widget est-il construit (make widget) ?")
    headers = {
        # Revalidated on each page load (ETag), so a new build reaches artisans at once.
        "Cache-Control": "no-cache",
        # Chamber sites on other origins embed the script, even under Cross-Origin-Embedder-Policy.
        "Cross-Origin-Resource-Policy": "cross-origin",
    }
    response = FileResponse(file, stat_result=file.stat(), headers=headers)
    if request.headers.get("if-none-match") == response.headers["etag"]:
        return Response(status_code=304, headers={**headers, "ETag": response.headers["etag"]})
    return response


@router.get("/demo", include_in_schema=False)
def demo_root() -> RedirectResponse:
    return RedirectResponse("/demo/", status_code=308)


@router.get("/demo/site.css", include_in_schema=False)
def demo_stylesheet() -> FileResponse:
    return FileResponse(SITE_DIR / "site.css", media_type="text/css", headers={"Cache-Control": "no-cache"})


@router.get("/demo/{page:path}", include_in_schema=False, response_class=HTMLResponse)
def demo_page(page: str, request: Request) -> HTMLResponse:
    if page not in DEMO_PAGES:
        raise HTTPException(404, "Page introuvable.")
    template, _ = DEMO_PAGES[page]
    rasa_url = rasa_public_url()
    app_url = web_public_url(request)
    html = _templates.get_template(template).render(
        chamber=load_chamber(),
        rasa_url=rasa_url,
        app_url=app_url,
        menu=[(f"/demo/{path}", label, path == page) for path, (_, label) in DEMO_PAGES.items()],
    )
    headers = {"Content-Security-Policy": demo_csp(rasa_url, app_url), "Cache-Control": "no-store"}
    return HTMLResponse(html, headers=headers)

"""Relais inbox: the advisors' French web app and its JSON API.

Run it: ``uvicorn inbox.app:create_app --factory`` (settings from the environment: ``RELAIS_DATABASE_URL``,
``RELAIS_ENV``, ``RELAIS_SESSION_SECRET`` (required in production), ``RELAIS_CHAMBER_CONFIG``).

Accounts (``python -m inbox --help``)::

    python -m inbox create-user --email E --name N --chamber CHAMBER_ID --role advisor|supervisor [--password-stdin]
    python -m inbox create-token --email E        # prints a new API token once
    python -m inbox ensure-local-advisor          # development: prints email + password (var/local-advisor.txt)
    python -m inbox migrate
    python -m inbox purge [--older-than-days N]   # default: each chamber's retention_days

Pages: ``/login``, ``/inbox`` (queue), ``/inbox/dossiers/<reference>``, ``/inbox/journal`` and
``/inbox/statistiques`` (supervisors). The live chat (issue 16): the advisor's WebSocket ``/inbox/live/<reference>``,
``POST /api/v1/cases/<reference>/live/claim`` and ``POST /api/v1/presence`` (docs/architecture.md). Also ``/healthz``, ``/readyz``, ``/widget/``, ``/demo/`` (``/`` redirects there).

Logging in through the API (what end-to-end tests and the chamber's tools do)::

    POST /api/v1/auth/login   {"email": "...", "password": "..."}
      -> 200 {"user": {...}, "csrf_token": "..."} and the ``relais_session`` cookie
      -> 401 wrong credentials, 429 throttled (``Retry-After`` header)
    GET  /api/v1/cases                      the queue (filters: status, category, urgency, assignee,
                                            departement, q, limit, offset)
    GET  /api/v1/cases/RL-XXXXXX            one case, every field
    POST /api/v1/cases/RL-XXXXXX/take       with the cookie: header ``X-CSRF-Token: <csrf_token>``

    e.g. with httpx:
        client.post(f"{web}/api/v1/auth/login", json={"email": e, "password": p}).raise_for_status()
        cases = client.get(f"{web}/api/v1/cases").json()

Or without a session: ``Authorization: Bearer <token from create-token>`` on every request (no CSRF).
The OpenAPI document is ``/api/v1/openapi.json``. Another chamber's case answers 404, like a missing one.

Layout (as the backend of FastAPI's full-stack template): ``app.py`` builds the application (middleware,
mounts); ``context.py`` what every request shares (settings, repositories, chambers, login throttle);
``deps.py`` every request dependency (the user of a page or of the API, supervisors only, CSRF-checked
forms); ``auth.py`` and ``security.py`` logins, sessions, passwords and tokens; ``schemas.py`` the API's
bodies; ``api/`` one router per area (auth, users, cases, audit, stats) mounted at /api/v1; ``pages/``
one router per area (login, queue, cases, journal, stats, privacy) with ``pages/rendering.py`` for the
templates; ``views.py``, ``targets.py``, ``presentation.py`` and ``charts.py`` what pages and API compute
and say about a case; ``exports.py`` the CSV both export.
"""

"""Cases: the record of an artisan's request for help, shared by the action server and the inbox.

Public interface (other packages import only these names):

``cases.db``
    ``make_engine(url)`` -> a 2.0-style engine (SQLite: WAL, foreign keys; PostgreSQL: pre-ping).
    ``make_session_factory(engine)`` -> ``sessionmaker``.
    ``migrate(url)`` -> ``alembic upgrade head`` (migrations in ``cases/migrations``), safe to run
    from several processes at once.

``cases.reference``
    ``new_reference()`` -> a short human-friendly reference such as ``"RL-7K3Q9M"`` (Crockford base32).

``cases.drafts`` (the case draft)
    ``CaseDraft``: what the action server sends (JSON-serialisable, see its docstring); ``validate()`` raises
    ``InvalidDraft``; ``merge_draft(case, draft)`` folds it into the stored case (urgency never goes down,
    health data dropped without the health consent).

``cases.repository`` (the case)
    ``CaseRepository(session_factory)``: ``save_draft(draft) -> reference`` (idempotent per conversation),
    plus what the inbox does to a case: queue, get, take/assign, status, notes, call attempts, erasure/export.

``cases.accounts`` (advisors and supervisors)
    ``AccountRepository(session_factory)``: create, look up, passwords, API tokens, sessions, and the record
    of logins (counted and audited; the inbox's authentication decides who may log in).

``cases.statistics``
    ``StatisticsRepository(session_factory)``: ``weekly(actor, weeks)`` -> ``Statistics`` and ``export_rows``
    (codes and dates, no personal data).

``cases.audit``
    ``Repository``, the base of the three above: one method, one transaction, one audit entry.
    ``AuditLog(session_factory)``: ``entries(actor, ...)`` reads the chamber's trail, ``record(...)`` writes one.

``cases.errors``: ``CaseNotFound`` (also for another chamber's case), ``InvalidTransition``, ``InvalidInput``.
``cases.search`` and ``cases.text``: how cases are found (accents ignored, phone numbers however typed) and
the text rules of the store (no NUL character).

``cases.outbox``
    ``CaseOutbox(repository, spool_dir)``: ``submit(draft) -> SubmitResult(reference, stored)`` never raises
    when the database is down (the draft is spooled as JSON); ``flush()`` stores spooled drafts in order;
    ``start_background_flush(interval_s)`` retries in a daemon thread.

``cases.retention``
    ``apply_retention(...)``: the one retention policy, run by ``python -m bot purge`` and ``python -m inbox
    purge`` alike (anonymise, never delete; see its docstring); ``erase_everywhere(...)``: one case's erasure
    (the case, its Rasa conversation, its spooled drafts).

``cases.testing``
    ``temporary_database("sqlite" | "postgresql", tmp_dir)`` yields the URL of a fresh migrated database;
    ``TcpProxy`` cuts and restores a connection to PostgreSQL, like a server killed and restarted.

Drafts are tidied before validation (``CaseDraft.normalise``): phone without spaces, a postal code turned
into its département, an empty email dropped. A draft that still breaks the contract raises
``InvalidDraft`` (a bug to fix, never spooled); a database outage never raises from ``CaseOutbox.submit``.

Health data rule (RGPD art. 9): unless ``CaseDraft.health_consent`` is true, the repository drops the
``sante`` category, ``reasons["sante"]``, the situation keys in ``HEALTH_SITUATION_KEYS`` and the transcript
entries flagged ``"health": true`` (keeping of them only their ``"kept"`` words, the clauses of health replaced) before
anything is written, and removes them from a case already stored. The caller must keep health details out of the
other free text (``summary``, ``situation``, ``callback_slot``, the reasons) without that consent: the action server
reads every word it copies there through ``triage.without_health``.
"""

"""Cases: the record of an artisan's request for help, shared by the action server and the inbox.

Public interface (other packages import only these names):

``cases.db``
    ``make_engine(url)`` -> a 2.0-style engine (SQLite: WAL, foreign keys; PostgreSQL: pre-ping).
    ``make_session_factory(engine)`` -> ``sessionmaker``.
    ``migrate(url)`` -> ``alembic upgrade head`` (migrations in ``cases/migrations``), safe to run
    from several processes at once.

``cases.reference``
    ``new_reference()`` -> a short human-friendly reference such as ``"RL-7K3Q9M"`` (Crockford base32).

``cases.repository``
    ``CaseDraft``: what the action server sends (JSON-serialisable, see its docstring).
    ``CaseRepository(session_factory)``: ``save_draft(draft) -> reference`` (idempotent per conversation),
    plus everything the inbox needs: queue, get, take/assign, status, notes, call attempts, users,
    audit log, statistics, erasure/export.

``cases.outbox``
    ``CaseOutbox(repository, spool_dir)``: ``submit(draft) -> SubmitResult(reference, stored)`` never raises
    when the database is down (the draft is spooled as JSON); ``flush()`` stores spooled drafts in order;
    ``start_background_flush(interval_s)`` retries in a daemon thread.

``cases.retention``
    ``purge(older_than_days, session_factory=None, chamber_id=None)`` deletes cases closed more than that
    many days ago (``python -m inbox purge`` applies each chamber's ``retention_days``).

``cases.testing``
    ``temporary_database("sqlite" | "postgresql", tmp_dir)`` yields the URL of a fresh migrated database;
    ``TcpProxy`` cuts and restores a connection to PostgreSQL, like a server killed and restarted.

Drafts are tidied before validation (``CaseDraft.normalise``): phone without spaces, a postal code turned
into its département, an empty email dropped. A draft that still breaks the contract raises
``InvalidDraft`` (a bug to fix, never spooled); a database outage never raises from ``CaseOutbox.submit``.

Health data rule (RGPD art. 9): unless ``CaseDraft.health_consent`` is true, the repository drops the
``sante`` category, ``reasons["sante"]``, the situation keys in ``HEALTH_SITUATION_KEYS`` and the transcript
entries flagged ``"health": true`` before anything is written, and removes them from a case already stored.
The caller must keep health details out of free text (``summary``) without that consent.
"""

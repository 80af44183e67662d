"""Every test here runs against SQLite (a temporary file) and PostgreSQL (a temporary schema in `test`)."""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import count

import pytest

from cases.accounts import AccountRepository
from cases.audit import AuditLog
from cases.db import make_engine, make_session_factory
from cases.drafts import CaseDraft
from cases.reference import new_reference
from cases.repository import CaseRepository
from cases.statistics import StatisticsRepository
from cases.testing import BACKENDS, empty_all_tables, temporary_database


@pytest.fixture(scope="session", params=BACKENDS)
def migrated_database_url(request, tmp_path_factory):
    with temporary_database(request.param, tmp_path_factory.mktemp("cases-db")) as url:
        yield url


@pytest.fixture
def database_url(migrated_database_url):
    engine = make_engine(migrated_database_url)
    empty_all_tables(engine)
    engine.dispose()
    return migrated_database_url


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def repository(engine):
    return CaseRepository(make_session_factory(engine))


@pytest.fixture
def accounts(engine):
    return AccountRepository(make_session_factory(engine))


@pytest.fixture
def statistics(engine):
    return StatisticsRepository(make_session_factory(engine))


@pytest.fixture
def audit(engine):
    return AuditLog(make_session_factory(engine))


_conversation_numbers = count(1)


def make_draft(**overrides) -> CaseDraft:
    """A complete, valid draft like the action server sends after a handoff."""
    values = dict(
        conversation_id=f"conversation-{next(_conversation_numbers)}",
        reference=new_reference(),
        chamber_id="cma-hdf",
        categories=["cotisations_sociales", "tresorerie"],
        urgency="normale",
        distress=False,
        reasons={
            "cotisations_sociales": ["l'URSSAF me réclame 4 000 €"],
            "tresorerie": ["clients qui paient en retard"],
        },
        summary="Boulanger à Lille, 3 salariés : 4 000 € de cotisations URSSAF impayées, clients en retard.",
        situation={"trade": "boulanger", "employees": "3", "departement": "59", "deadline": "fin du mois"},
        guidance=[{"id": "urssaf-delai", "name": "Délai de paiement URSSAF", "link": "https://www.urssaf.fr"}],
        contact_name="Éloïse",
        phone="+33612345678",
        email="eloise@example.fr",
        callback_slot="mardi 10h-12h",
        departement="59",
        consent_version="consent-v1",
        consent_at=datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc),
        health_consent=False,
        transcript=[
            {"sender": "artisan", "text": "l'urssaf me réclame 4000 euros", "at": "2025-03-04T09:28:00+00:00"},
            {
                "sender": "bot",
                "text": "Je comprends. Voici ce que vous pouvez faire.",
                "at": "2025-03-04T09:28:02+00:00",
            },
        ],
    )
    values.update(overrides)
    return CaseDraft(**values)


@pytest.fixture
def draft_factory():
    return make_draft

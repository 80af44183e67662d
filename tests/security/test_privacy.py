"""Every statement about data is true: the privacy notice, and the consent question's retention (issue 15)."""

from __future__ import annotations

import html

from actions.handoff import consent_text
from actions.questions import QUESTIONS
from chamber import load_chamber


def test_the_privacy_notice_says_who_why_how_long_rights_and_the_dpo_from_the_configuration(client, monkeypatch):
    monkeypatch.setenv("RELAIS_TRACKER_RETENTION_DAYS", "7")
    chamber = load_chamber()
    page = client.get("/confidentialite")
    assert page.status_code == 200 and "set-cookie" not in page.headers
    text = html.unescape(page.text)
    for expected in (
        chamber.name,
        chamber.phone,
        chamber.email,
        chamber.dpo_contact,
        f"{chamber.retention_days} jours après la fin de votre suivi",
        f"au plus tard\n        {chamber.max_case_age_days} jours après votre demande",
        "gardée 7 jours après votre dernier message",
        "www.cnil.fr",
        "effacer",
    ):
        assert expected in text, expected
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_the_consent_question_says_what_the_retention_does_and_links_the_notice(monkeypatch):
    monkeypatch.setenv("RELAIS_PUBLIC_URL", "https://aide.cma-exemple.fr")
    chamber = load_chamber("cma-exemple-nord")
    question = QUESTIONS["consent_given"]
    asked = question.text(chamber, {}) if callable(question.text) else question.text
    assert "effacées 60 jours après la fin de votre suivi, et au plus tard 180 jours après votre demande" in asked
    assert "](https://aide.cma-exemple.fr/confidentialite)" in asked
    assert "supprimé au bout" not in asked  # the old promise, untrue for open cases


def test_the_consent_text_has_at_most_three_sentences():
    text = consent_text(90, "Chambre de métiers", 365, "https://x.fr/confidentialite")
    assert text.count(". ") + text.count(" ?") <= 3


def test_distress_and_health_quotes_are_kept_only_with_the_health_consent(tmp_path):
    from actions.conversation import transcript
    from actions.handoff import build_case_draft
    from cases.accounts import AccountRepository
    from cases.db import make_engine, make_session_factory, migrate
    from cases.repository import CaseRepository

    events = [
        {"event": "user", "text": "l'urssaf me réclame 8000 euros", "timestamp": 1_700_000_000},
        {"event": "bot", "text": "Je comprends.", "timestamp": 1_700_000_001},
        {"event": "user", "text": "je n'en peux plus j'ai envie d'en finir", "timestamp": 1_700_000_002},
        {"event": "bot", "text": "Vous n'êtes pas seul : appelez le 3114.", "timestamp": 1_700_000_003},
    ]
    slots = {
        "difficulty_categories": ["cotisations_sociales"],
        "urgency": "critique",
        "distress": True,
        "triage_reasons": {
            "cotisations_sociales": ["« l'urssaf me réclame »"],
            "distress": ["« j'ai envie d'en finir »"],
        },
        "consent_at": "2026-11-30T09:00:00+00:00",
        "phone": "+33612345678",
    }
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    migrate(url)
    engine = make_engine(url)
    repository = CaseRepository(make_session_factory(engine))
    chief = AccountRepository(make_session_factory(engine)).create_user(
        "chef@cma.test", "Chef", "cma-generique", "supervisor", "not-a-hash"
    )
    stored = {}
    for consent in (False, True):
        draft = build_case_draft(
            conversation_id=f"c-{consent}",
            reference="RL-7K3Q9M" if consent else "RL-4B7C2D",
            chamber_id="cma-generique",
            slots={**slots, "health_consent": consent},
            situation={},
            transcript=transcript(events),
            consent_version="v1",
        )
        stored[consent] = repository.get_case(repository.save_draft(draft), chief, record_view=False)
    engine.dispose()
    without, with_consent = stored[False], stored[True]
    assert without.distress and without.urgency == "critique"  # the codes stay: call back first
    assert "distress" not in without.reasons and "cotisations_sociales" in without.reasons
    said = " ".join(line["text"] for line in without.transcript)
    assert "en finir" not in said and "3114" not in said and "8000 euros" in said
    assert "distress" in with_consent.reasons
    assert "en finir" in " ".join(line["text"] for line in with_consent.transcript)

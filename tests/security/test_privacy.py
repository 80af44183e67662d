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
    for expected in (chamber.name, chamber.phone, chamber.email, chamber.dpo_contact,
                     f"{chamber.retention_days} jours après la fin de votre suivi",
                     f"au plus tard\n        {chamber.max_case_age_days} jours après votre demande",
                     "gardée 7 jours après votre dernier message", "www.cnil.fr", "effacer"):
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

"""An advisor works a case in Chromium against a real uvicorn server; a supervisor finds every step in the log."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory
from cases.drafts import CaseDraft
from cases.reference import new_reference
from cases.repository import CaseRepository
from cases.testing import temporary_database
from inbox.security import hash_password
from tests.support.browser import chromium
from tests.support.images import check_screenshot
from tests.support.web_app import running_web_app

PASSWORD = "mot de passe du navigateur"
CHAMBER = "cma-generique"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with (
        temporary_database("sqlite", tmp_path_factory.mktemp("browser-db")) as url,
        running_web_app(url, tmp_path_factory.mktemp("logs") / "uvicorn.log", "b" * 48) as base,
    ):
        engine = make_engine(url)
        yield base, CaseRepository(make_session_factory(engine)), AccountRepository(make_session_factory(engine))
        engine.dispose()


def draft(**overrides) -> CaseDraft:
    values = dict(
        conversation_id=f"browser-{new_reference()}",
        reference=new_reference(),
        chamber_id=CHAMBER,
        categories=["tresorerie"],
        urgency="normale",
        reasons={"tresorerie": ["clients qui ne paient pas"]},
        summary="Plombier, seul : trois clients ne paient pas, loyer de l'atelier en retard.",
        situation={"trade": "plombier", "employees": "0"},
        guidance=[],
        contact_name="Hugo",
        phone="+33611223344",
        email=None,
        callback_slot="lundi matin",
        departement="92",
        consent_version="2025-11-v1",
        consent_at=datetime.now(timezone.utc),
        health_consent=False,
        transcript=[
            {"sender": "artisan", "text": "mes clients ne paient plus", "at": datetime.now(timezone.utc).isoformat()}
        ],
    )
    values.update(overrides)
    return CaseDraft(**values)


@pytest.fixture(scope="module")  # per module: tests/support/browser.py says why
def browser():
    with chromium() as launched:
        yield launched


def log_in(page, base, email):
    page.goto(f"{base}/login")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="File d'attente")).to_be_visible()


def test_an_advisor_takes_annotates_and_closes_a_case_and_the_log_shows_it(server, browser, tmp_path):
    base, repository, accounts = server
    advisor = accounts.create_user("camille@cma.test", "Camille Martin", CHAMBER, "advisor", hash_password(PASSWORD))
    accounts.create_user("sandrine@cma.test", "Sandrine Superviseure", CHAMBER, "supervisor", hash_password(PASSWORD))
    repository.save_draft(draft(urgency="basse"))
    repository.save_draft(draft(urgency="normale"))
    hostile = '<img src=x onerror="window.__xss=1">'
    reference = repository.save_draft(
        draft(
            urgency="haute",
            categories=["banque"],
            reasons={"banque": [hostile]},
            summary=f"Compte bloqué par la banque {hostile}",
        )
    )

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, base, advisor.email)
    first_row = page.locator("#queue-rows tr").first
    expect(first_row).to_have_attribute("data-reference", reference)
    expect(page.get_by_role("alert")).to_contain_text(reference)
    page.screenshot(path=str(tmp_path / "inbox-queue.png"), full_page=True)
    check_screenshot(tmp_path / "inbox-queue.png")

    first_row.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", name=f"Dossier {reference}")).to_be_visible()
    expect(page.locator(".summary-text")).to_contain_text(hostile)  # shown as text...
    assert page.evaluate("window.__xss") is None  # ...and never run
    page.get_by_role("button", name="Prendre le dossier").click()
    expect(page.get_by_role("status")).to_have_text("Vous avez pris ce dossier en charge.")
    expect(page.locator("#case-assignee")).to_have_text("Camille Martin")
    page.get_by_label("Nouvelle note (visible des seuls conseillers)").fill("Banque appelée, déblocage demandé.")
    page.get_by_role("button", name="Ajouter la note").click()
    expect(page.locator(".note-body")).to_have_text("Banque appelée, déblocage demandé.")
    page.get_by_role("button", name="Clore le dossier").click()
    expect(page.locator("#case-status")).to_have_text("Clos")
    page.screenshot(path=str(tmp_path / "inbox-case.png"), full_page=True)
    check_screenshot(tmp_path / "inbox-case.png")
    page.goto(f"{base}/inbox")
    expect(page.locator(f'#queue-rows tr[data-reference="{reference}"]')).to_have_count(0)
    context.close()

    supervision = browser.new_context(locale="fr-FR")
    page = supervision.new_page()
    log_in(page, base, "sandrine@cma.test")
    page.get_by_role("link", name="Journal").click()
    page.get_by_label("Dossier").fill(reference)
    page.get_by_role("button", name="Filtrer").click()
    rows = page.locator("#audit tbody tr")
    for action, label in [
        ("case.created", "Dossier créé par la conversation"),
        ("case.viewed", "Dossier consulté"),
        ("case.taken", "Dossier pris en charge"),
        ("case.note_added", "Note ajoutée"),
        ("case.status_changed", "Statut modifié"),
    ]:
        step = rows.filter(has=page.locator(f'xpath=self::tr[@data-action="{action}"]'))
        expect(step.first).to_contain_text(label)
        if action != "case.created":
            expect(step.first).to_contain_text("camille@cma.test")
    expect(rows.filter(has_text="Statut modifié").first).to_contain_text("vers Clos")
    page.screenshot(path=str(tmp_path / "inbox-audit.png"), full_page=True)
    check_screenshot(tmp_path / "inbox-audit.png")
    supervision.close()


def test_a_new_urgent_case_appears_live_with_an_alert(server, browser):
    base, repository, accounts = server
    accounts.create_user("veille@cma.test", "Veille", CHAMBER, "advisor", hash_password(PASSWORD))
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    log_in(page, base, "veille@cma.test")
    page.get_by_role("button", name="Activer l'alerte sonore").click()
    expect(page.get_by_role("button", name="Alerte sonore activée")).to_have_attribute("aria-pressed", "true")
    reference = repository.save_draft(
        draft(urgency="critique", distress=True, categories=["vie_personnelle"], reasons={})
    )
    expect(page.locator("#queue-rows tr").first).to_have_attribute("data-reference", reference, timeout=15_000)
    expect(page.locator("#live-alert")).to_contain_text(f"{reference} (critique)")
    assert page.title().startswith("(!)")
    context.close()

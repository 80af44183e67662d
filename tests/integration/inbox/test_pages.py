from __future__ import annotations

import csv
import io
import re

import pytest

from tests.integration.inbox.conftest import csrf_from


def references_in_order(html: str) -> list[str]:
    return re.findall(r'<tr class="[^"]*" data-reference="(RL-[0-9A-Z]{6})"', html)


def test_queue_lists_new_and_open_cases_by_urgency_then_age(logged_in, seed_case, repository):
    pages, user = logged_in()
    normale_old = seed_case(urgency="normale")
    basse = seed_case(urgency="basse", categories=["autre"], reasons={})
    haute = seed_case(urgency="haute")
    closed = seed_case(urgency="critique")
    repository.set_status(closed, user, "clos")
    critique = seed_case(urgency="critique", distress=True, categories=["vie_personnelle"], reasons={})
    normale_new = seed_case(urgency="normale")
    html = pages.get("/inbox").text
    assert references_in_order(html) == [critique, haute, normale_old, normale_new, basse]
    assert "objectif immédiatement" in html and "Détresse" in html
    assert 'role="alert"' in html and f"{critique} (critique)" in html  # visible alert for waiting urgent cases


@pytest.mark.parametrize(
    "query, expected",
    [
        ("statut=clos", ["closed"]),
        ("categorie=impots", ["impots"]),
        ("urgence=haute", ["impots"]),
        ("departement=92", ["impots"]),
        ("assigne=me", ["mine"]),
        ("q=boulangere", ["mine"]),
        ("q=06+12+34+56+78", ["mine", "impots"]),
        ("q=personne+ne+dit+cela", []),
    ],
)
def test_queue_filters(logged_in, seed_case, repository, query, expected):
    pages, user = logged_in()
    cases = {
        "impots": seed_case(categories=["impots"], urgency="haute", departement="92", reasons={}),
        "mine": seed_case(summary="Boulangère endettée", phone="+33612345678"),
        "closed": seed_case(phone="+33700000000"),
    }
    repository.take(cases["mine"], user)
    repository.set_status(cases["closed"], user, "clos")
    found = references_in_order(pages.get(f"/inbox?{query}").text)
    assert sorted(found) == sorted(cases[name] for name in expected)


def test_live_update_reports_new_urgent_cases(logged_in, seed_case):
    pages, _ = logged_in()
    first = pages.get("/inbox/live", params={"since": "2100-01-01T00:00:00+00:00"}).json()
    assert first["changed"] is False and first["alerts"] == []
    since = pages.get("/inbox/live", params={"since": "2000-01-01T00:00:00+00:00"}).json()["now"]
    haute = seed_case(urgency="haute")
    seed_case(urgency="normale")
    body = pages.get("/inbox/live", params={"since": since}).json()
    assert body["changed"] is True
    assert [a["reference"] for a in body["alerts"]] == [haute]
    assert body["alerts"][0]["label"] == "Haute"
    assert haute in body["rows_html"]


def test_case_page_shows_summary_and_reasons_first_then_the_rest(logged_in, seed_case):
    pages, _ = logged_in()
    reference = seed_case()
    html = pages.get(f"/inbox/dossiers/{reference}").text
    order = [
        "Résumé",
        "Pourquoi ce classement",
        "Situation",
        "Orientation déjà donnée",
        "Conversation",
        "Contact et créneau",
    ]
    positions = [html.index(f">{title}<") for title in order]
    assert positions == sorted(positions)
    for text in (
        "découvert supprimé",
        "« ma banque a coupé le découvert »",
        "menuisière",
        "Médiation du crédit",
        "ma banque a coupé mon découvert",
        "Inès",
        "06 12 34 56 78",
        "jeudi 14h-16h",
        "version 2025-11-v1",
    ):
        assert text in html, text


def post_form(pages, reference, action, **data):
    token = csrf_from(pages.get(f"/inbox/dossiers/{reference}").text)
    return pages.post(
        f"/inbox/dossiers/{reference}/{action}", data={**data, "csrf_token": token}, follow_redirects=False
    )


def test_working_a_case_through_the_pages_is_audited(logged_in, seed_case, make_user, new_client):
    pages, advisor = logged_in()
    colleague = make_user(name="Paul Collègue")
    reference = seed_case()
    assert post_form(pages, reference, "prendre").status_code == 303
    html = pages.get(f"/inbox/dossiers/{reference}").text
    assert "Vous avez pris ce dossier en charge." in html and 'id="case-status">En cours<' in html
    post_form(pages, reference, "notes", body="Rappel prévu jeudi")
    post_form(pages, reference, "appels", outcome="pas_de_reponse", comment="")
    post_form(pages, reference, "appels", outcome="joint", comment="plan de règlement évoqué")
    post_form(pages, reference, "attribuer", assignee_id=str(colleague.id))
    post_form(pages, reference, "statut", status="en_attente")
    post_form(pages, reference, "statut", status="clos")
    assert post_form(pages, reference, "statut", status="en_attente").status_code == 409
    post_form(pages, reference, "statut", status="en_cours")  # reopen
    html = pages.get(f"/inbox/dossiers/{reference}").text
    for text in (
        "Rappel prévu jeudi",
        "Personne jointe",
        "Pas de réponse",
        "plan de règlement évoqué",
        "Paul Collègue",
        "Premier contact",
    ):
        assert text in html, text
    assert pages.get("/inbox/journal").status_code == 403  # advisors do not read the audit log

    supervisor_pages, _ = logged_in(role="supervisor")
    journal = supervisor_pages.get(f"/inbox/journal?dossier={reference}").text
    actions = re.findall(r'<tr data-action="([a-z_.]+)"', journal)
    changes = [a for a in reversed(actions) if a != "case.viewed"]
    assert changes == [
        "case.created",
        "case.taken",
        "case.note_added",
        "case.call_attempt",
        "case.call_attempt",
        "case.assigned",
        "case.status_changed",
        "case.status_changed",
        "case.reopened",
    ]
    assert actions.count("case.viewed") >= 5  # every opening of the case page is traced
    assert advisor.email in journal and "Dossier pris en charge" in journal


def test_statistics_page_and_csv_export_for_supervisors_only(logged_in, seed_case, repository):
    advisor_pages, advisor = logged_in()
    assert advisor_pages.get("/inbox/statistiques").status_code == 403
    assert advisor_pages.get("/inbox/statistiques.csv").status_code == 403
    references = [
        seed_case(categories=["banque"], urgency="haute"),
        seed_case(categories=["impots"], urgency="normale", reasons={}, summary='=HYPERLINK("http://x")'),
        seed_case(categories=[], urgency=None, reasons={}),
    ]
    repository.add_call_attempt(references[0], advisor, "joint")
    pages, _ = logged_in(role="supervisor")
    html = pages.get("/inbox/statistiques").text
    assert "3 dossiers reçus" in html and html.count("<svg") >= 3 and "Banque : 1" in html
    response = pages.get("/inbox/statistiques.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff")), delimiter=";"))
    assert [r["reference"] for r in rows] == references
    assert rows[0]["categorie_principale"] == "banque" and rows[0]["urgence"] == "haute"
    assert float(rows[0]["heures_avant_premier_contact"]) < 1
    assert "Inès" not in response.text and "+336" not in response.text  # statistics carry no personal data
    audit = pages.get("/inbox/journal").text
    assert "statistics.exported" in audit


def test_personal_data_export_and_erasure_by_a_supervisor(logged_in, seed_case):
    pages, _ = logged_in(role="supervisor")
    reference = seed_case()
    exported = pages.get(f"/inbox/dossiers/{reference}/donnees")
    assert exported.json()["contact_name"] == "Inès"
    assert post_form(pages, reference, "effacer", confirmation="RL-XXXXXX").status_code == 303
    assert "Inès" in pages.get(f"/inbox/dossiers/{reference}").text  # wrong confirmation: nothing erased
    post_form(pages, reference, "effacer", confirmation=reference)
    html = pages.get(f"/inbox/dossiers/{reference}").text
    assert "Inès" not in html and "Données personnelles effacées" in html
    journal = pages.get(f"/inbox/journal?dossier={reference}").text
    assert "case.personal_data_erased" in journal and "case.personal_data_exported" in journal


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}
    root = client.get("/", follow_redirects=False)
    assert root.status_code == 307 and root.headers["location"] == "/demo/"
    assert client.get("/demo/").status_code == 200  # the widget's demo chamber site, public


def test_case_page_shows_why_the_crisis_path_was_taken_even_without_a_category(logged_in, seed_case):
    pages, _ = logged_in()
    reference = seed_case(
        categories=[],
        urgency="critique",
        distress=True,
        reasons={
            "distress": ["« ma famille serait mieux sans moi »"],
            "distress_signs": [
                "niveau 2, signe indirect de risque suicidaire : « mieux sans moi » (indirect_better_off_without_me)"
            ],
        },
    )
    html = pages.get(f"/inbox/dossiers/{reference}").text
    section = html[html.index(">Pourquoi ce classement<") : html.index(">Situation<")]
    assert "Aucune difficulté classée" not in section
    # Without the health consent the artisan's words are not kept, the sign that fired is (a rule id).
    assert "Signes de détresse repérés" in section and "indirect_better_off_without_me" in section
    assert "ma famille serait mieux sans moi" not in html

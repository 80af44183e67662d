"""A case nobody holds past its target time is flagged in the inbox, listed apart for the chamber's
supervisors, and alerted to them live. The case is moved back in time in the database instead of waiting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from cases.models import Case
from tests.integration.inbox.conftest import OTHER_CHAMBER, api_login


def age(app, reference: str, minutes: float) -> None:
    """The case was created ``minutes`` ago (and last changed then)."""
    at = datetime.now(timezone.utc) - timedelta(minutes=minutes)
    with app.state.context.engine.begin() as connection:
        connection.execute(update(Case).where(Case.reference == reference).values(created_at=at, updated_at=at))


def test_supervisors_see_escalated_cases_apart_and_everyone_sees_the_flag(app, logged_in, seed_case, make_user):
    supervising, _ = logged_in(role="supervisor")
    advising, advisor = logged_in()
    late = seed_case(urgency="critique", contact_name="Inès Durand")
    age(app, late, 20)  # 15 minutes of grace for a critical case
    in_time = seed_case(urgency="critique")
    age(app, in_time, 5)
    taken = seed_case(urgency="critique")
    age(app, taken, 20)
    app.state.context.repository.take(taken, advisor)
    elsewhere = seed_case(urgency="critique", chamber_id=OTHER_CHAMBER)
    age(app, elsewhere, 60)

    page = supervising.get("/inbox").text
    section = page[page.index('id="escalations"') : page.index("</section>", page.index('id="escalations"'))]
    assert "Délai dépassé : personne ne suit ces dossiers" in section
    assert late in section
    assert in_time not in section and taken not in section and elsewhere not in section
    assert "Inès" not in section  # the section names cases, not people
    assert page.count("Signalé aux superviseurs") == 1

    advisor_page = advising.get("/inbox").text
    assert 'id="escalations"' not in advisor_page  # the section is the supervisors'
    row = advisor_page[advisor_page.index(f'data-reference="{late}"') :].split("</tr>", 1)[0]
    assert "Signalé aux superviseurs" in row
    assert "escalated" in advisor_page[: advisor_page.index(f'data-reference="{late}"')].rsplit("<tr", 1)[1]

    case_page = advising.get(f"/inbox/dossiers/{late}").text
    assert 'id="case-escalated"' in case_page and "dossier signalé aux superviseurs" in case_page
    assert 'id="case-escalated"' not in advising.get(f"/inbox/dossiers/{in_time}").text


def test_a_case_crossing_its_target_between_two_polls_alerts_the_supervisors_only(app, logged_in, seed_case):
    supervising, _ = logged_in(role="supervisor")
    advising, _ = logged_in()
    reference = seed_case(urgency="critique", categories=["banque"])
    age(app, reference, 16)  # due a minute ago
    since = (datetime.now(timezone.utc) - timedelta(minutes=2)).isoformat()

    body = supervising.get("/inbox/live", params={"since": since}).json()
    assert body["changed"] is True
    escalations = [a for a in body["alerts"] if a["kind"] == "escalation"]
    assert escalations == [
        {
            "kind": "escalation",
            "reference": reference,
            "urgency": "critique",
            "label": "Critique",
            "categories": ["Banque"],
        }
    ]
    assert reference in body["escalations_html"] and body["escalations_count"] == 1

    advisor_body = advising.get("/inbox/live", params={"since": since}).json()
    assert advisor_body["changed"] is True  # the row gains its flag
    assert "Signalé aux superviseurs" in advisor_body["rows_html"]
    assert [a for a in advisor_body["alerts"] if a["kind"] == "escalation"] == []
    assert "escalations_html" not in advisor_body

    # Already escalated before this poll's window: no second alert.
    later = supervising.get("/inbox/live", params={"since": body["now"]}).json()
    assert [a for a in later["alerts"] if a["kind"] == "escalation"] == []


def test_the_api_says_which_cases_escalated(app, client, make_user, seed_case):
    user = make_user()
    api_login(client, user.email)
    late = seed_case(urgency="critique")
    age(app, late, 20)
    in_time = seed_case(urgency="critique")
    listed = {c["reference"]: c["wait"]["escalated"] for c in client.get("/api/v1/cases").json()}
    assert listed == {late: True, in_time: False}
    assert client.get(f"/api/v1/cases/{late}").json()["wait"]["escalated"] is True

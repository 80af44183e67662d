from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from cases.accounts import UserExists
from cases.drafts import WITHHELD_LINE, InvalidDraft
from cases.errors import CaseNotFound, InvalidInput, InvalidTransition
from cases.models import Case, utcnow
from cases.reference import REFERENCE_PATTERN, new_reference, normalise_reference
from cases.repository import QueueFilters
from cases.retention import apply_retention


def add_user(accounts, email="conseil@cma.fr", chamber_id="cma-hdf", role="advisor"):
    return accounts.create_user(email, "Camille Conseil", chamber_id, role, "not-a-real-hash")


def count_cases(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Case)).scalar_one()


def audit_actions(audit, actor, reference):
    return [event.action for event in reversed(audit.entries(actor, case_reference=reference))]


def test_references_are_short_unambiguous_and_normalised():
    references = {new_reference() for _ in range(2000)}
    assert len(references) == 2000
    assert all(REFERENCE_PATTERN.match(r) for r in references)
    assert not any(ch in r[3:] for r in references for ch in "ILOU")
    assert normalise_reference(" rl 7k3q9m ") == "RL-7K3Q9M"
    assert normalise_reference("RL-7K3Q9O") == "RL-7K3Q90"  # O read as zero
    assert normalise_reference("bonjour") is None


def test_save_draft_stores_every_field(repository, draft_factory):
    draft = draft_factory()
    reference = repository.save_draft(draft)
    assert reference == draft.reference
    case = repository.find_by_conversation(draft.conversation_id)
    expected = {
        "reference": draft.reference,
        "chamber_id": "cma-hdf",
        "status": "nouveau",
        "categories": draft.categories,
        "urgency": "normale",
        "distress": False,
        "reasons": draft.reasons,
        "summary": draft.summary,
        "situation": draft.situation,
        "guidance": draft.guidance,
        "contact_name": "Éloïse",
        "phone": "+33612345678",
        "email": "eloise@example.fr",
        "callback_slot": "mardi 10h-12h",
        "departement": "59",
        "consent_version": "consent-v1",
        "consent_at": draft.consent_at,
        "health_consent": False,
        "transcript": draft.transcript,
    }
    assert {name: getattr(case, name) for name in expected} == expected
    assert case.created_at.tzinfo is not None


def test_save_draft_is_idempotent_per_conversation(repository, engine, draft_factory):
    first = draft_factory()
    reference = repository.save_draft(first)
    retry = draft_factory(conversation_id=first.conversation_id, reference=new_reference())
    assert repository.save_draft(retry) == reference
    assert repository.save_draft(retry) == reference
    assert count_cases(engine) == 1


def test_concurrent_saves_of_one_conversation_make_one_case(repository, engine, draft_factory):
    conversation_id = "same-conversation"
    results, errors = [], []

    def save():
        try:
            results.append(
                repository.save_draft(draft_factory(conversation_id=conversation_id, reference=new_reference()))
            )
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=save) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert count_cases(engine) == 1


def test_returning_artisan_updates_the_same_case_without_losing_anything(repository, draft_factory):
    first = draft_factory(urgency="haute", categories=["banque"], reasons={"banque": ["compte bloqué"]})
    repository.save_draft(first)
    later_line = {"sender": "artisan", "text": "et l'huissier passe lundi", "at": "2025-03-05T08:00:00+00:00"}
    again = draft_factory(
        conversation_id=first.conversation_id,
        reference=new_reference(),
        urgency="normale",  # an older or lower estimate never lowers the urgency
        categories=["procedure_judiciaire"],
        reasons={"procedure_judiciaire": ["huissier lundi"]},
        phone=None,
        situation={"creditors": "banque, huissier"},
        transcript=[*first.transcript, later_line],
    )
    assert repository.save_draft(again) == first.reference
    case = repository.find_by_conversation(first.conversation_id)
    assert case.urgency == "haute"
    assert case.categories == ["procedure_judiciaire", "banque"]
    assert case.reasons == {"banque": ["compte bloqué"], "procedure_judiciaire": ["huissier lundi"]}
    assert case.phone == "+33612345678"
    assert case.situation["trade"] == "boulanger" and case.situation["creditors"] == "banque, huissier"
    assert case.transcript == [*first.transcript, later_line]


@pytest.mark.parametrize(
    "override, problem",
    [
        ({"consent_version": None}, "no consent"),
        ({"consent_at": None}, "no consent"),
        ({"phone": "0612345678"}, "E.164"),
        ({"categories": ["fiscalite"]}, "unknown categories"),
        ({"urgency": "moyenne"}, "unknown urgency"),
        ({"reference": "ABC"}, "reference"),
        ({"transcript": [{"sender": "robot", "text": "x"}]}, "transcript"),
        ({"contact_name": "x" * 201}, "contact_name"),
    ],
)
def test_drafts_against_the_contract_are_refused_and_nothing_is_stored(
    repository, engine, draft_factory, override, problem
):
    with pytest.raises(InvalidDraft, match=problem):
        repository.save_draft(draft_factory(**override))
    assert count_cases(engine) == 0


def health_draft(draft_factory, **overrides):
    return draft_factory(
        categories=["sante", "cotisations_sociales"],
        reasons={"sante": ["je suis en arrêt maladie"], "cotisations_sociales": ["URSSAF"]},
        situation={"trade": "plombier", "health_details": "opéré du dos", "sante": "arrêt 3 mois"},
        transcript=[
            {
                "sender": "artisan",
                "text": "je suis en arrêt maladie",
                "at": "2025-03-04T09:00:00+00:00",
                "health": True,
            },
            {"sender": "artisan", "text": "et l'URSSAF relance", "at": "2025-03-04T09:01:00+00:00"},
        ],
        **overrides,
    )


def test_health_details_are_dropped_without_health_consent(repository, draft_factory):
    draft = health_draft(draft_factory, health_consent=False)
    repository.save_draft(draft)
    case = repository.find_by_conversation(draft.conversation_id)
    assert case.categories == ["cotisations_sociales"]
    assert case.reasons == {"cotisations_sociales": ["URSSAF"]}
    assert case.situation == {"trade": "plombier"}
    # Round 18 (r18b-09): the line is marked where it was, never quoted.
    assert [e["text"] for e in case.transcript] == [WITHHELD_LINE, "et l'URSSAF relance"]
    assert "arret" not in case.search_text


def test_health_details_are_kept_with_consent_and_removed_when_it_is_withdrawn(repository, draft_factory):
    draft = health_draft(draft_factory, health_consent=True)
    repository.save_draft(draft)
    case = repository.find_by_conversation(draft.conversation_id)
    assert case.categories[0] == "sante" and case.situation["health_details"] == "opéré du dos"
    withdrawn = health_draft(
        draft_factory, conversation_id=draft.conversation_id, reference=draft.reference, health_consent=False
    )
    repository.save_draft(withdrawn)
    case = repository.find_by_conversation(draft.conversation_id)
    assert "sante" not in case.categories and "health_details" not in case.situation
    assert [e["text"] for e in case.transcript] == [WITHHELD_LINE, "et l'URSSAF relance"]


def test_queue_sorts_by_urgency_then_age_and_filters(repository, draft_factory, accounts):
    advisor = add_user(accounts)
    saved = {}
    for name, urgency, categories, departement in [
        ("old-normale", "normale", ["impots"], "59"),
        ("basse", "basse", ["autre"], "62"),
        ("haute", "haute", ["banque"], "59"),
        ("critique", "critique", ["vie_personnelle"], "62"),
        ("new-normale", "normale", ["banque", "tresorerie"], "59"),
        ("unrated", None, [], "59"),
    ]:
        draft = draft_factory(urgency=urgency, categories=categories, departement=departement, reasons={})
        saved[name] = repository.save_draft(draft)
    repository.save_draft(draft_factory(chamber_id="cma-autre"))  # another chamber: never listed

    def names(**filters):
        found = [c.reference for c in repository.queue(advisor, QueueFilters(**filters))]
        by_reference = {v: k for k, v in saved.items()}
        return [by_reference[r] for r in found]

    assert names() == ["critique", "haute", "old-normale", "new-normale", "basse", "unrated"]
    assert names(category="banque") == ["haute", "new-normale"]
    assert names(urgency="normale") == ["old-normale", "new-normale"]
    assert names(departement="62") == ["critique", "basse"]
    repository.take(saved["basse"], advisor)
    assert names(assignee="me") == ["basse"]
    assert "basse" not in names(assignee="none")
    repository.set_status(saved["haute"], advisor, "clos")
    assert "haute" not in names()
    assert names(statuses=("clos",)) == ["haute"]
    with pytest.raises(InvalidInput):
        repository.queue(advisor, QueueFilters(category="' OR 1=1 --"))


@pytest.mark.parametrize(
    "query, found",
    [
        ("eloise", True),  # accents ignored
        ("ÉLOÏSE", True),
        ("06 12 34 56 78", True),
        ("+33 6 12 34 56 78", True),
        ("réclame urssaf", True),  # every word, anywhere
        ("boulanger lille", True),
        ("menuisier", False),
        ("boulang%", False),  # LIKE wildcards are taken literally
        ("l_lle", False),
    ],
)
def test_full_text_search(repository, draft_factory, query, found, accounts):
    advisor = add_user(accounts)
    reference = repository.save_draft(draft_factory())
    result = [c.reference for c in repository.queue(advisor, QueueFilters(query=query))]
    assert (reference in result) is found


def test_another_chambers_case_is_not_found(repository, draft_factory, accounts):
    reference = repository.save_draft(draft_factory(chamber_id="cma-hdf"))
    outsider = add_user(accounts, email="autre@cma.fr", chamber_id="cma-bretagne")
    for operation in (
        lambda: repository.get_case(reference, outsider),
        lambda: repository.take(reference, outsider),
        lambda: repository.set_status(reference, outsider, "clos"),
        lambda: repository.add_note(reference, outsider, "note"),
        lambda: repository.add_call_attempt(reference, outsider, "joint"),
        lambda: repository.erase_personal_data(reference, outsider),
    ):
        with pytest.raises(CaseNotFound):
            operation()
    assert repository.queue(outsider) == []


@pytest.mark.parametrize(
    "path, allowed",
    [
        (["en_cours"], True),
        (["en_attente"], True),
        (["clos"], True),
        (["en_cours", "en_attente", "en_cours", "clos"], True),
        (["clos", "en_cours"], True),  # reopen
        (["nouveau"], False),
        (["en_cours", "en_cours"], False),
        (["clos", "en_attente"], False),
        (["clos", "nouveau"], False),
    ],
)
def test_status_transitions(repository, draft_factory, path, allowed, accounts):
    advisor = add_user(accounts)
    reference = repository.save_draft(draft_factory())
    if allowed:
        for status in path:
            case = repository.set_status(reference, advisor, status)
        assert case.status == path[-1]
        assert (case.closed_at is not None) == (path[-1] == "clos")
    else:
        for status in path[:-1]:  # the refused step is the last one
            repository.set_status(reference, advisor, status)
        with pytest.raises(InvalidTransition):
            repository.set_status(reference, advisor, path[-1])


def test_working_a_case_is_audited_step_by_step(repository, draft_factory, accounts, audit):
    advisor = add_user(accounts)
    colleague = add_user(accounts, email="collegue@cma.fr")
    reference = repository.save_draft(draft_factory())
    repository.get_case(reference, advisor)
    taken = repository.take(reference, advisor)
    assert (taken.status, taken.assignee.email) == ("en_cours", "conseil@cma.fr")
    assert repository.assign(reference, advisor, colleague.id).assignee.email == "collegue@cma.fr"
    note = repository.add_note(reference, advisor, "Rappeler après 14 h")
    assert note.author.email == "conseil@cma.fr"
    repository.add_call_attempt(reference, advisor, "pas_de_reponse")
    attempt = repository.add_call_attempt(reference, advisor, "joint", "plan URSSAF expliqué")
    repository.set_status(reference, advisor, "clos")
    repository.set_status(reference, advisor, "en_cours")
    case = repository.get_case(reference, advisor, record_view=False)
    assert case.first_contact_at == attempt.at
    assert [n.body for n in case.notes] == ["Rappeler après 14 h"]
    assert [a.outcome for a in case.call_attempts] == ["pas_de_reponse", "joint"]
    assert audit_actions(audit, advisor, reference) == [
        "case.created",
        "case.viewed",
        "case.taken",
        "case.assigned",
        "case.note_added",
        "case.call_attempt",
        "case.call_attempt",
        "case.status_changed",
        "case.reopened",
    ]
    assert repository.queue(advisor, QueueFilters(query="14 h"))[0].reference == reference
    with pytest.raises(InvalidInput):
        repository.add_call_attempt(reference, advisor, "injoignable")
    with pytest.raises(InvalidInput):
        repository.add_note(reference, advisor, "   ")
    outsider = add_user(accounts, email="x@cma.fr", chamber_id="cma-bretagne")
    with pytest.raises(InvalidInput):
        repository.assign(reference, advisor, outsider.id)


def test_closed_case_reopens_only_when_the_artisan_says_something_new(repository, draft_factory, accounts, audit):
    advisor = add_user(accounts)
    draft = draft_factory()
    reference = repository.save_draft(draft)
    repository.take(reference, advisor)
    repository.set_status(reference, advisor, "clos")
    repository.save_draft(draft)  # a late retry of the same draft
    assert repository.get_case(reference, advisor, record_view=False).status == "clos"
    draft.transcript = [
        *draft.transcript,
        {"sender": "artisan", "text": "me revoilà", "at": "2025-04-01T10:00:00+00:00"},
    ]
    repository.save_draft(draft)
    case = repository.get_case(reference, advisor, record_view=False)
    assert (case.status, case.closed_at) == ("en_cours", None)
    assert "case.reopened_by_artisan" in audit_actions(audit, advisor, reference)


def test_statistics_and_export_rows(repository, engine, draft_factory, accounts, statistics):
    supervisor = add_user(accounts, role="supervisor")
    references = [
        repository.save_draft(draft_factory(categories=c, urgency=u, reasons={}))
        for c, u in [(["banque"], "haute"), (["banque", "impots"], "normale"), ([], None)]
    ]
    repository.add_call_attempt(references[0], supervisor, "joint")
    stats = statistics.weekly(supervisor, weeks=4)
    this_week = stats.weeks[-1]
    assert len(stats.weeks) == 4
    assert stats.cases_per_week[this_week] == {"banque": 2, "aucune": 1}
    assert stats.urgency_mix == {"haute": 1, "normale": 1, "non_evaluee": 1}
    assert len(stats.first_contact_hours["haute"]) == 1 and stats.first_contact_hours["haute"][0] < 1
    rows = statistics.export_rows(supervisor)
    assert [r["reference"] for r in rows] == references
    assert not any("Éloïse" in str(v) or "+336" in str(v) for r in rows for v in r.values())


def test_erasure_and_export_of_personal_data(repository, draft_factory, accounts, audit):
    supervisor = add_user(accounts, role="supervisor")
    reference = repository.save_draft(draft_factory())
    repository.add_note(reference, supervisor, "Éloïse rappellera")
    exported = repository.export_personal_data(reference, supervisor)
    assert exported["phone"] == "+33612345678" and exported["notes"][0]["body"] == "Éloïse rappellera"
    erased = repository.erase_personal_data(reference, supervisor)
    assert (erased.contact_name, erased.phone, erased.email, erased.transcript, erased.summary) == (
        None,
        None,
        None,
        [],
        "",
    )
    assert erased.status == "clos" and erased.categories == ["cotisations_sociales", "tresorerie"]
    assert repository.queue(supervisor, QueueFilters(statuses=("clos",), query="eloise")) == []
    assert audit_actions(audit, supervisor, reference)[-2:] == [
        "case.personal_data_exported",
        "case.personal_data_erased",
    ]


def test_retention_anonymises_old_closed_cases_and_cases_nobody_closed(
    repository, engine, draft_factory, accounts, audit
):
    """One policy (cases.retention.apply_retention) for both command lines: anonymise, never delete."""
    import dataclasses

    from cases.db import make_session_factory
    from chamber import load_chamber

    chamber = dataclasses.replace(load_chamber(), id="cma-hdf", retention_days=90, max_case_age_days=365)
    advisor = add_user(accounts)
    old, recent, open_, forgotten = (repository.save_draft(draft_factory()) for _ in range(4))
    for reference in (old, recent):
        repository.set_status(reference, advisor, "clos")
    repository.add_note(old, advisor, "sera effacé")
    with make_session_factory(engine)() as session, session.begin():
        session.execute(update(Case).where(Case.reference == old).values(closed_at=utcnow() - timedelta(days=91)))
        session.execute(
            update(Case).where(Case.reference == forgotten).values(created_at=utcnow() - timedelta(days=366))
        )
    report = apply_retention(
        str(engine.url.render_as_string(hide_password=False)), None, 7, {"cma-hdf": chamber}, "cma-hdf"
    )
    assert report.cases_anonymised == {"cma-hdf": 2} and report.open_cases_anonymised == {"cma-hdf": 1}
    cases = {c.reference: c for c in repository.queue(advisor, QueueFilters(statuses=()))}
    assert set(cases) == {old, recent, open_, forgotten}  # still counted in the statistics
    assert {r for r, c in cases.items() if c.erased_at is not None} == {old, forgotten}
    assert cases[forgotten].status == "clos" and cases[forgotten].phone is None and cases[open_].phone
    assert "case.personal_data_erased" in audit_actions(audit, advisor, old)


def test_login_failures_are_counted_but_lock_nothing(repository, accounts):
    user = add_user(accounts)
    now = datetime(2025, 3, 4, 9, 0, tzinfo=timezone.utc)
    locks = [accounts.register_login_failure(user.id, now) for _ in range(7)]
    assert locks == [None] * 7  # a lock per account is a weapon against its owner: the inbox throttles addresses
    assert accounts.find_user_by_email(user.email).failed_logins == 7
    unlocked = accounts.register_login_success(user.id)
    assert (unlocked.failed_logins, unlocked.locked_until) == (0, None)
    with pytest.raises(UserExists):
        add_user(accounts, email="CONSEIL@cma.fr")


def test_nul_characters_are_removed_before_storing(repository, draft_factory, accounts):
    # PostgreSQL refuses NUL in text: a stray one from a widget must not lose the case.
    draft = draft_factory(
        summary="résumé\x00",
        contact_name="Zoé\x00",
        transcript=[{"sender": "artisan", "text": "bon\x00jour", "at": "2025-03-04T09:00:00+00:00"}],
    )
    repository.save_draft(draft)
    case = repository.find_by_conversation(draft.conversation_id)
    assert (case.summary, case.contact_name, case.transcript[0]["text"]) == ("résumé", "Zoé", "bonjour")
    advisor = add_user(accounts)
    assert repository.add_note(case.reference, advisor, "note\x00").body == "note"
    assert [c.reference for c in repository.queue(advisor, QueueFilters(query="zo\x00e"))] == [case.reference]


@pytest.mark.parametrize("typed", ["599", "Saint-Pierre", "quelque part vers la mer", "x" * 300])
def test_a_place_that_cannot_be_read_is_kept_for_the_advisor_and_never_refuses_the_case(
    repository, draft_factory, typed
):
    draft = draft_factory(departement=typed, situation={"trade": "boulanger"})
    repository.save_draft(draft)
    case = repository.find_by_conversation(draft.conversation_id)
    assert case.departement is None
    assert case.situation == {"trade": "boulanger", "departement": typed}


@pytest.mark.parametrize(
    "given, stored",
    [
        ({"phone": "+33 6 12 34 56 78"}, {"phone": "+33612345678"}),
        ({"phone": "+33.6.12.34.56.78"}, {"phone": "+33612345678"}),
        ({"departement": "59000"}, {"departement": "59"}),
        ({"departement": "20090"}, {"departement": "2A"}),
        ({"departement": "20200"}, {"departement": "2B"}),
        ({"departement": "97411"}, {"departement": "974"}),
        ({"departement": "2a"}, {"departement": "2A"}),
        ({"departement": "1"}, {"departement": "01"}),
        ({"departement": "Arras"}, {"departement": "62"}),
        ({"departement": "pas de calais"}, {"departement": "62"}),
        ({"departement": "le Nord"}, {"departement": "59"}),
        ({"email": "  "}, {"email": None}),
    ],
)
def test_drafts_are_tidied_before_storing(repository, draft_factory, given, stored):
    draft = draft_factory(**given)
    repository.save_draft(draft)
    case = repository.find_by_conversation(draft.conversation_id)
    assert {k: getattr(case, k) for k in stored} == stored


@pytest.mark.parametrize(
    "zone, expected_week",
    [("Europe/Paris", "2026-11-30"), ("UTC", "2026-11-23")],  # Monday 00:30 in Paris is still Sunday in UTC
)
def test_weeks_begin_in_the_chambers_time_zone(
    repository, engine, draft_factory, accounts, statistics, zone, expected_week
):
    supervisor = add_user(accounts, role="supervisor")
    reference = repository.save_draft(draft_factory())
    with engine.begin() as connection:
        connection.execute(
            update(Case)
            .where(Case.reference == reference)
            .values(created_at=datetime(2026, 11, 29, 23, 30, tzinfo=timezone.utc))
        )
    now = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
    stats = statistics.weekly(supervisor, weeks=2, now=now, zone=ZoneInfo(zone))
    assert sum(stats.cases_per_week[expected_week].values()) == 1
    assert [row["semaine"] for row in statistics.export_rows(supervisor, record=False, zone=ZoneInfo(zone))] == [
        expected_week
    ]

"""cases.live on SQLite and PostgreSQL: states, messages and cursors, the atomic claim, presence, the distress
reminder, and what an erasure removes."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest

from cases.accounts import AccountRepository
from cases.db import make_engine, make_session_factory
from cases.errors import CaseNotFound, InvalidInput
from cases.live import (
    DISTRESS_WAIT_LINE,
    HEALTH_WITHHELD_LINE,
    RETURNED_LINE,
    LiveClosed,
    LiveConflict,
    LiveForbidden,
    LiveRepository,
    ended_line,
)

NOW = datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def live(engine):
    return LiveRepository(make_session_factory(engine))


@pytest.fixture
def advisor(accounts):
    def make(name="Marie Dupont", chamber="cma-hdf", email=None):
        email = email or f"{name.split()[0].lower()}-{id(object())}@cma.test"
        return accounts.create_user(email, name, chamber, "advisor", "x")

    return make


@pytest.fixture
def waiting_case(repository, live, draft_factory):
    def make(**overrides):
        draft = draft_factory(**overrides)
        reference = repository.save_draft(draft)
        live.request(draft.conversation_id, NOW)
        return draft.conversation_id, reference

    return make


def test_a_conversation_without_a_case_has_no_live_state_and_cannot_ask(live):
    assert live.state_of_conversation("nobody") is None
    with pytest.raises(CaseNotFound):
        live.request("nobody", NOW)
    with pytest.raises(LiveClosed):
        live.post_artisan("nobody", "bonjour", "c1")


def test_request_claim_talk_hand_back_and_ask_again(live, waiting_case, advisor, audit):
    conversation, reference = waiting_case()
    marie = advisor("Marie Dupont")
    state = live.state_of_conversation(conversation)
    assert (state.state, state.advisor, state.last_id) == ("waiting", None, 0)

    first = live.post_artisan(conversation, "Bonjour, je suis là", "a-1", NOW)
    state, joined = live.claim(reference, marie, "conseillère", NOW)
    assert state.state == "active" and state.advisor == "Marie"
    assert joined.sender == "system"
    assert joined.text == "Marie, conseillère de la chambre, a rejoint la conversation."
    reply = live.post_advisor(reference, marie, "Bonjour, je vous lis.", "m-1", NOW)
    assert first.id < joined.id < reply.id

    # The artisan's page reloads: it resumes after the last id it saw and misses nothing.
    assert [m.text for m in live.messages_after(state.case_id, first.id)] == [joined.text, "Bonjour, je vous lis."]
    assert live.state_of_conversation(conversation).public() == {
        "state": "active",
        "advisor": "Marie",
        "last_id": reply.id,
    }

    state, back = live.hand_back(reference, marie, NOW)
    assert state.state == "returned" and back.text == RETURNED_LINE and state.advisor is None
    with pytest.raises(LiveClosed):
        live.post_artisan(conversation, "encore là ?", "a-2", NOW)  # goes to the bot now
    with pytest.raises(LiveClosed):  # over, not another advisor's: the inbox says "terminée"
        live.post_advisor(reference, marie, "Vous êtes là ?", "m-2", NOW)

    assert live.request(conversation, NOW + timedelta(minutes=5)).state == "waiting"  # asked again later
    state, _ = live.claim(reference, marie, "conseillère", NOW + timedelta(minutes=6))
    state, closing = live.close(reference, marie, "Je vous rappelle demain matin. Bonne journée !", NOW)
    assert state.state == "ended"
    assert [(m.sender, m.text) for m in closing] == [
        ("advisor", "Je vous rappelle demain matin. Bonne journée !"),
        ("system", ended_line("Marie")),
    ]
    actions = [e.action for e in audit.entries(marie, case_reference=reference)]
    assert {"live.requested", "live.claimed", "live.advisor_message", "live.handed_back", "live.closed"} <= set(actions)


def test_claiming_makes_the_advisor_follow_the_case(live, waiting_case, advisor, repository):
    _, reference = waiting_case()
    marie = advisor()
    live.claim(reference, marie, "conseillère", NOW)
    case = repository.get_case(reference, marie, record_view=False)
    assert case.assignee_id == marie.id and case.status == "en_cours" and case.first_contact_at == NOW


def test_a_message_sent_twice_with_its_client_id_is_stored_once(live, waiting_case, advisor):
    conversation, reference = waiting_case()
    once = live.post_artisan(conversation, "J'ai une dette URSSAF", "same-id", NOW)
    again = live.post_artisan(conversation, "J'ai une dette URSSAF", "same-id", NOW)
    assert once.id == again.id
    assert len(live.messages_after(once.case_id)) == 1
    marie = advisor()
    live.claim(reference, marie, "conseiller", NOW)
    sent = live.post_advisor(reference, marie, "Je regarde.", "adv-1", NOW)
    assert live.post_advisor(reference, marie, "Je regarde.", "adv-1", NOW).id == sent.id


def test_only_the_holder_speaks_and_ends(live, waiting_case, advisor):
    _, reference = waiting_case()
    marie, paul = advisor("Marie"), advisor("Paul")
    with pytest.raises(LiveForbidden):
        live.post_advisor(reference, marie, "avant de rejoindre", None, NOW)
    live.claim(reference, marie, "conseillère", NOW)
    with pytest.raises(LiveConflict):
        live.claim(reference, paul, "conseiller", NOW)
    for attempt in (
        lambda: live.post_advisor(reference, paul, "moi aussi", None, NOW),
        lambda: live.hand_back(reference, paul, NOW),
        lambda: live.close(reference, paul, "", NOW),
    ):
        with pytest.raises(LiveForbidden):
            attempt()
    state, joined = live.claim(reference, marie, "conseillère", NOW)  # the holder's page reloads
    assert state.state == "active" and joined is None


def test_another_chambers_advisor_sees_nothing(live, waiting_case, advisor):
    _, reference = waiting_case()
    outsider = advisor("Zoé", chamber="cma-autre")
    with pytest.raises(CaseNotFound):
        live.claim(reference, outsider, "conseillère", NOW)
    with pytest.raises(CaseNotFound):
        live.state_of_case(reference, outsider)


def test_messages_are_checked(live, waiting_case):
    conversation, _ = waiting_case()
    for text in ("", "   ", "x" * 2001, None, 42):
        with pytest.raises(InvalidInput):
            live.post_artisan(conversation, text, None, NOW)
    with pytest.raises(InvalidInput):
        live.post_artisan(conversation, "ok", "x" * 65, NOW)
    assert live.post_artisan(conversation, "sans\x00nul", None, NOW).text == "sansnul"


def _race_claims(repositories, advisors, reference) -> dict[str, str]:
    """Each advisor claims through their own repository (own engine), in a thread, released together."""
    barrier = threading.Barrier(len(advisors))
    outcome: dict[str, str] = {}

    def claim(index: int) -> None:
        barrier.wait()
        try:
            repositories[index].claim(reference, advisors[index], "conseiller", NOW)
            outcome[advisors[index].name] = "won"
        except LiveConflict:
            outcome[advisors[index].name] = "refused"

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(len(advisors))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcome


def test_two_advisors_claiming_at_once_one_wins(database_url, repository, draft_factory):
    """Two sessions of their own, in two threads, released together: exactly one claim succeeds."""
    results = []
    for _ in range(5):  # several rounds: a race that passes once by luck fails one of them
        draft = draft_factory()
        reference = repository.save_draft(draft)
        engines = [make_engine(database_url) for _ in range(2)]
        repositories = [LiveRepository(make_session_factory(e)) for e in engines]
        repositories[0].request(draft.conversation_id, NOW)
        accounts = AccountRepository(make_session_factory(engines[0]))
        advisors = [
            accounts.create_user(f"{name}-{reference}@cma.test", name, "cma-hdf", "advisor", "x")
            for name in ("Marie", "Paul")
        ]
        outcome = _race_claims(repositories, advisors, reference)
        for engine in engines:
            engine.dispose()
        assert sorted(outcome.values()) == ["refused", "won"], outcome
        winner = next(name for name, result in outcome.items() if result == "won")
        state = repositories[0].state_of_conversation(draft.conversation_id)
        assert state.advisor == winner
        joined = [m for m in repositories[0].messages_after(state.case_id) if m.sender == "system"]
        assert len(joined) == 1  # one "a rejoint la conversation", never two
        results.append(winner)
    assert len(results) == 5


def test_presence_counts_recent_heartbeats_of_the_chamber(live, advisor, accounts):
    marie, zoe = advisor("Marie"), advisor("Zoé", chamber="cma-autre")
    assert live.advisors_present("cma-hdf", NOW) == 0
    live.heartbeat(marie, NOW)
    live.heartbeat(zoe, NOW)
    assert live.advisors_present("cma-hdf", NOW + timedelta(seconds=60)) == 1
    live.heartbeat(marie, NOW + timedelta(seconds=30))  # a second heartbeat is the same advisor
    assert live.advisors_present("cma-hdf", NOW + timedelta(seconds=60)) == 1
    assert live.advisors_present("cma-hdf", NOW + timedelta(seconds=121)) == 0  # the page was closed
    # A heartbeat stamped by a clock set forward (a test's, a skewed server's) is no presence once the clock is
    # back: the live offer would follow every handoff until that time.
    live.heartbeat(marie, NOW + timedelta(hours=2))
    assert live.advisors_present("cma-hdf", NOW + timedelta(seconds=130)) == 0
    assert live.advisors_present("cma-hdf", NOW + timedelta(hours=2, seconds=30)) == 1


def minutes(count):
    return lambda _chamber: timedelta(minutes=count)


def promise(_chamber, _now, slot, urgency):
    return f"le jeudi ({slot}, {urgency})"


def test_a_distress_wait_is_reminded_once_after_the_chamber_delay(live, waiting_case, advisor):
    distress_conversation, distress_reference = waiting_case(distress=True, urgency="critique")
    calm_conversation, _ = waiting_case(distress=False)

    def remind(at):
        return live.remind_waits(at, minutes(3), minutes(60), promise)

    assert remind(NOW + timedelta(minutes=2, seconds=59)) == []
    reminded = remind(NOW + timedelta(minutes=3))
    assert [(s.reference, m.text) for s, m in reminded] == [(distress_reference, DISTRESS_WAIT_LINE)]
    assert "3114" in DISTRESS_WAIT_LINE
    assert remind(NOW + timedelta(minutes=10)) == []  # once per wait
    # Claimed, handed back and asked again: a new wait, a new reminder when it lasts.
    marie = advisor()
    live.claim(distress_reference, marie, "conseillère", NOW + timedelta(minutes=11))
    live.hand_back(distress_reference, marie, NOW + timedelta(minutes=12))
    live.request(distress_conversation, NOW + timedelta(minutes=20))
    assert len(remind(NOW + timedelta(minutes=23))) == 1
    assert live.state_of_conversation(calm_conversation).last_id == 0  # its own, longer wait is not over


@pytest.mark.parametrize(
    "contact, expected",
    [
        ({}, "un conseiller vous rappellera le jeudi (mardi 10h-12h, normale)."),
        ({"phone": None}, "un conseiller vous répondra à l'adresse e-mail que vous avez donnée."),
        ({"phone": None, "email": None}, "Votre demande est bien enregistrée auprès de la chambre."),
    ],
)
def test_a_calm_wait_is_told_once_that_its_callback_stands(live, waiting_case, advisor, audit, contact, expected):
    _, reference = waiting_case(distress=False, **contact)
    marie = advisor()

    def remind(at):
        return live.remind_waits(at, minutes(3), minutes(10), promise)

    assert remind(NOW + timedelta(minutes=9, seconds=59)) == []  # the distress delay is not a calm one's
    reminded = remind(NOW + timedelta(minutes=10))
    assert [(s.reference, m.sender) for s, m in reminded] == [(reference, "system")]
    line = reminded[0][1].text
    assert line.startswith("Aucun conseiller n'a encore pu vous rejoindre ici") and expected in line
    assert "3114" not in line and line.count(". ") <= 2  # three sentences at most
    assert remind(NOW + timedelta(minutes=30)) == []  # once per wait
    assert "live.wait_reminder" in [entry.action for entry in audit.entries(marie, case_reference=reference)]
    # Still waiting: an advisor may join after the reminder.
    state, _ = live.claim(reference, marie, "conseillère", NOW + timedelta(minutes=31))
    assert state.state == "active"


@pytest.mark.parametrize("end", ["close", "hand_back", "artisan_left"])
def test_without_the_health_consent_health_lines_are_not_kept_once_the_exchange_ends(
    live, waiting_case, advisor, repository, end
):
    conversation, reference = waiting_case(health_consent=False)
    marie = advisor()
    live.claim(reference, marie, "conseillère", NOW)
    said = [
        ("artisan", "Bonjour, l'URSSAF me réclame 4000 euros."),
        ("advisor", "Je regarde votre dossier."),
        ("artisan", "Et depuis mon burn-out je n'arrive plus à travailler."),
        ("advisor", "Votre burn-out compte, on en tient compte."),
        ("advisor", "Avez-vous reçu une mise en demeure ?"),
        ("artisan", "Oui, la semaine dernière."),
    ]
    for number, (sender, text) in enumerate(said):
        if sender == "artisan":
            live.post_artisan(conversation, text, f"a-{number}", NOW)
        else:
            live.post_advisor(reference, marie, text, f"m-{number}", NOW)
    # While they talk, the advisor reads every word.
    case_id = live.state_of_case(reference, marie).case_id
    assert [m.text for m in live.messages_after(case_id)][1:] == [text for _, text in said]

    {
        "close": lambda: live.close(reference, marie, None, NOW),
        "hand_back": lambda: live.hand_back(reference, marie, NOW),
        "artisan_left": lambda: live.artisan_left(conversation, NOW),
    }[end]()
    kept = [m.text for m in live.messages_after(case_id) if m.sender != "system"]
    assert kept == [
        "Bonjour, l'URSSAF me réclame 4000 euros.",
        "Je regarde votre dossier.",
        HEALTH_WITHHELD_LINE,
        HEALTH_WITHHELD_LINE,  # the advisor's reply right after may say it back
        "Avez-vous reçu une mise en demeure ?",
        "Oui, la semaine dernière.",
    ]
    exported = repository.export_personal_data(reference, marie)
    assert not any("burn-out" in m["text"] for m in exported["live_messages"])


def test_with_the_health_consent_the_live_lines_are_kept_whole(live, waiting_case, advisor):
    conversation, reference = waiting_case(health_consent=True)
    marie = advisor()
    live.claim(reference, marie, "conseillère", NOW)
    live.post_artisan(conversation, "Depuis mon burn-out je n'arrive plus à travailler.", "a-1", NOW)
    live.close(reference, marie, None, NOW)
    case_id = live.state_of_case(reference, marie).case_id
    assert "Depuis mon burn-out je n'arrive plus à travailler." in [m.text for m in live.messages_after(case_id)]


def test_erasure_removes_the_live_chat(live, waiting_case, advisor, repository):
    conversation, reference = waiting_case()
    live.post_artisan(conversation, "Mon nom est Éloïse Martin", "a-1", NOW)
    supervisor = advisor("Sylvie")
    exported = repository.export_personal_data(reference, supervisor)
    assert [m["text"] for m in exported["live_messages"]] == ["Mon nom est Éloïse Martin"]
    repository.erase_personal_data(reference, supervisor)
    state = live.state_of_case(reference, supervisor)
    assert state.state == "none" and state.last_id == 0
    assert live.state_of_conversation(conversation) is None


def test_distress_said_in_the_live_chat_marks_the_case_and_gets_the_3114_at_once(
    live, waiting_case, advisor, repository, audit
):
    conversation, reference = waiting_case(distress=False, urgency="normale")
    marie = advisor()
    live.post_artisan(conversation, "Je ne sais plus quoi faire avec ces dettes.", "a-1", NOW)
    case = repository.get_case(reference, marie, record_view=False)
    assert (case.distress, case.urgency) == (False, "normale")  # worry is not distress

    said = live.post_artisan(conversation, "je pense à mettre fin à mes jours", "a-2", NOW)
    case = repository.get_case(reference, marie, record_view=False)
    assert (case.distress, case.urgency) == (True, "critique")
    assert live.state_of_conversation(conversation).distress
    # Nobody has joined yet: the 3114 line follows the artisan's message at once, and is this wait's reminder.
    after = live.messages_after(live.state_of_conversation(conversation).case_id, said.id)
    assert [(m.sender, m.text) for m in after] == [("system", DISTRESS_WAIT_LINE)]
    assert live.remind_waits(NOW + timedelta(minutes=61), minutes(3), minutes(60), promise) == []
    actions = [e.action for e in audit.entries(marie, case_reference=reference)]
    assert actions.count("live.distress_expressed") == 1
    live.post_artisan(conversation, "je veux mourir", "a-3", NOW)  # already marked: audited and answered once
    assert [e.action for e in audit.entries(marie, case_reference=reference)].count("live.distress_expressed") == 1


def test_distress_said_to_the_advisor_holding_the_chat_marks_the_case_without_a_system_line(
    live, waiting_case, advisor, repository
):
    conversation, reference = waiting_case(distress=False, urgency="normale")
    marie = advisor()
    live.claim(reference, marie, "conseillère", NOW)
    said = live.post_artisan(conversation, "j'ai envie d'en finir", "a-1", NOW)
    assert repository.get_case(reference, marie, record_view=False).distress
    assert live.messages_after(live.state_of_conversation(conversation).case_id, said.id) == []

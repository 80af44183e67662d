"""Parts of the production system fail while artisans talk to it; each test states what must happen."""

from __future__ import annotations

import re
import threading
import time

from tests.production.conftest import OPENING
from tests.support.intake import ANSWERS

REFERENCE = re.compile(r"RL-[0-9A-Z]{6}")


def _converse_in_threads(artisans, under_way: int, go_on: threading.Event):
    """Each artisan says `under_way` messages, then waits for `go_on` and talks on, without pausing,
    until a case reference: the conversations are all in the middle when `go_on` is set."""
    errors: list[BaseException] = []

    def converse(artisan) -> None:
        try:
            artisan.say("bonjour")
            artisan.say(OPENING)
            while len(artisan.turns) < under_way:
                artisan.answer_next_question()
            assert go_on.wait(300), "never told to go on"
            artisan.walk_until(None)
        except BaseException as error:  # noqa: BLE001 - pytest.fail raises a BaseException
            errors.append(error)

    threads = [threading.Thread(target=converse, args=(artisan,), daemon=True) for artisan in artisans]
    for thread in threads:
        thread.start()
    return threads, errors


def _actions_logs(system) -> str:
    return "".join(system.log(name) for name in system.stack.processes if name.startswith("actions"))


def _wait_until(condition, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_rasa_server_killed_during_conversations_loses_no_message(system):
    artisans = [system.artisan() for _ in range(4)]
    go_on = threading.Event()
    threads, errors = _converse_in_threads(artisans, 4, go_on)
    _wait_until(lambda: all(len(a.turns) >= 4 for a in artisans) or errors, 300, "every conversation under way")

    go_on.set()  # every conversation talks on at full speed while the server dies: some turns are in flight
    system.stack.processes["rasa-1"].kill()  # as in a crash: no goodbye, its locks left in Redis
    for thread in threads:
        thread.join(timeout=400)
    assert not errors, "\n".join(map(str, errors))

    for artisan in artisans:
        # Every message got an answer, the ones sent during the crash from the other server.
        assert all(turn.status == 200 and turn.replies for turn in artisan.turns), artisan.turns
        # Each message in the conversation exactly once: none lost, none processed twice by the replay.
        assert artisan.user_texts_in_tracker() == [turn.text for turn in artisan.turns], artisan.transcript()
        assert len(system.cases_of(artisan.sender)) == 1

    # Restarted, the server takes conversations again.
    system.stack.restart("rasa-1", timeout=400)
    print(f"\nrasa-1 ready again in {system.stack.processes['rasa-1'].ready_seconds:.1f} s")
    artisan = system.artisan()
    for _ in range(4):  # without X-Relais-Conversation, these go to either server
        assert artisan.say("bonjour").replies


def test_a_message_received_twice_is_processed_once(system):
    """What a replay after a crash looks like to Rasa: the widget resending, or nginx retrying elsewhere."""
    artisan = system.artisan()
    artisan.walk_until("contact_name")
    message = {"sender": artisan.sender, "message": ANSWERS["contact_name"], "metadata": {"client_message_id": "m-42"}}
    first = system.http.post(f"{system.public_url}/webhooks/rest/webhook", json=message)
    again = system.http.post(f"{system.public_url}/webhooks/rest/webhook", json=message)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and first.json()  # the same answers, sent again
    assert artisan.user_texts_in_tracker().count(ANSWERS["contact_name"]) == 1
    assert artisan.slots()["requested_slot"] == "phone"  # the form moved on by one question only


def test_action_servers_killed_in_the_middle_of_a_form(system):
    artisan = system.artisan()
    artisan.walk_until("contact_name")

    # One of two action servers dies: nginx sends Rasa's calls to the other, nothing shows.
    system.stack.processes["actions-1"].kill()
    turn = artisan.answer_next_question()
    assert turn.status == 200 and turn.replies, turn
    assert artisan.slots()["requested_slot"] == "phone"

    # The other one dies too: the artisan still gets an answer (bot.no_silence: the question again), no
    # error, and the form is not lost.
    system.stack.processes["actions-2"].kill()
    turn = artisan.say(ANSWERS["phone"])
    assert turn.status == 200 and turn.replies, turn
    slots = artisan.slots()
    assert slots["requested_slot"] == "phone" and slots["contact_name"], slots

    # Restarted, the form resumes at the question it was on and the conversation ends with one case.
    for name in ("actions-1", "actions-2"):
        system.stack.restart(name)
    system.wait_until_routed(system.actions_health_through_nginx())
    turn = artisan.answer_next_question()
    assert turn.replies, turn
    assert artisan.slots()["requested_slot"] == "email"
    artisan.walk_until(None)
    assert len(system.cases_of(artisan.sender)) == 1


def test_postgres_unreachable_for_10_s_during_handoffs(system):
    artisans = [system.artisan() for _ in range(3)]
    for artisan in artisans:
        artisan.walk_until("departement")  # the place, asked last when the first messages did not say it
    # Each case was stored with the phone number, before the outage.
    stored = {artisan.sender: system.cases_of(artisan.sender) for artisan in artisans}
    assert all(len(cases) == 1 for cases in stored.values()), stored

    references = {}
    system.cases_proxy.stop()
    try:
        for artisan in artisans:
            turn = artisan.say(ANSWERS["departement"])
            assert turn.status == 200, turn
            said = " ".join(turn.replies)
            # The artisan still gets the reference, and is told plainly that the rest will be passed on.
            references[artisan.sender] = REFERENCE.search(said).group(0)
            assert references[artisan.sender] == stored[artisan.sender][0][0]
            assert "momentanément indisponible" in said, said
        assert system.http.get(f"{system.public_url}/readyz").status_code == 503
        # The database stays down until the action servers' background flush has failed on it once.
        _wait_until(lambda: "still unreachable" in _actions_logs(system), 60, "a flush attempt during the outage")
    finally:
        system.cases_proxy.start()

    # The action servers' outboxes store the spooled updates once the database is back: one case each.
    outbox = system.settings.var_dir / "outbox"
    _wait_until(lambda: not list(outbox.glob("actions-*/*.json")), 60, "the spooled updates")
    for artisan in artisans:
        assert system.cases_of(artisan.sender) == [(references[artisan.sender], "nouveau")]
        assert system.api("GET", f"/cases/{references[artisan.sender]}").json()["departement"] == "59"
    spooled = list(outbox.glob("actions-*/*.json"))
    assert spooled == []
    assert system.http.get(f"{system.public_url}/readyz").status_code == 200

    # The inbox shows them, with the reference the artisan was given.
    listed = system.api("GET", "/cases", params={"q": references[artisans[0].sender]}).json()
    assert [case["reference"] for case in listed] == [references[artisans[0].sender]]


def test_redis_unreachable_conversations_go_on(system):
    artisan = system.artisan()
    assert artisan.say("bonjour").replies

    system.redis_proxy.stop()
    try:
        turns = [artisan.say("ma banque m'a coupé le découvert")]
        for _ in range(3):
            turns.append(artisan.answer_next_question())
        assert all(turn.status == 200 and turn.replies for turn in turns), turns
    finally:
        system.redis_proxy.start()

    logs = system.log("rasa-1") + system.log("rasa-2")
    assert "Redis unreachable, using in-process locks" in logs

    # Back to Redis: the lock store tries it again after a while; a probe conversation's turns show when.
    probe = system.artisan()
    _wait_until(
        lambda: probe.say("bonjour").replies and "Redis answers again" in system.log("rasa-1") + system.log("rasa-2"),
        30,
        "Redis again",
    )
    for _ in range(2):
        turn = artisan.answer_next_question()
        assert turn.status == 200 and turn.replies, turn
    artisan.walk_until(None)
    assert len(system.cases_of(artisan.sender)) == 1

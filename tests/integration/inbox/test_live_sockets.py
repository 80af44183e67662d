"""The live chat through the web app (issue 16, /work/live-protocol.md): the artisan's and the advisor's sockets,
the claim, reconnections that lose nothing, the advisors' presence, and who may do what. Starlette's
TestClient drives the real app on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import uuid
from datetime import datetime, timezone

import pytest
from starlette.websockets import WebSocketDisconnect

from cases.live import ARTISAN_LEFT_LINE, DISTRESS_WAIT_LINE, RETURNED_LINE
from inbox.pages.live import ENDED
from tests.integration.inbox.conftest import CHAMBER, OTHER_CHAMBER, api_login, csrf_from, draft

# Starlette's test sockets wait for a frame without a time limit: a frame that never comes fails the test
# in two minutes (pytest-timeout) instead of holding the whole suite.
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def live_case(repository, app):
    """A case whose artisan chose to chat now (what the action server does)."""

    def make(**overrides):
        # Its own conversation id: the conftest's counter may be imported twice (as a plugin and a module).
        case_draft = draft(**{"conversation_id": f"live-{uuid.uuid4().hex}", **overrides})
        reference = repository.save_draft(case_draft)
        app.state.context.live.request(case_draft.conversation_id)
        return case_draft.conversation_id, reference

    return make


@pytest.fixture
def advisor_client(new_client, make_user):
    """A browser of an advisor logged in through the API: (client, user, csrf)."""

    def make(name="Marie Curie", chamber=CHAMBER):
        user = make_user(name=name, chamber=chamber)
        client = new_client()
        return client, user, api_login(client, user.email)

    return make


def receive_until(socket, predicate, limit=20):
    """The frames received until one matches (the matching one last)."""
    frames = []
    for _ in range(limit):
        frame = socket.receive_json()
        frames.append(frame)
        if predicate(frame):
            return frames
    raise AssertionError(f"no matching frame in {frames}")


def is_message(text):
    return lambda frame: frame.get("type") == "message" and frame.get("text") == text


def test_the_artisan_and_the_advisor_talk_both_ways(client, live_case, advisor_client):
    conversation, reference = live_case()
    assert client.get(f"/widget/live/{conversation}/state").json() == {
        "state": "waiting",
        "advisor": None,
        "last_id": 0,
    }
    marie, _, csrf = advisor_client("Marie Curie")
    with client.websocket_connect(f"/widget/live/{conversation}?after=0") as artisan:
        assert artisan.receive_json() == {"type": "state", "state": "waiting", "advisor": None}
        artisan.send_json({"type": "message", "text": "Bonjour, il y a quelqu'un ?", "client_id": "a-1"})
        echo = receive_until(artisan, is_message("Bonjour, il y a quelqu'un ?"))[-1]
        assert echo["sender"] == "artisan" and echo["client_id"] == "a-1"

        claimed = marie.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": csrf})
        assert claimed.status_code == 200, claimed.text
        assert claimed.json()["state"] == "active" and claimed.json()["advisor"] == "Marie"
        frames = receive_until(artisan, lambda f: f.get("type") == "state")
        joined = "Marie, conseillère de la chambre, a rejoint la conversation."
        assert [f.get("text") for f in frames if f["type"] == "message"] == [joined]
        assert frames[-1] == {"type": "state", "state": "active", "advisor": "Marie"}

        with marie.websocket_connect(f"/inbox/live/{reference}?after=0") as advisor:
            frames = receive_until(advisor, is_message(joined))
            assert frames[0] == {"type": "state", "state": "active", "advisor": "Marie"}
            assert [f["text"] for f in frames if f["type"] == "message"] == ["Bonjour, il y a quelqu'un ?", joined]
            assert {"type": "presence", "artisan": "online"} in frames  # the artisan's page is open
            advisor.send_json(
                {"type": "message", "text": "Bonjour, je suis Marie. Je vous écoute.", "client_id": "m-1"}
            )
            got = receive_until(artisan, is_message("Bonjour, je suis Marie. Je vous écoute."))[-1]
            assert got["sender"] == "advisor" and isinstance(got["id"], int)
            artisan.send_json({"type": "message", "text": "L'URSSAF me relance", "client_id": "a-2"})
            assert receive_until(advisor, is_message("L'URSSAF me relance"))[-1]["sender"] == "artisan"

            advisor.send_json({"type": "handback"})
            frames = receive_until(artisan, lambda f: f.get("type") == "state")
            assert frames[-2]["text"] == RETURNED_LINE and frames[-1]["state"] == "returned"
    assert client.get(f"/widget/live/{conversation}/state").json()["state"] == "returned"


def test_a_reload_or_a_lost_connection_loses_nothing_and_keeps_the_takeover(client, live_case, advisor_client):
    conversation, reference = live_case()
    marie, _, csrf = advisor_client()
    marie.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": csrf}).raise_for_status()
    with client.websocket_connect(f"/widget/live/{conversation}?after=0") as artisan:
        seen = receive_until(artisan, lambda f: f.get("type") == "message")[-1]["id"]
    # The artisan's tab is closed; the advisor writes meanwhile.
    with marie.websocket_connect(f"/inbox/live/{reference}") as advisor:
        advisor.receive_json()
        advisor.send_json({"type": "message", "text": "Êtes-vous toujours là ?", "client_id": "m-1"})
        receive_until(advisor, is_message("Êtes-vous toujours là ?"))
    state = client.get(f"/widget/live/{conversation}/state").json()
    assert state["state"] == "active" and state["last_id"] > seen  # the takeover goes on
    with client.websocket_connect(f"/widget/live/{conversation}?after={seen}") as artisan:
        frames = receive_until(artisan, is_message("Êtes-vous toujours là ?"))
        assert frames[0]["type"] == "state" and [f["type"] for f in frames[1:]] == ["message"]
        # A message resent (its echo was lost with the connection; its client_id known): stored once, and
        # echoed again so that the page can empty its outbox. Sent twice at once, the two may share one echo
        # (the resend can be handled before the first echo came back through the bus): that is enough for
        # the page, which waits for one echo per client_id, so the resend waits for the first echo here.
        artisan.send_json({"type": "message", "text": "Oui, pardon", "client_id": "a-9"})
        first = receive_until(artisan, is_message("Oui, pardon"))[-1]
        artisan.send_json({"type": "message", "text": "Oui, pardon", "client_id": "a-9"})
        second = receive_until(artisan, is_message("Oui, pardon"))[-1]
        assert first["id"] == second["id"]
    messages = marie.get(f"/api/v1/cases/{reference}/live").json()["messages"]
    assert [m["text"] for m in messages].count("Oui, pardon") == 1


def test_a_second_advisor_is_refused_and_cannot_listen(client, live_case, advisor_client):
    _, reference = live_case()
    marie, _, marie_csrf = advisor_client("Marie")
    paul, _, paul_csrf = advisor_client("Paul")
    with paul.websocket_connect(f"/inbox/live/{reference}") as reader:  # waiting: any advisor may read
        assert reader.receive_json()["state"] == "waiting"
    assert marie.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": marie_csrf}).status_code == 200
    refused = paul.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": paul_csrf})
    assert refused.status_code == 409
    assert refused.json() == {"detail": "Un autre conseiller a déjà rejoint cette conversation."}
    with pytest.raises(WebSocketDisconnect) as closed, paul.websocket_connect(f"/inbox/live/{reference}") as socket:
        socket.receive_json()
    assert closed.value.code == 4403


def test_who_may_open_the_sockets(client, app, live_case, advisor_client):
    conversation, reference = live_case()
    with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(f"/inbox/live/{reference}") as socket:
        socket.receive_json()
    assert closed.value.code == 4401  # no session
    outsider, _, _ = advisor_client("Zoé", chamber=OTHER_CHAMBER)
    with pytest.raises(WebSocketDisconnect) as closed, outsider.websocket_connect(f"/inbox/live/{reference}") as s:
        s.receive_json()
    assert closed.value.code == 4403  # another chamber's case
    marie, _, _ = advisor_client()
    evil = {"origin": "https://evil.example"}
    with pytest.raises(WebSocketDisconnect), marie.websocket_connect(f"/inbox/live/{reference}", headers=evil) as s:
        s.receive_json()  # a page of another site cannot use the advisor's cookie
    with (
        pytest.raises(WebSocketDisconnect),
        client.websocket_connect(f"/widget/live/{conversation}", headers=evil) as s,
    ):
        s.receive_json()
    assert client.get(f"/widget/live/{conversation}/state", headers=evil).status_code == 403
    allowed = app.state.live_origins[0]
    answer = client.get(f"/widget/live/{conversation}/state", headers={"origin": allowed})
    assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] == allowed
    # An unknown conversation says nothing, and its socket closes after saying so.
    assert client.get("/widget/live/unknown-conversation/state").json() == {
        "state": "none",
        "advisor": None,
        "last_id": 0,
    }
    with client.websocket_connect("/widget/live/unknown-conversation") as socket:
        assert socket.receive_json() == {"type": "state", "state": "none", "advisor": None}


def test_the_closing_line_reaches_the_artisan_and_the_socket_ends(client, live_case, advisor_client):
    conversation, reference = live_case()
    marie, _, csrf = advisor_client("Marie")
    marie.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": csrf}).raise_for_status()
    with (
        client.websocket_connect(f"/widget/live/{conversation}") as artisan,
        marie.websocket_connect(f"/inbox/live/{reference}") as advisor,
    ):
        advisor.receive_json()
        advisor.send_json({"type": "close", "text": "Je vous rappelle demain à 9 h. Bon courage !"})
        frames = receive_until(artisan, lambda f: f.get("type") == "state" and f["state"] == "ended")
        texts = [f["text"] for f in frames if f["type"] == "message"]
        assert "Je vous rappelle demain à 9 h. Bon courage !" in texts
        assert texts[-1].startswith("La conversation avec Marie est terminée.")
    # The artisan's page reloads later: the socket says the state and ends; the message goes to the bot.
    with client.websocket_connect(f"/widget/live/{conversation}?after=0") as artisan:
        frames = receive_until(artisan, lambda f: f.get("type") == "state")
        assert frames[-1]["state"] == "ended"


def test_presence_counts_the_heartbeats(client, app, advisor_client):
    marie, _, csrf = advisor_client()
    live = app.state.context.live
    assert live.advisors_present(CHAMBER) == 0
    assert marie.post("/api/v1/presence", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert live.advisors_present(CHAMBER) == 1
    assert marie.post("/api/v1/presence").status_code == 403  # a cookie without the CSRF header


def test_a_distress_wait_gets_the_3114_reminder_on_the_artisans_socket(client, app, live_case, monkeypatch):
    conversation, _ = live_case(distress=True, urgency="critique")
    hub = app.state.context.hub
    monkeypatch.setenv("RELAIS_NOW", "2099-01-01T00:00:00+00:00")  # long after the request: the wait is over
    with client.websocket_connect(f"/widget/live/{conversation}") as artisan:
        artisan.receive_json()
        assert client.portal.call(hub.remind_waits) == 1
        reminder = receive_until(artisan, lambda f: f.get("type") == "message")[-1]
        assert reminder == {**reminder, "sender": "system", "text": DISTRESS_WAIT_LINE}
        assert "3114" in reminder["text"]
    assert datetime.now(timezone.utc).year < 2099  # the real clock was never touched


def test_a_calm_wait_nobody_joins_is_told_its_callback_stands_on_the_artisans_socket(
    client, app, live_case, monkeypatch
):
    conversation, _ = live_case(distress=False)
    hub = app.state.context.hub
    with client.websocket_connect(f"/widget/live/{conversation}") as artisan:
        artisan.receive_json()
        assert client.portal.call(hub.remind_waits) == 0  # just asked: nothing to say yet
        monkeypatch.setenv("RELAIS_NOW", "2099-01-01T00:00:00+00:00")  # the chamber's wait_minutes are over
        assert client.portal.call(hub.remind_waits) == 1
        line = receive_until(artisan, lambda f: f.get("type") == "message")[-1]
        assert line["sender"] == "system"
        assert "Aucun conseiller n'a encore pu vous rejoindre" in line["text"]
        assert "un conseiller vous rappellera le jeudi" in line["text"]  # the chamber's hours, the artisan's slot
        assert client.portal.call(hub.remind_waits) == 0  # once


def test_the_queue_puts_live_requests_first_and_the_case_page_shows_the_live_panel(
    client, app, live_case, advisor_client, seed_case
):
    urgent = seed_case(urgency="critique", categories=["banque"])
    conversation, reference = live_case(urgency="basse")
    marie, _, csrf = advisor_client("Marie Curie")
    queue = marie.get("/inbox").text.split('id="queue-rows"')[1]
    assert queue.index(reference) < queue.index(urgent)  # an artisan waiting in the widget first
    assert "Attend en direct" in queue
    assert app.state.context.live.advisors_present(CHAMBER) == 1  # the queue page counts as presence

    page = marie.get(f"/inbox/dossiers/{reference}").text
    assert 'id="live"' in page and "Rejoindre la conversation" in page
    assert 'aria-live="polite"' in page and "/inbox/static/live.js" in page
    marie.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": csrf}).raise_for_status()
    with client.websocket_connect(f"/widget/live/{conversation}") as artisan:
        artisan.receive_json()
        artisan.send_json({"type": "message", "text": "Merci beaucoup", "client_id": "a-1"})
        receive_until(artisan, is_message("Merci beaucoup"))
    page = marie.get(f"/inbox/dossiers/{reference}").text
    # The live part joins the case's transcript, after the conversation with the bot.
    assert page.index("ma banque a coupé mon découvert") < page.index("Marie, conseillère de la chambre")
    assert page.index("Marie, conseillère de la chambre") < page.index("Merci beaucoup")
    assert "Rendre la main à l'assistant" in page and "Clore la conversation" in page
    assert "En direct avec Marie" in marie.get("/inbox").text


def test_erasing_in_the_widget_ends_the_session_and_the_advisor_is_told_without_content(
    client, app, live_case, advisor_client
):
    conversation, reference = live_case()
    marie, _, csrf = advisor_client("Marie Curie")
    assert marie.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": csrf}).status_code == 200
    with marie.websocket_connect(f"/inbox/live/{reference}?after=0") as advisor:
        receive_until(advisor, lambda f: f.get("type") == "presence")
        with client.websocket_connect(f"/widget/live/{conversation}") as artisan:
            artisan.receive_json()
            artisan.send_json({"type": "message", "text": "Je m'appelle Inès, j'ai un souci", "client_id": "a-1"})
            receive_until(advisor, is_message("Je m'appelle Inès, j'ai un souci"))
        # "Effacer la conversation": the widget forgets the conversation and says so to the web app.
        assert client.post(f"/widget/live/{conversation}/leave").status_code == 204
        frames = receive_until(advisor, lambda f: f.get("type") == "state")
        assert [f["text"] for f in frames if f["type"] == "message"] == [ARTISAN_LEFT_LINE]
        assert "Inès" not in ARTISAN_LEFT_LINE and "souci" not in ARTISAN_LEFT_LINE
        assert frames[-1] == {"type": "state", "state": "ended", "advisor": None}
        advisor.send_json({"type": "message", "text": "Vous êtes toujours là ?", "client_id": "m-1"})
        # Told the exchange is over, not that another advisor holds it.
        assert receive_until(advisor, lambda f: f.get("type") == "error")[-1]["detail"] == ENDED
    assert client.get(f"/widget/live/{conversation}/state").json()["state"] == "ended"
    assert client.post(f"/widget/live/{conversation}/leave").status_code == 204  # again: nothing more happens
    assert (
        app.state.context.live.messages_after(app.state.context.live.state_of_conversation(conversation).case_id)[
            -1
        ].text
        == ARTISAN_LEFT_LINE
    )
    assert client.post("/widget/live/unknown-conversation/leave").status_code == 204
    refused = client.post(f"/widget/live/{conversation}/leave", headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403


def save_profile(browser, name="", role=""):
    """The advisor's profile form, sent; (status, the page's text unescaped)."""
    token = csrf_from(browser.get("/inbox/profil").text)
    saved = browser.post("/inbox/profil", data={"live_name": name, "live_role": role, "csrf_token": token})
    return saved.status_code, html.unescape(saved.text)


@pytest.mark.parametrize(
    "account, name, role, joined, author",
    [
        # The chamber says "conseillère": a man sets his own word, and is announced with it.
        ("Paul Martin", "", "conseiller", "Paul, conseiller de la chambre, a rejoint la conversation.", "Paul"),
        (
            "Marie Curie",
            "Marie-Claire",
            "",
            "Marie-Claire, conseillère de la chambre, a rejoint la conversation.",
            None,
        ),
        ("Marie Curie", "", "", "Marie, conseillère de la chambre, a rejoint la conversation.", "Marie"),
    ],
)
def test_each_advisor_is_announced_with_their_own_name_and_role_word(
    client, live_case, advisor_client, account, name, role, joined, author
):
    conversation, reference = live_case()
    advisor, _, csrf = advisor_client(account)
    status, page = save_profile(advisor, name, role)
    assert status == 200 and "voici comment l'artisan vous verra" in page
    assert joined in page  # the page shows what the artisan will read
    shown = author or name
    with client.websocket_connect(f"/widget/live/{conversation}?after=0") as artisan:
        artisan.receive_json()
        assert advisor.post(f"/api/v1/cases/{reference}/live/claim", headers={"X-CSRF-Token": csrf}).status_code == 200
        frames = receive_until(artisan, lambda f: f.get("type") == "state")
        assert [f["text"] for f in frames if f["type"] == "message"] == [joined]
        assert frames[-1] == {"type": "state", "state": "active", "advisor": shown}
        with advisor.websocket_connect(f"/inbox/live/{reference}?after=0") as socket:
            socket.send_json({"type": "message", "text": "Je regarde votre dossier.", "client_id": "m-1"})
            receive_until(artisan, is_message("Je regarde votre dossier."))
            socket.send_json({"type": "close", "text": ""})
            closing = receive_until(artisan, lambda f: f.get("type") == "state")
            assert any(f"La conversation avec {shown} est terminée." in (f.get("text") or "") for f in closing)
    # The case's transcript, as the inbox shows it: the advisor's line under the name the artisan saw.
    assert f"{shown} (en direct)" in html.unescape(advisor.get(f"/inbox/dossiers/{reference}").text)


def test_a_live_name_or_role_word_is_letters_only_and_blank_is_the_default(client, advisor_client):
    advisor, _, _ = advisor_client("Paul Martin")
    status, page = save_profile(advisor, "<script>", "conseiller")
    assert status == 422 and "que des lettres" in page
    assert 'value="conseiller"' in page  # what was typed stays in the form
    assert save_profile(advisor, "Paul", "conseiller")[0] == 200
    assert save_profile(advisor, "  ", "")[0] == 200  # back to the defaults
    assert "Paul, conseillère de la chambre, a rejoint la conversation." in html.unescape(
        advisor.get("/inbox/profil").text
    )
    assert client.get("/inbox/profil", follow_redirects=False).status_code == 303  # logged in only


def test_the_live_script_is_served(client):
    script = client.get("/inbox/static/live.js")
    assert script.status_code == 200 and "/inbox/live/" in script.text


def test_every_websocket_route_is_one_of_the_two_checked_here(app):
    """The security test walks the HTTP routes; the sockets are checked above (login, chamber, origin). A new
    socket must be added here on purpose, with its checks."""
    from starlette.routing import WebSocketRoute

    sockets = {route.path for route in app.routes if isinstance(route, WebSocketRoute)}
    assert sockets == {"/widget/live/{conversation_id}", "/inbox/live/{reference}"}


def test_the_advisor_sees_whether_the_artisan_is_still_there(client, live_case, advisor_client):
    conversation, reference = live_case()
    marie, _, _ = advisor_client()
    with marie.websocket_connect(f"/inbox/live/{reference}") as advisor:
        assert advisor.receive_json()["type"] == "state"
        assert advisor.receive_json() == {"type": "presence", "artisan": "offline"}  # nobody on the page yet
        with client.websocket_connect(f"/widget/live/{conversation}") as artisan:
            artisan.receive_json()
            receive_until(advisor, lambda f: f == {"type": "presence", "artisan": "online"})
        receive_until(advisor, lambda f: f == {"type": "presence", "artisan": "offline"})  # the tab was closed
    with marie.websocket_connect(f"/inbox/live/{reference}") as advisor:
        advisor.receive_json()
        assert advisor.receive_json() == {"type": "presence", "artisan": "offline"}

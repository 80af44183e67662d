"""Discretion and safety: no cookie and no connection before the chat is opened, nothing kept beyond the
tab, nothing fetched from a third party, a conversation that can be erased, bot text never run as HTML."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}"


def test_no_cookie_and_no_connection_before_the_chat_is_opened(new_widget_page):
    sockets, requests = [], []
    widget = new_widget_page()
    widget.page.on("websocket", lambda ws: sockets.append(ws.url))
    widget.page.on("request", lambda request: requests.append(request.url))
    widget.goto()  # again, now that everything is recorded
    expect(widget.launcher).to_be_visible()
    widget.page.wait_for_timeout(1500)  # room for anything the widget might do on its own

    rasa = _origin(widget.stack.settings.rasa_url)
    assert widget.page.context.cookies() == []
    assert widget.page.evaluate("document.cookie") == ""
    assert sockets == [] and not [url for url in requests if _origin(url) == rasa]
    assert widget.state() is None, "nothing stored before the artisan opens the chat"

    widget.open()
    widget.wait_idle()
    assert [_origin(url) for url in sockets] == [rasa]
    assert widget.page.context.cookies() == [], "opening the chat sets no cookie either"


def test_nothing_is_fetched_from_a_third_party(new_widget_page):
    seen, refused = [], []
    widget = new_widget_page()
    widget.page.on("request", lambda request: seen.append(request.url))
    widget.page.on("websocket", lambda ws: seen.append(ws.url))
    widget.page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    widget.goto()  # again, now that everything is recorded
    assert widget.launcher.evaluate("el => getComputedStyle(el).position") == "fixed"
    widget.open()
    widget.wait_idle()
    widget.say("bonjour")

    ours = {_origin(widget.stack.settings.web_url), _origin(widget.stack.settings.rasa_url)}
    assert seen and {_origin(url) for url in seen if not url.startswith("data:")} <= ours, seen
    # The demo page's policy allows only itself and Rasa: the widget works under it, styles included.
    assert refused == []
    assert widget.panel.evaluate("el => getComputedStyle(el).position") == "fixed"


def test_nothing_is_kept_beyond_the_tab(desktop):
    widget = desktop.open()
    widget.wait_idle()
    widget.say("bonjour")
    assert widget.page.evaluate("localStorage.length") == 0

    other_tab = widget.page.context.new_page()
    other_tab.goto(widget.page.url)
    expect(other_tab.get_by_role("button", name="Besoin d'aide ? Écrivez-nous")).to_be_visible()
    expect(other_tab.get_by_role("dialog")).to_be_hidden()
    assert other_tab.locator("#relais-widget .message").count() == 0
    assert other_tab.evaluate("Object.keys(sessionStorage).length") == 0


def test_clearing_the_conversation_empties_the_screen_and_starts_a_new_one(desktop):
    widget = desktop.open()
    widget.wait_idle()
    widget.say("je suis boulanger et l'urssaf me relance")
    old_session = widget.session_id

    widget.clear_button.click()
    widget.wait_idle()

    assert widget.session_id != old_session
    assert [m["from"] for m in widget.messages()] == ["bot"] * len(widget.messages())
    assert "je suis boulanger" not in widget.log.inner_text()
    assert "gratuit" in " ".join(widget.bot_texts()), "the new conversation starts with the welcome"
    assert widget.focused() == "TEXTAREA"
    expect(widget.page.locator("#relais-widget [role=status]")).to_have_text(
        "La conversation a été effacée. Une nouvelle conversation commence."
    )
    assert widget.user_texts_on_server() == ["/greet"]
    assert widget.user_texts_on_server(old_session)[-1] == "je suis boulanger et l'urssaf me relance"

    widget.goto()  # another page: the old conversation does not come back
    expect(widget.panel).to_be_visible()
    assert "je suis boulanger" not in widget.log.inner_text()


def test_bot_text_with_html_is_shown_as_text_and_only_safe_links_are_clickable(pushing_desktop):
    widget = pushing_desktop.open()
    widget.wait_idle()
    html = '<img src=x onerror="window.pwned=1"><b>gras</b>'
    widget.bot_says_through_rasa(
        f"{html} Voir https://www.urssaf.fr/accueil.html, [ce lien](javascript:window.pwned=2) "
        "ou appelez le 01 23 45 67 89.",
        buttons=[{"title": "<i>Oui</i>", "payload": "/affirm"}],
    )
    expect(widget.log.get_by_text("gras", exact=False)).to_be_visible()

    last = widget.messages()[-1]
    assert html in last["text"]
    root = widget.page.locator("#relais-widget")
    assert root.evaluate("h => h.shadowRoot.querySelectorAll('.log img, .log b, .replies i').length") == 0
    assert widget.page.evaluate("window.pwned") is None

    links = root.evaluate(
        "h => [...h.shadowRoot.querySelectorAll('.log a')].map(a => [a.textContent, a.getAttribute('href'),"
        " a.target, a.rel])"
    )
    assert [
        "https://www.urssaf.fr/accueil.html (nouvel onglet)",
        "https://www.urssaf.fr/accueil.html",
        "_blank",
        "noopener noreferrer",
    ] in links
    assert ["01 23 45 67 89", "tel:+33123456789", "", ""] in links
    assert not [link for link in links if not link[1].startswith(("https:", "tel:"))], links
    assert widget.quick_replies() == ["<i>Oui</i>"]

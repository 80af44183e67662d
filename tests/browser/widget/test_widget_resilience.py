"""A lost server and a page change: the artisan is told plainly, and nothing typed is lost or doubled."""

from __future__ import annotations

from playwright.sync_api import expect

from chamber import load_chamber

RESTART_TIMEOUT_MS = 240_000  # Rasa loads its model again: up to a minute or two on a busy machine


def test_rasa_restarted_mid_conversation_the_message_typed_meanwhile_arrives_once(desktop):
    widget = desktop.open()
    widget.wait_idle()
    widget.say("bonjour")
    rasa = widget.stack.processes["rasa"]

    rasa.stop()
    expect(widget.offline).to_be_visible(timeout=30_000)
    chamber = load_chamber()
    banner = widget.offline.inner_text()
    assert "Impossible de joindre l'assistant" in banner
    assert chamber.phone in banner
    expect(widget.offline.get_by_role("link", name=chamber.phone)).to_have_attribute("href", chamber.phone_href)
    assert not widget.axe_serious_violations()

    typed = "ma banque a bloqué mon compte professionnel"
    widget.input.fill(typed)
    widget.input.press("Enter")
    expect(widget.log.get_by_text("En attente d'envoi")).to_be_visible()

    widget.stack.restart("rasa")
    widget.wait_idle(timeout=RESTART_TIMEOUT_MS)

    expect(widget.offline).to_be_hidden()
    expect(widget.log.get_by_text("En attente d'envoi")).to_have_count(0)
    assert widget.user_texts_on_server() == ["/greet", "bonjour", typed]
    assert widget.messages()[-1]["from"] == "bot", "the bot answered the message sent after the restart"
    # The widget shows it once too.
    assert [m["text"] for m in widget.messages()].count(typed) == 1


def test_the_conversation_follows_the_artisan_to_another_page(desktop):
    widget = desktop.open()
    widget.wait_idle()
    widget.say("bonjour")
    before = widget.messages()
    session = widget.session_id

    widget.page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Nous contacter").click()
    widget.page.wait_for_url("**/demo/contact/")

    expect(widget.panel).to_be_visible()
    assert widget.messages() == before
    assert widget.session_id == session
    widget.say("j'ai des dettes à l'urssaf")
    assert widget.user_texts_on_server() == ["/greet", "bonjour", "j'ai des dettes à l'urssaf"]


# What a page leaves behind when its request went with it (long-polling, cancelled as the page went): an outbox
# item marked sent, which the server never received, and its message shown as pending.
_SENT_BUT_LOST = """text => {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
  const state = JSON.parse(sessionStorage.getItem(key));
  const messageId = state.nextId++, itemId = state.nextId++;
  state.messages.push({id: messageId, from: 'user', text, pending: true});
  state.outbox.push({id: itemId, payload: text, messageId, sent: true, bounced: false});
  sessionStorage.setItem(key, JSON.stringify(state));
}"""


def test_a_message_the_left_page_sent_but_the_server_never_got_arrives_once(desktop):
    widget = desktop.open()
    widget.wait_idle()
    widget.page.evaluate(_SENT_BUT_LOST, "je suis carreleur")

    widget.goto("/demo/contact/")
    widget.wait_idle()

    assert widget.user_texts_on_server() == ["/greet", "je suis carreleur"]
    assert widget.messages()[-1]["from"] == "bot", "the bot answered it on the new page"
    expect(widget.log.get_by_text("En attente d'envoi")).to_have_count(0)


def test_a_message_sent_just_before_leaving_the_page_arrives_once(desktop):
    widget = desktop.open()
    widget.wait_idle()

    widget.input.fill("je suis plombier")
    widget.input.press("Enter")
    # Gone down the socket (or already answered), not merely queued.
    widget.page.wait_for_function(
        "() => Object.keys(sessionStorage).some((k) => k.startsWith('relais-widget:')"
        " && JSON.parse(sessionStorage.getItem(k)).outbox.every((item) => item.sent))"
    )
    widget.goto("/demo/contact/")  # at once, without waiting for the bot's answer
    widget.wait_idle()
    widget.say("bonjour")

    assert widget.user_texts_on_server() == ["/greet", "je suis plombier", "bonjour"]
    assert [m["text"] for m in widget.messages() if m["from"] == "user"] == ["je suis plombier", "bonjour"]

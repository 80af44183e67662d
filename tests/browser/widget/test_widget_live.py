"""Live chat, two browsers on the embedded stack: the artisan's widget in one context, the advisor's inbox in
another (issue 16). The artisan asks for a person, an advisor present in the inbox claims the conversation, they
write to each other while the bot stays silent, either side reloads without losing a word or the takeover, and
the advisor hands back to the bot or closes. Two advisors claiming at once: one wins, the other is told.

Everything is real: Rasa, the action server, the web app and its database, Chromium."""

from __future__ import annotations

import json
import re
from datetime import datetime

import httpx
import pytest

from cases.live import ARTISAN_LEFT_LINE
from chamber import load_chamber
from tests.support.live import (
    LIVE_CHOICE,
    LIVE_MS,
    InboxPage,
    add_advisor,
    expect,
    forget_presence,
    live_texts,
    offered_choice,
    reach_live_request,
    rest_replies,
    say_live,
    wait_live_state,
    walk_to,
)
from tests.support.stack import clock_file

# The clock of every process of the stack (ops/clock.py), set by the test, never waited for: a Wednesday at
# 10 h in Paris (open), a Friday at 19 h 30 (closed until Monday 8 h), the Monday after at 10 h (after every
# heartbeat the other tests' advisors sent).
IN_HOURS = datetime.fromisoformat("2026-12-02T10:00:00+01:00")
LATER_IN_HOURS = datetime.fromisoformat("2026-12-07T10:00:00+01:00")
OUT_OF_HOURS = datetime.fromisoformat("2026-12-04T19:30:00+01:00")


@pytest.fixture(autouse=True)
def clock(widget_stack):
    """Sets the stack's clock (in opening hours unless the test moves it); the real time again afterwards."""
    path = clock_file(widget_stack)

    def set_clock(moment: datetime) -> None:
        path.write_text(moment.isoformat(), encoding="utf-8")

    set_clock(IN_HOURS)
    yield set_clock
    path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def advisors(widget_stack):
    """Two advisors of the default chamber, their names as the artisan will see them; present for this module
    only (the stack is shared with the other modules of this worker)."""
    emails = add_advisor(widget_stack.settings, "Marie Dupont"), add_advisor(widget_stack.settings, "Paul Martin")
    yield emails
    forget_presence(widget_stack.settings, emails)


@pytest.fixture
def inbox(browser, widget_stack):
    """Makes advisors' browser contexts (own session cookie), logged in, on the queue page; closed afterwards."""
    contexts = []

    def make(email: str) -> InboxPage:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        context.set_default_timeout(30_000)
        contexts.append(context)
        return InboxPage(context.new_page(), widget_stack.settings.web_url).log_in(email)

    yield make
    for context in contexts:
        context.close()


def test_an_advisor_takes_over_both_sides_reload_and_the_bot_gets_the_conversation_back(
    new_widget_page, inbox, advisors
):
    marie, paul = advisors
    # Present in the inbox before the artisan asks: the live offer needs someone there.
    first, second = inbox(marie), inbox(paul)
    widget = new_widget_page()
    reference = reach_live_request(widget)
    expect(widget.panel.locator("#relais-subtitle")).to_have_text("En attente d'une personne de la chambre")
    bot_count = len(widget.bot_texts())

    # Both open the case and claim it at the same moment: one wins, the other is told and cannot write.
    first.open_case(reference)
    second.open_case(reference)
    first.claim_button.click(no_wait_after=True)
    second.claim_button.click(no_wait_after=True)
    winner, loser = first.outcome_of_claim(second)
    expect(loser.page.get_by_role("alert")).to_have_text(
        re.compile(r"Un autre conseiller a (déjà )?rejoint cette conversation")
    )
    expect(loser.live_input).to_be_hidden()
    name = "Marie" if winner is first else "Paul"

    # The artisan is told who joined, by first name only, and the header says so.
    expect(widget.log).to_contain_text(re.compile(rf"{name}, conseill\S+ de la chambre, a rejoint la conversation\."))
    expect(widget.panel.locator("#relais-subtitle")).to_contain_text(name)
    assert wait_live_state(widget, "active")["advisor"] == name

    # Both directions.
    say_live(widget, "Bonjour, je suis soulagé de parler à quelqu'un.")
    expect(winner.live_log).to_contain_text("Bonjour, je suis soulagé de parler à quelqu'un.")
    winner.say("Bonjour, je suis là. Depuis quand les cotisations sont-elles impayées ?")
    advisor_line = widget.log.locator(".message.advisor").last
    expect(advisor_line).to_have_text(
        f"{name} : Bonjour, je suis là. Depuis quand les cotisations sont-elles impayées ?"
    )
    expect(advisor_line.locator(".author")).to_have_text(re.compile(rf"^{name}"))

    # The bot stays silent: nothing of the live chat reached Rasa, and a message that reaches it anyway (another
    # tab on the REST channel) gets no answer while the advisor holds the conversation.
    tracker = widget.tracker()
    assert tracker["paused"] is True
    assert "Bonjour, je suis soulagé de parler à quelqu'un." not in widget.user_texts_on_server()
    assert rest_replies(widget, "est-ce que le robot m'entend encore ?") == []
    assert len(widget.bot_texts()) == bot_count

    # The artisan reloads; the advisor writes meanwhile: nothing is lost, the takeover stays.
    widget.page.reload()
    winner.say("Avez-vous reçu une mise en demeure ?")
    expect(widget.panel).to_be_visible()
    expect(widget.log.locator(".message.advisor").last).to_have_text(f"{name} : Avez-vous reçu une mise en demeure ?")
    assert wait_live_state(widget, "active")["advisor"] == name
    say_live(widget, "Oui, la semaine dernière.")
    expect(winner.live_log).to_contain_text("Oui, la semaine dernière.")

    # The artisan goes to another page of the site: the same.
    widget.page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Nous contacter").click()
    widget.page.wait_for_url("**/demo/contact/")
    say_live(widget, "Je suis sur la page contact.")
    expect(winner.live_log).to_contain_text("Je suis sur la page contact.")

    # The advisor reloads: the whole live exchange is there, and the conversation is still theirs.
    winner.page.reload()
    for line in ["Bonjour, je suis soulagé", "Avez-vous reçu une mise en demeure ?", "Je suis sur la page contact."]:
        expect(winner.live_log).to_contain_text(line)
    winner.say("Merci, je regarde votre dossier.")
    expect(widget.log.locator(".message.advisor").last).to_have_text(f"{name} : Merci, je regarde votre dossier.")
    assert wait_live_state(widget, "active")["advisor"] == name

    # Each line once on both sides, in order.
    said = [
        "Bonjour, je suis soulagé de parler à quelqu'un.",
        "Oui, la semaine dernière.",
        "Je suis sur la page contact.",
    ]
    assert live_texts(widget, "user")[-3:] == said
    assert [t for t in winner.live_texts() if t in said] == said
    assert live_texts(widget, "advisor") == [
        "Bonjour, je suis là. Depuis quand les cotisations sont-elles impayées ?",
        "Avez-vous reçu une mise en demeure ?",
        "Merci, je regarde votre dossier.",
    ]

    # Handed back: the artisan is told, and the bot answers again.
    winner.hand_back()
    expect(widget.log.locator(".message.system").last).to_have_text(
        "Information : Vous échangez de nouveau avec l'assistant automatique."
    )
    expect(widget.panel.locator("#relais-subtitle")).to_have_text("Assistant automatique, gratuit et confidentiel")
    assert widget.state()["live"] is None
    widget.say("merci")
    assert widget.messages()[-1]["from"] == "bot"
    assert widget.tracker()["paused"] is False


def test_a_second_takeover_works_and_ends_with_the_advisors_closing_line(new_widget_page, inbox, advisors):
    marie, _ = advisors
    advisor = inbox(marie)
    widget = new_widget_page()
    reference = reach_live_request(widget)

    for round_ in (1, 2):
        advisor.open_case(reference)
        advisor.claim_button.click()
        expect(widget.log).to_contain_text("Marie, ", timeout=LIVE_MS)
        wait_live_state(widget, "active")
        say_live(widget, f"Message numéro {round_}.")
        expect(advisor.live_log).to_contain_text(f"Message numéro {round_}.")
        if round_ == 1:
            advisor.hand_back()
            wait_live_state(widget, None)
            reach_live_request(widget, again=True)
    advisor.close_with("Je vous rappelle demain matin comme convenu. Bon courage.")
    expect(widget.log.locator(".message.advisor").last).to_contain_text("Je vous rappelle demain matin comme convenu.")
    expect(widget.log.locator(".message.system").last).to_have_text(
        "Information : La conversation avec Marie est terminée. Vous pouvez de nouveau écrire à l'assistant automatique."
    )
    wait_live_state(widget, None)
    widget.say("d'accord merci")
    assert widget.messages()[-1]["from"] == "bot"


def test_a_lost_connection_resends_what_was_not_confirmed_and_the_advisor_gets_it_once(
    new_widget_page, inbox, advisors
):
    """The server's echo of one message is lost with the connection: the widget sends it again with the same
    client_id after reconnecting, and the server keeps one."""
    marie, _ = advisors
    advisor = inbox(marie)
    widget = new_widget_page()
    dropped: list[str] = []
    sockets = []

    def relay(ws):
        server = ws.connect_to_server()
        sockets.append(ws)

        def to_page(message):
            if "perdu en route" in str(message) and not dropped:
                dropped.append(str(message))  # the echo never reaches the page
                ws.close()
                return
            ws.send(message)

        server.on_message(to_page)

    widget.page.route_web_socket(re.compile(r"/widget/live/"), relay)
    reference = reach_live_request(widget)
    advisor.open_case(reference)
    advisor.claim_button.click()
    wait_live_state(widget, "active")

    widget.input.fill("Ce message est perdu en route.")
    widget.input.press("Enter")
    expect(advisor.live_log).to_contain_text("Ce message est perdu en route.")
    # Reconnected (backoff), sent again, confirmed: shown once, no longer pending, once on the advisor's side.
    # The relay's handler runs only while Playwright is waiting: `dropped` is read after this wait, not before
    # (the advisor may see the message before the echo reaches the relay).
    expect(widget.log.get_by_text("En attente d'envoi")).to_have_count(0, timeout=LIVE_MS)
    assert dropped, "the echo was dropped and the connection closed"
    assert len(sockets) >= 2
    assert [m["text"] for m in widget.messages()].count("Ce message est perdu en route.") == 1
    advisor.page.reload()
    expect(advisor.live_log).to_contain_text("Ce message est perdu en route.")
    assert advisor.live_texts().count("Ce message est perdu en route.") == 1


_COPY_WITHOUT_TAKEOVER_JS = """() => {
  const key = Object.keys(sessionStorage).find((k) => k.startsWith('relais-widget:'));
  const state = JSON.parse(sessionStorage.getItem(key));
  state.live = null;  // a copy of the conversation from before the takeover
  state.liveOutbox = [];
  return [key, JSON.stringify(state)];
}"""


def test_a_tab_that_missed_the_takeover_reaches_the_advisor_and_erasing_ends_the_session(
    new_widget_page, inbox, advisors
):
    """Two tabs of one conversation: the other one never heard of the takeover (opened from a copy of the
    conversation, its check of the live state lost). What it writes goes to Rasa, paused: it must reach the
    advisor all the same, and that tab then shows the advisor's messages. Then « Effacer la conversation »
    in the first tab ends the session: the advisor reads that the artisan left, nothing of the content."""
    marie, _ = advisors
    advisor = inbox(marie)
    widget = new_widget_page()
    reference = reach_live_request(widget)
    advisor.open_case(reference)
    advisor.claim_button.click()
    wait_live_state(widget, "active")

    key, copy = widget.page.evaluate(_COPY_WITHOUT_TAKEOVER_JS)
    other = new_widget_page()
    other.page.add_init_script(f"sessionStorage.setItem({json.dumps(key)}, {json.dumps(copy)})")
    other.page.route(re.compile(r"/widget/live/[^/]+/state"), lambda route: route.abort())
    other.page.reload()
    expect(other.panel).to_be_visible()
    assert other.state()["live"] is None and other.session_id == widget.session_id

    other.input.fill("Je vous écris depuis mon autre onglet.")
    other.input.press("Enter")
    expect(advisor.live_log).to_contain_text("Je vous écris depuis mon autre onglet.")
    assert wait_live_state(other, "active")["advisor"] == "Marie"
    expect(widget.log).to_contain_text("Je vous écris depuis mon autre onglet.")  # the first tab shows it too
    advisor.say("Bien reçu, je vous lis.")
    for tab in (widget, other):
        expect(tab.log.locator(".message.advisor").last).to_have_text("Marie : Bien reçu, je vous lis.")
    expect(other.log.get_by_text("En attente d'envoi")).to_have_count(0)
    assert advisor.live_texts().count("Je vous écris depuis mon autre onglet.") == 1
    assert widget.tracker()["paused"] is True  # the bot said nothing over the advisor

    widget.clear_button.click()
    expect(advisor.live_log).to_contain_text(ARTISAN_LEFT_LINE)
    expect(advisor.panel.locator("#live-status")).to_have_text("Échange en direct terminé.")
    expect(advisor.live_input).to_be_hidden()
    wait_live_state(other, None)  # the other tab is told the session ended too
    assert widget.tracker(other.session_id)["paused"] is False  # the erased conversation is not left paused


def test_the_live_chat_is_keyboard_usable_announced_and_axe_finds_nothing_serious(new_widget_page, inbox, advisors):
    marie, _ = advisors
    advisor = inbox(marie)
    widget = new_widget_page()
    reference = reach_live_request(widget)
    advisor.open_case(reference)
    advisor.claim_button.focus()
    advisor.page.keyboard.press("Enter")
    wait_live_state(widget, "active")

    # The advisor writes with the keyboard only.
    advisor.live_input.focus()
    advisor.page.keyboard.type("Bonjour, je vous lis.")
    advisor.page.keyboard.press("Enter")
    expect(widget.log.locator(".message.advisor").last).to_have_text("Marie : Bonjour, je vous lis.")
    # The widget's log is a polite live region: screen readers read the advisor's words as they come.
    expect(widget.log).to_have_attribute("aria-live", "polite")
    expect(advisor.live_log).to_have_attribute("aria-live", re.compile("polite|assertive"))
    assert widget.axe_serious_violations() == []

    widget.input.focus()
    widget.page.keyboard.type("Bonjour Marie.")
    widget.page.keyboard.press("Enter")
    expect(advisor.live_log).to_contain_text("Bonjour Marie.")
    advisor.hand_back()
    wait_live_state(widget, None)


def test_out_of_hours_no_live_offer_and_the_callback_at_an_honest_time(new_widget_page, inbox, advisors, clock):
    marie, _ = advisors
    inbox(marie)  # someone is even logged in: the hours alone close the live chat
    clock(OUT_OF_HOURS)
    widget = new_widget_page()

    def handoff_over_without_a_live_offer() -> bool:
        assert offered_choice(widget, LIVE_CHOICE).count() == 0, "a live offer out of hours"
        # The case is stored at the phone number; the promise comes with the reference, at the end of the handoff.
        return "votre référence est" in " ".join(widget.bot_texts())

    walk_to(widget, handoff_over_without_a_live_offer, choose=None)
    assert widget.state()["live"] is None
    said = " ".join(widget.bot_texts())
    assert "maintenant" not in said.lower()
    # The callback promised is the one the chamber's hours allow from Friday evening, as the core computes it.
    promise = load_chamber().callback_promise(OUT_OF_HOURS, "plutôt le matin")
    assert promise in said, (promise, widget.bot_texts()[-3:])


def test_with_nobody_present_in_the_inbox_no_live_offer(new_widget_page, clock):
    # Days later: the heartbeats of the advisors of the other tests are long past.
    clock(LATER_IN_HOURS)
    widget = new_widget_page()

    def case_made_without_a_live_offer() -> bool:
        assert offered_choice(widget, LIVE_CHOICE).count() == 0, "a live offer with nobody in the inbox"
        return bool(widget.tracker()["slots"].get("case_reference"))

    walk_to(widget, case_made_without_a_live_offer, choose=None)
    assert widget.state()["live"] is None


def test_the_state_endpoint_says_none_for_an_unknown_conversation(widget_stack):
    response = httpx.get(f"{widget_stack.settings.web_url}/widget/live/inconnue-{'0' * 24}/state", timeout=30)
    assert response.status_code == 200
    assert response.json()["state"] == "none"

"""Where websockets are blocked (a company proxy, some public Wi-Fi), the widget talks over long-polling."""

from __future__ import annotations

# What a proxy that blocks websockets does to the page: every websocket fails to open.
BLOCKED_WEBSOCKETS = """
window.WebSocket = class BlockedWebSocket extends EventTarget {
  constructor(url) {
    super();
    this.url = url;
    this.readyState = 3;
    window.__blockedWebsockets = (window.__blockedWebsockets || 0) + 1;
    setTimeout(() => {
      if (this.onerror) this.onerror(new Event("error"));
      if (this.onclose) this.onclose({ code: 1006, reason: "blocked" });
    }, 0);
  }
  send() {}
  close() {}
};
"""


def test_with_websockets_blocked_the_widget_converses_over_polling(new_widget_page):
    widget = new_widget_page()
    widget.page.add_init_script(BLOCKED_WEBSOCKETS)
    polls: list[str] = []
    widget.page.on("request", lambda request: polls.append(request.url) if "transport=polling" in request.url else None)
    widget.goto()

    widget.open()
    widget.wait_idle()
    widget.say("bonjour")
    widget.say("j'ai des dettes à l'urssaf")

    assert widget.page.evaluate("window.__blockedWebsockets") >= 1  # it did try a websocket first
    assert polls, "no long-polling request"
    assert widget.user_texts_on_server() == ["/greet", "bonjour", "j'ai des dettes à l'urssaf"]
    assert widget.messages()[-1]["from"] == "bot"

"""The crisis reply in the widget, on a phone: every emergency number a 44 px link read out digit by
digit, and the one-tap answers on the safety question."""

from __future__ import annotations

from playwright.sync_api import expect

_LINKS_JS = """host => [...host.shadowRoot.querySelectorAll('.log .message.bot a')].map((a) => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent, href: a.getAttribute('href'), label: a.getAttribute('aria-label'),
          width: box.width, height: box.height};
})"""


def test_the_crisis_reply_works_in_one_tap_on_a_phone(phone):
    widget = phone.open()
    widget.wait_idle()
    widget.say("j'ai envie de mourir")

    assert widget.bot_texts()[-1] == "Êtes-vous en sécurité en ce moment\u202f?"  # French spacing
    assert widget.quick_replies() == ["Oui, je suis en sécurité", "Non, pas en sécurité"]

    links = {link["href"]: link for link in widget.page.locator("#relais-widget").evaluate(_LINKS_JS)}
    expected = {
        "tel:3114": "Appeler le 3 1 1 4",
        "tel:15": "Appeler le 15",
        "tel:112": "Appeler le 1 1 2",
        "sms:114": "Envoyer un SMS au 1 1 4",
        "tel:+33123456789": "Appeler le 01 23 45 67 89",
    }
    for href, label in expected.items():
        assert href in links, (href, list(links))
        assert links[href]["label"] == label
        assert links[href]["width"] >= 44 and links[href]["height"] >= 44, links[href]
    expect(widget.page.get_by_role("link", name="Appeler le 3 1 1 4").first).to_be_visible()

    widget.choose("Non, pas en sécurité")
    said = widget.bot_texts()
    assert any("15" in text and "112" in text and "3114" in text for text in said[-2:]), said[-2:]

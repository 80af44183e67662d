"""WCAG 2.1 AA: axe-core finds nothing serious, focus is handled, messages are announced, motion can be
reduced, colours stay readable whatever the chamber picks, and the chat works at 200 % zoom."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def _rgb(colour: str) -> list[int]:
    """ "rgb(140, 29, 64)" or "#8c1d40" into [140, 29, 64]."""
    if colour.startswith("#"):
        return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return [int(c) for c in re.findall(r"\d+", colour)[:3]]


def _contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [c / 255 for c in _rgb(colour)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def _assert_no_serious_violation(widget) -> None:
    violations = widget.axe_serious_violations()
    assert violations == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} {v['nodes']}" for v in violations)


@pytest.mark.parametrize("screen", ["pushing_desktop", "pushing_phone"])
def test_axe_finds_no_serious_violation_closed_and_open(request, screen):
    widget = request.getfixturevalue(screen)
    _assert_no_serious_violation(widget)

    widget.open()
    widget.wait_idle()
    widget.say("bonjour")
    widget.bot_says_through_rasa(
        "Voici une adresse utile : https://www.urssaf.fr. Voulez-vous continuer ?",
        buttons=[{"title": "Oui", "payload": "/affirm"}, {"title": "Non", "payload": "/deny"}],
    )
    expect(widget.quick_reply("Non")).to_be_visible()
    _assert_no_serious_violation(widget)


def test_focus_goes_into_the_chat_and_back_to_its_button(desktop):
    widget = desktop
    widget.launcher.click()
    assert widget.focused() == "TEXTAREA"
    expect(widget.launcher).to_be_hidden()

    widget.close_button.click()
    expect(widget.panel).to_be_hidden()
    assert widget.focused() == "Besoin d'aide ? Écrivez-nous"
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")

    widget.launcher.press("Enter")
    assert widget.focused() == "TEXTAREA"
    widget.page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    assert widget.focused() == "Besoin d'aide ? Écrivez-nous"


def test_new_messages_land_in_a_live_log_with_who_is_speaking(pushing_desktop):
    widget = pushing_desktop.open()
    widget.wait_idle()
    widget.say("bonjour")

    # role=log is an implicit polite live region: screen readers read what is appended to it.
    expect(widget.log).to_contain_text("L'assistant : ")
    expect(widget.log).to_contain_text("Vous : bonjour")
    count = widget.log.locator(".message").count()
    widget.bot_says_through_rasa("Un message de plus.")
    expect(widget.log.locator(".message")).to_have_count(count + 1)
    expect(widget.log.locator(".message").last).to_have_text("L'assistant : Un message de plus.")


@pytest.mark.parametrize("motion, expected", [("reduce", "none"), ("no-preference", "rise")])
def test_reduced_motion_is_respected(desktop, motion, expected):
    widget = desktop
    widget.page.emulate_media(reduced_motion=motion)
    widget.open()
    assert widget.panel.evaluate("el => getComputedStyle(el).animationName") == expected


def test_usable_at_200_percent_zoom(new_widget_page):
    # A 1280x800 screen zoomed to 200 % lays pages out in 640x400 CSS pixels.
    widget = new_widget_page({"width": 640, "height": 400}, device_scale_factor=2).open()
    widget.wait_idle()
    widget.say("voici mon site https://www.exemple-artisan.fr/une/tres/longue/adresse/qui/ne/doit/pas/deborder")

    for control in (widget.close_button, widget.clear_button, widget.input, widget.send_button):
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["y"] >= 0, control
        assert box["x"] + box["width"] <= 640 and box["y"] + box["height"] <= 400, control
    overflow = widget.page.locator("#relais-widget").evaluate(
        "h => [...h.shadowRoot.querySelectorAll('.panel, .log')].map(el => el.scrollWidth - el.clientWidth)"
    )
    assert overflow == [0, 0], "no horizontal scrolling inside the chat"


@pytest.mark.parametrize(
    "color, text_color",
    [
        ("#8c1d40", None),  # the demo chamber's burgundy: white text
        ("#ffd400", "#ffffff"),  # yellow asking for white text: dark text instead
        ("#777777", None),  # mid grey, the hardest case
        ("not-a-colour", None),  # ignored: the default colour
    ],
)
def test_any_chamber_colour_keeps_text_readable(new_widget_page, color, text_color):
    widget = new_widget_page()
    web_url, rasa_url = widget.stack.settings.web_url, widget.stack.settings.rasa_url
    text_attribute = f' data-text-color="{text_color}"' if text_color else ""
    page_html = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Couleurs</title></head><body>'
        f'<main><h1>Couleurs</h1></main><script src="{web_url}/widget/relais-widget.js" '
        f'data-server="{rasa_url}" data-color="{color}"{text_attribute}></script></body></html>'
    )
    widget.page.route(f"{web_url}/couleurs/", lambda route: route.fulfill(content_type="text/html", body=page_html))
    widget.goto("/couleurs/")

    colours = widget.launcher.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    assert _contrast(*colours) >= 4.5, colours
    accent = widget.page.locator("#relais-widget").evaluate(
        "h => getComputedStyle(h).getPropertyValue('--relais-accent').trim()"
    )
    assert _contrast(accent, "#ffffff") >= 4.5, f"quick-reply buttons: {accent} text on white"

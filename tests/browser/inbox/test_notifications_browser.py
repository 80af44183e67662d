"""Browser notifications in Chromium against a real uvicorn server: the permission is asked once, from the
button, by keyboard; a new critical case then gives a notification that names no one."""

from __future__ import annotations

from playwright.sync_api import expect

from inbox.security import hash_password
from tests.browser.inbox.test_inbox_browser import CHAMBER, PASSWORD, browser, draft, log_in, server  # noqa: F401
from triage.labels import CATEGORY_TITLES

# Records every `new Notification(...)` and every permission request, then lets the real API run.
RECORD_NOTIFICATIONS = """
(() => {
  const Original = window.Notification;
  window.__notifications = [];
  window.__permissionRequests = 0;
  class Recorded extends Original {
    constructor(title, options) {
      super(title, options);  // the real one: recorded only once the browser accepted it
      window.__notifications.push({ title: title, body: (options || {}).body, tag: (options || {}).tag });
    }
  }
  Object.defineProperty(Recorded, "permission", { get: () => Original.permission });
  Recorded.requestPermission = function () {
    window.__permissionRequests += 1;
    return Original.requestPermission.apply(Original, arguments);
  };
  window.Notification = Recorded;
})();
"""


def notifications(page) -> list[dict]:
    return page.evaluate("window.__notifications")


def test_permission_is_asked_once_and_a_new_critical_case_is_notified(server, browser):  # noqa: F811
    base, repository, accounts = server
    accounts.create_user("notifs@cma.test", "Nora Veille", CHAMBER, "advisor", hash_password(PASSWORD))
    context = browser.new_context(locale="fr-FR")
    context.grant_permissions(["notifications"], origin=base)
    context.add_init_script(RECORD_NOTIFICATIONS)
    page = context.new_page()
    log_in(page, base, "notifs@cma.test")

    button = page.get_by_role("button", name="Activer les notifications")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.focus()
    page.keyboard.press("Enter")  # keyboard only
    enabled = page.get_by_role("button", name="Notifications activées")
    expect(enabled).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#announcer")).to_contain_text("Notifications activées")
    assert page.evaluate("window.__permissionRequests") == 1

    # Remembered: a new page does not ask again, and switching off and on again does not either.
    page.reload()
    expect(enabled).to_have_attribute("aria-pressed", "true")
    enabled.focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Activer les notifications")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#announcer")).to_have_text("Notifications désactivées.")
    page.keyboard.press("Space")
    expect(enabled).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__permissionRequests") == 0
    page.get_by_role("button", name="Activer l'alerte sonore").click()

    ordinary = repository.save_draft(draft(urgency="normale", contact_name="Hugo Lambert"))
    expect(page.locator(f'#queue-rows tr[data-reference="{ordinary}"]')).to_have_count(1, timeout=15_000)
    assert notifications(page) == []  # a normal case appears in the list, without a notification

    reference = repository.save_draft(
        draft(urgency="critique", categories=["tresorerie"], contact_name="Hugo Lambert", phone="+33611223344")
    )
    page.wait_for_function("() => window.__notifications.length > 0", timeout=15_000)
    [shown] = notifications(page)
    assert shown["title"] == "Relais : nouveau dossier urgent"
    assert shown["body"] == f"{reference} · urgence critique · {CATEGORY_TITLES['tresorerie']}"
    expect(page.locator("#live-alert")).to_contain_text(f"{reference} (critique)")

    # The live chat's hook: only the reference, urgency and category words reach the notification.
    page.evaluate(
        """window.RelaisInbox.notifyLiveRequest({reference: "RL-LIVE01", urgency: "haute",
             categories: ["Banque"], contact_name: "Hugo Lambert", phone: "06 11 22 33 44"})"""
    )
    live = notifications(page)[-1]
    assert live == {
        "title": "Relais : un artisan demande à échanger maintenant",
        "body": "RL-LIVE01 · urgence haute · Banque",
        "tag": "live:RL-LIVE01",
    }
    expect(page.locator("#announcer")).to_have_text("Un artisan demande à échanger maintenant : dossier RL-LIVE01.")
    for shown in notifications(page):
        assert "Hugo" not in shown["body"] and "06 11" not in shown["body"] and "+336" not in shown["body"]
    context.close()

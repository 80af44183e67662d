// The inbox's alerts, so that nobody misses an urgent case. No library, nothing loaded from elsewhere.
//
// - The live queue: poll the server, refresh the rows, and alert (a banner read by screen readers, the
//   title, the sound once enabled, a browser notification once allowed) when a critique or haute case
//   arrives, or, for supervisors, when a case nobody holds passes its target time.
// - Browser notifications (Notification API): the permission is asked once, from the button next to the
//   sound one; the choice is remembered on this browser. A notification says the reference, the urgency
//   and the category words, never anything about the person: it may show on a locked screen.
// - window.RelaisInbox.notifyLiveRequest(summary): the hook the live chat calls when an artisan asks to
//   talk now. summary = {reference, urgency, categories: [French words]}; other fields are ignored.
(function () {
  "use strict";
  var NOTIFY_KEY = "relais.notifications";  // "on" or "off": the advisor's choice on this browser
  var ASKED_KEY = "relais.notifications.asked";  // the permission was asked once from the button
  var URGENCY_WORDS = { critique: "critique", haute: "haute", normale: "normale", basse: "basse" };
  var TITLES = {
    "new": "Relais : nouveau dossier urgent",
    escalation: "Relais : dossier sans conseiller, délai dépassé",
    live: "Relais : un artisan demande à échanger maintenant"
  };
  var announcer = document.getElementById("announcer");
  var notifyButton = document.getElementById("notify-toggle");
  var supported = "Notification" in window;
  var audio = null;
  var originalTitle = document.title;

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }

  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* private mode: not remembered */ }
  }

  // Polite announcement for screen readers (the live region is in base.html).
  function say(text) {
    if (!announcer) return;
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function caseUrl(reference) {
    return "/inbox/dossiers/" + encodeURIComponent(reference);
  }

  function beep() {
    if (!audio) return;
    // Three short tones: noticeable without being alarming.
    [0, 0.35, 0.7].forEach(function (offset) {
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, audio.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + offset + 0.25);
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start(audio.currentTime + offset);
      oscillator.stop(audio.currentTime + offset + 0.3);
    });
  }

  function notificationsOn() {
    return supported && Notification.permission === "granted" && stored(NOTIFY_KEY) === "on";
  }

  // Only the reference, the urgency and the category words reach the notification.
  function notify(kind, summary) {
    if (!notificationsOn() || !summary || !summary.reference) return null;
    var parts = [String(summary.reference)];
    var urgency = URGENCY_WORDS[summary.urgency];
    if (urgency) parts.push("urgence " + urgency);
    if (Array.isArray(summary.categories) && summary.categories.length) {
      parts.push(summary.categories.map(String).join(", "));
    }
    try {
      var notification = new Notification(TITLES[kind], {
        body: parts.join(" · "),
        tag: kind + ":" + summary.reference,
        lang: "fr"
      });
      notification.onclick = function () {
        window.focus();
        window.location.href = caseUrl(summary.reference);
        notification.close();
      };
      return notification;
    } catch (error) {
      return null;  // some browsers only allow notifications from a service worker: the banner and sound remain
    }
  }

  function renderNotifyButton() {
    if (!notifyButton) return;
    if (!supported) { notifyButton.hidden = true; return; }
    notifyButton.hidden = false;
    var on = notificationsOn();
    notifyButton.setAttribute("aria-pressed", on ? "true" : "false");
    if (Notification.permission === "denied") {
      notifyButton.textContent = "Notifications bloquées par le navigateur";
    } else {
      notifyButton.textContent = on ? "Notifications activées" : "Activer les notifications";
    }
  }

  function permissionAnswered(permission) {
    store(NOTIFY_KEY, permission === "granted" ? "on" : "off");
    renderNotifyButton();
    say(permission === "granted"
      ? "Notifications activées : vous serez prévenu de chaque nouveau dossier critique ou de haute urgence."
      : "Les notifications n'ont pas été autorisées. L'alerte visible et l'alerte sonore restent disponibles.");
  }

  if (notifyButton && supported) {
    notifyButton.addEventListener("click", function () {
      if (notificationsOn()) {
        store(NOTIFY_KEY, "off");
        renderNotifyButton();
        say("Notifications désactivées.");
      } else if (Notification.permission === "denied") {
        say("Votre navigateur bloque les notifications de ce site : autorisez-les dans ses réglages, puis cliquez de nouveau.");
      } else if (Notification.permission === "granted" && stored(ASKED_KEY)) {
        permissionAnswered("granted");  // asked before: never asked again
      } else {
        // From this click only, and once: the browser remembers the answer, this page remembers it asked.
        store(ASKED_KEY, "1");
        Notification.requestPermission().then(permissionAnswered, function () { permissionAnswered("default"); });
      }
    });
  }
  renderNotifyButton();

  function alertTitle() {
    if (document.title.indexOf("(!) ") !== 0) document.title = "(!) " + originalTitle;
  }

  // The hook of the live chat: an artisan asks to talk to an advisor now.
  function notifyLiveRequest(summary) {
    if (!summary || !summary.reference) return;
    beep();
    notify("live", summary);
    alertTitle();
    say("Un artisan demande à échanger maintenant : dossier " + summary.reference + ".");
  }

  window.RelaisInbox = { notifyLiveRequest: notifyLiveRequest };

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) document.title = originalTitle;
  });

  // ------------------------------------------------------------------ the live queue (queue page only)
  var table = document.getElementById("queue");
  if (!table) return;
  var rows = document.getElementById("queue-rows");
  var banner = document.getElementById("live-alert");
  var escalationsSection = document.getElementById("escalations");
  var soundButton = document.getElementById("sound-toggle");
  var since = table.getAttribute("data-since");
  var query = table.getAttribute("data-query");
  var POLL_MS = 5000;

  if (soundButton) {
    soundButton.addEventListener("click", function () {
      // Browsers only allow sound after a click on the page.
      if (!audio) {
        var AudioContext = window.AudioContext || window.webkitAudioContext;
        if (!AudioContext) return;
        audio = new AudioContext();
        soundButton.textContent = "Alerte sonore activée";
        soundButton.setAttribute("aria-pressed", "true");
        beep();
      }
    });
    // Disabled in the page until now: a click before this script ran did nothing and left the button unchanged.
    soundButton.disabled = false;
  }

  function appendLinks(alerts) {
    alerts.forEach(function (alert, index) {
      var link = document.createElement("a");
      link.href = caseUrl(alert.reference);
      link.textContent = alert.reference + " (" + alert.label.toLowerCase() + ")";
      banner.appendChild(link);
      if (index < alerts.length - 1) banner.appendChild(document.createTextNode(", "));
    });
  }

  function announce(alerts) {
    alerts.filter(function (alert) { return alert.kind === "live"; }).forEach(notifyLiveRequest);
    alerts = alerts.filter(function (alert) { return alert.kind !== "live"; });
    if (!alerts.length) return;
    var fresh = alerts.filter(function (alert) { return alert.kind !== "escalation"; });
    var late = alerts.filter(function (alert) { return alert.kind === "escalation"; });
    banner.textContent = "";
    if (fresh.length) {
      banner.appendChild(document.createTextNode(fresh.length > 1 ? "Nouveaux dossiers urgents : " : "Nouveau dossier urgent : "));
      appendLinks(fresh);
    }
    if (late.length) {
      if (fresh.length) banner.appendChild(document.createTextNode(". "));
      banner.appendChild(document.createTextNode("Délai dépassé, personne ne suit : "));
      appendLinks(late);
    }
    banner.hidden = false;
    banner.classList.remove("pulse");
    void banner.offsetWidth;
    banner.classList.add("pulse");
    alertTitle();
    beep();
    fresh.forEach(function (alert) { notify("new", alert); });
    late.forEach(function (alert) { notify("escalation", alert); });
  }

  function poll() {
    var url = "/inbox/live?since=" + encodeURIComponent(since) + (query ? "&" + query : "");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (response.status === 401) { window.location.href = "/login"; return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        if (!body) return;
        since = body.now;
        if (body.changed && typeof body.rows_html === "string") {
          rows.innerHTML = body.rows_html;  // rendered and escaped by the server's templates
        }
        if (escalationsSection && typeof body.escalations_html === "string") {
          escalationsSection.innerHTML = body.escalations_html;  // rendered and escaped by the server too
          escalationsSection.hidden = !body.escalations_count;
        }
        if (body.alerts && body.alerts.length) announce(body.alerts);
      })
      .catch(function () { /* network hiccup: next poll */ })
      .finally(function () { window.setTimeout(poll, POLL_MS); });
  }

  window.setTimeout(poll, POLL_MS);
})();

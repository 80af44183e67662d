// Live queue: poll the server, refresh the rows, and alert (visible, and audible once enabled) when a
// critique or haute case arrives. No library, nothing loaded from elsewhere.
(function () {
  "use strict";
  var table = document.getElementById("queue");
  if (!table) return;
  var rows = document.getElementById("queue-rows");
  var banner = document.getElementById("live-alert");
  var soundButton = document.getElementById("sound-toggle");
  var since = table.getAttribute("data-since");
  var query = table.getAttribute("data-query");
  var audio = null;
  var originalTitle = document.title;
  var POLL_MS = 5000;

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
  }

  function announce(alerts) {
    banner.textContent = "";
    var lead = document.createTextNode(alerts.length > 1 ? "Nouveaux dossiers urgents : " : "Nouveau dossier urgent : ");
    banner.appendChild(lead);
    alerts.forEach(function (alert, index) {
      var link = document.createElement("a");
      link.href = "/inbox/dossiers/" + encodeURIComponent(alert.reference);
      link.textContent = alert.reference + " (" + alert.label.toLowerCase() + ")";
      banner.appendChild(link);
      if (index < alerts.length - 1) banner.appendChild(document.createTextNode(", "));
    });
    banner.hidden = false;
    banner.classList.remove("pulse");
    void banner.offsetWidth;
    banner.classList.add("pulse");
    document.title = "(!) " + originalTitle;
    beep();
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
        if (body.alerts && body.alerts.length) announce(body.alerts);
      })
      .catch(function () { /* network hiccup: next poll */ })
      .finally(function () { window.setTimeout(poll, POLL_MS); });
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) document.title = originalTitle;
  });
  window.setTimeout(poll, POLL_MS);
})();

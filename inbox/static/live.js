// The live chat panel of a case page (issue 16): join the artisan's conversation, write, hand back to the
// assistant or close. One WebSocket to /inbox/live/<reference>; it resumes after the last message id it saw,
// so a reload or a lost connection loses nothing. Messages are announced by an aria-live list. No library.
(function () {
  "use strict";
  var panel = document.getElementById("live");
  if (!panel) return;
  var reference = panel.getAttribute("data-reference");
  var csrf = panel.getAttribute("data-csrf");
  var holder = panel.getAttribute("data-holder");  // "me", "other" or ""
  var state = panel.getAttribute("data-state");
  var list = document.getElementById("live-messages");
  var status = document.getElementById("live-status");
  var errorLine = document.getElementById("live-error");
  var artisanLine = document.getElementById("live-artisan");
  var joinButton = document.getElementById("live-join");
  var controls = document.getElementById("live-controls");
  var sendForm = document.getElementById("live-send");
  var textBox = document.getElementById("live-text");
  var closeForm = document.getElementById("live-close");
  var closingBox = document.getElementById("live-closing");
  var handBackButton = document.getElementById("live-handback");
  var lastId = 0;
  var socket = null;
  var pending = [];  // frames written while the socket was down: sent again on reconnect (client_id: once)
  var stopped = false;
  var seen = {};

  var LABELS = {
    waiting: "L'artisan attend un conseiller, ici, par écrit.",
    active: "Échange en direct en cours.",
    returned: "Conversation rendue à l'assistant.",
    ended: "Échange en direct terminé."
  };
  var WHO = { artisan: "Artisan", advisor: "Conseiller", system: "Message de Relais" };

  function clientId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function showError(text) {
    errorLine.textContent = text || "";
    errorLine.hidden = !text;
  }

  function render() {
    var mine = state === "active" && holder === "me";
    joinButton.hidden = state !== "waiting";
    controls.hidden = !mine;
    var text = LABELS[state] || "";
    if (state === "active" && holder === "me") text = "Vous échangez en direct avec l'artisan.";
    else if (state === "active") text = "Un autre conseiller échange avec l'artisan.";
    status.textContent = text;
  }

  function append(frame) {
    if (seen[frame.id]) return;
    seen[frame.id] = true;
    lastId = Math.max(lastId, frame.id);
    var item = document.createElement("li");
    item.className = "from-" + frame.sender;
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = WHO[frame.sender] || "";
    var text = document.createElement("span");
    text.className = "text";
    text.textContent = frame.text;  // text, never HTML
    item.appendChild(who);
    item.appendChild(text);
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
    } else {
      pending.push(frame);
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + "/inbox/live/" + encodeURIComponent(reference) + "?after=" + lastId);
    socket.onopen = function () {
      var queued = pending;
      pending = [];
      queued.forEach(send);
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === "message") {
        append(frame);
      } else if (frame.type === "state") {
        state = frame.state;
        if (state !== "active") holder = state === "waiting" ? "" : holder;
        render();
      } else if (frame.type === "presence") {
        artisanLine.textContent = frame.artisan === "online" ? "L'artisan a la conversation ouverte." : "L'artisan n'a pas la conversation ouverte en ce moment.";
      } else if (frame.type === "error") {
        showError(frame.detail);
      }
    };
    socket.onclose = function (event) {
      socket = null;
      if (stopped) return;
      if (event.code === 4401) { window.location.href = "/login?suivant=" + encodeURIComponent(window.location.pathname); return; }
      if (event.code === 4403) { holder = "other"; showError("Un autre conseiller a rejoint cette conversation : elle est entre ses mains."); render(); return; }
      window.setTimeout(connect, 2000);  // a lost connection: resume after the last message seen
    };
  }

  joinButton.addEventListener("click", function () {
    joinButton.disabled = true;
    showError("");
    fetch("/api/v1/cases/" + encodeURIComponent(reference) + "/live/claim", {
      method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      joinButton.disabled = false;
      if (result.ok) {
        holder = "me";
        state = "active";
        render();
        textBox.focus();
      } else {
        showError(typeof result.body.detail === "string" ? result.body.detail : "La conversation n'a pas pu être rejointe.");
        holder = "other";
        render();
      }
    }).catch(function () {
      joinButton.disabled = false;
      showError("Connexion perdue : réessayez dans un instant.");
    });
  });

  sendForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = textBox.value.trim();
    if (!text) return;
    send({ type: "message", text: text, client_id: clientId() });
    textBox.value = "";
    textBox.focus();
  });
  textBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendForm.requestSubmit();
    }
  });
  handBackButton.addEventListener("click", function () { send({ type: "handback" }); });
  closeForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send({ type: "close", text: closingBox.value.trim() });
  });

  function heartbeat() {
    fetch("/api/v1/presence", { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf } })
      .catch(function () { /* next beat */ });
  }
  heartbeat();
  window.setInterval(heartbeat, 30000);
  window.addEventListener("beforeunload", function () { stopped = true; });

  render();
  connect();
})();

// The conversation with Rasa's socket.io channel, and the promise made to the artisan: what they type
// reaches the assistant once, even across a lost connection, a server restart or a page change.
//
// How: every outgoing message waits in a persisted outbox and is sent only on a confirmed session,
// one at a time, with a socket.io acknowledgement (Rasa's handler acknowledges once the message is
// processed). A message is taken off the outbox when acknowledged, or when the bot answered after it
// was sent (the acknowledgement itself was lost). If the connection drops before either, it is sent
// again once reconnected. Each message also carries a client_message_id in its metadata, for a server
// that wants to deduplicate.

import { io } from "socket.io-client";
import { createLiveLink, liveLeaveUrl, liveSocketUrl, liveStateUrl } from "./live.js";
import { freshState, newSessionId } from "./storage.js";
import { TEXT } from "./strings.js";

const MAX_MESSAGES = 300; // sessionStorage is small; an intake conversation is far shorter

function normalizeBotMessage(message) {
  if (!message || typeof message !== "object") return null;
  let text = typeof message.text === "string" ? message.text : "";
  const image = message.attachment && message.attachment.payload && message.attachment.payload.src;
  if (!text && typeof image === "string") text = `[${TEXT.image}](${image})`;
  const quickReplies = (message.quick_replies || message.buttons || [])
    .filter((button) => button && button.title != null && button.payload != null)
    .map((button) => ({ title: String(button.title), payload: String(button.payload) }));
  if (!text && !quickReplies.length) return null;
  return { text, quickReplies };
}

const LIVE_STATES = ["waiting", "active"];

/** The `relais_live` payload of a bot message: at its top level (socket.io), under `custom` (REST) or `data`. */
export function livePayload(message) {
  if (!message || typeof message !== "object") return null;
  const custom = message.custom && typeof message.custom === "object" ? message.custom : {};
  for (const holder of [message, custom, message.data, custom.data]) {
    const live = holder && typeof holder === "object" ? holder.relais_live : null;
    if (live && typeof live === "object" && typeof live.state === "string") return live;
  }
  return null;
}

/**
 * events: {message(msg), updated(msg), reset(state), status("connecting" | "online" | "offline"), busy(bool),
 *          live({state, advisor} | null), notice(text)}
 *
 * Live mode (an advisor of the chamber takes over, the bot is paused): entered when a bot message carries
 * `{"relais_live": {"state": "waiting"}}` or, on page load, when the web app says the conversation is waiting
 * or active. The artisan's messages then go to the web app's live socket (createLiveLink), each with a random
 * client_id, kept in `liveOutbox` until the server echoes it back: sent again after a reconnect, stored once.
 * `liveLastId` is the id of the last live message shown: a reconnect asks for everything after it.
 */
export function createChat({ server, app, store, events }) {
  let state = withLiveFields(store.load());
  let socket = null;
  let ready = false; // session confirmed on the current connection
  let inFlight = null; // the outbox item sent on the current connection, not yet acknowledged
  let answeredSinceSend = false;
  let leaving = false; // the page is being left: the socket closes, but what it sent is delivered

  const save = () => store.save(state);
  let liveCheck = null; // the state request in flight
  let settleTimer = null;

  function withLiveFields(loaded) {
    return { live: null, liveLastId: 0, liveOutbox: [], ...loaded };
  }

  const isLive = () => !!state.live && LIVE_STATES.includes(state.live.state);

  const link = createLiveLink({
    urlFor: () => liveSocketUrl(app, state.sessionId, state.liveLastId),
    open: () => {
      for (const item of state.liveOutbox) link.send({ type: "message", text: item.text, client_id: item.clientId });
    },
    frame: onLiveFrame,
    status: (status) => {
      if (isLive()) events.status(status);
    },
    failed: (attempts) => {
      // Refused or unreachable: the web app may have ended the session meanwhile (or never had one).
      if (attempts >= 2) checkLive();
    },
  });

  function applyLive(next, advisor) {
    clearTimeout(settleTimer);
    if (LIVE_STATES.includes(next)) {
      const wasLive = isLive();
      state.live = { state: next, advisor: typeof advisor === "string" && advisor ? advisor : null };
      if (!wasLive) {
        // Written for the assistant but not sent yet: whoever answers now is the advisor.
        const queued = state.outbox.filter((entry) => !entry.sent && entry.messageId != null && !entry.bounced);
        state.outbox = state.outbox.filter((entry) => !queued.includes(entry));
        toLive(queued);
      }
      save();
      events.live(state.live);
      if (!wasLive || !link.active) link.start();
      return;
    }
    if (!isLive()) return;
    link.stop();
    state.live = null;
    // Written but not delivered before the advisor handed back: the assistant gets them rather than nobody.
    const undelivered = state.liveOutbox;
    state.liveOutbox = [];
    save();
    events.live(null);
    events.status(ready ? "online" : "connecting");
    // bounced: came from the assistant's outbox already; sent back there once, never to and fro.
    for (const item of undelivered) enqueue(item.text, item.messageId, item.fromAssistant);
  }

  /** Outbox items meant for the assistant, sent to the advisor instead (the messages shown keep their place). */
  function toLive(items) {
    for (const item of items) {
      const message = state.messages.find((entry) => entry.id === item.messageId);
      const text = message ? message.text : item.payload;
      const entry = { clientId: newSessionId(), text, messageId: item.messageId, fromAssistant: true };
      state.liveOutbox.push(entry);
      link.send({ type: "message", text, client_id: entry.clientId });
    }
    if (items.length) save();
  }

  /** Rasa's answer to a message sent while an advisor holds the conversation (another tab took it over, or
   * this one missed the takeover): it reached nobody, so it goes to the advisor, and this tab joins the chat. */
  function onUndelivered(live) {
    const item = inFlight;
    if (item && item.messageId != null && !item.bounced) {
      inFlight = null;
      events.busy(false);
      state.outbox = state.outbox.filter((entry) => entry !== item);
      toLive([item]);
    }
    if (!isLive()) applyLive(live.state, live.advisor);
    else pump();
  }

  function onLiveFrame(frame) {
    if (frame.type === "state") {
      applyLive(frame.state, frame.advisor);
      return;
    }
    if (frame.type === "error") {
      // A message refused (too long, or the advisor has just handed back: a state frame follows and the
      // message goes to the assistant). Said to screen readers; the bubble stays pending meanwhile.
      if (typeof frame.detail === "string") events.notice(frame.detail);
      return;
    }
    if (frame.type !== "message" || typeof frame.text !== "string") return;
    const id = Number(frame.id);
    if (!Number.isFinite(id) || id <= state.liveLastId) return; // already shown (a resend's echo, a replay)
    state.liveLastId = id;
    if (frame.sender === "artisan") {
      const item =
        state.liveOutbox.find((entry) => entry.clientId === frame.client_id) ||
        (frame.client_id ? null : state.liveOutbox.find((entry) => entry.text === frame.text));
      if (item) {
        state.liveOutbox = state.liveOutbox.filter((entry) => entry !== item);
        const message = state.messages.find((entry) => entry.id === item.messageId);
        if (message) {
          delete message.pending;
          events.updated(message);
        }
        save();
        return;
      }
      addMessage({ id: nextId(), from: "user", text: frame.text });
      return;
    }
    if (frame.sender === "advisor") {
      const author = frame.author || frame.advisor || (state.live && state.live.advisor) || "";
      addMessage({ id: nextId(), from: "advisor", author, text: frame.text });
    } else if (frame.sender === "system") {
      addMessage({ id: nextId(), from: "system", text: frame.text });
    }
  }

  /** Asks the web app where the live session stands (page load, or a socket that keeps failing). */
  function checkLive() {
    if (!state.sessionId || liveCheck || typeof fetch !== "function") return;
    const sessionId = state.sessionId;
    liveCheck = fetch(liveStateUrl(app, sessionId), { credentials: "omit", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        if (!body || sessionId !== state.sessionId) return;
        if (LIVE_STATES.includes(body.state)) {
          applyLive(body.state, body.advisor);
        } else if (isLive() && link.active) {
          // Ended while this page was away: the socket first delivers the lines said meanwhile (the
          // server sends the messages after our last id, then the state); without that state, give up.
          settleTimer = setTimeout(() => applyLive(body.state, null), 5000);
        }
      })
      .catch(() => {
        /* the web app cannot be reached: the socket keeps retrying */
      })
      .finally(() => {
        liveCheck = null;
      });
  }

  function sayLive(text) {
    const message = { id: nextId(), from: "user", text, pending: true };
    addMessage(message);
    const item = { clientId: newSessionId(), text, messageId: message.id };
    state.liveOutbox.push(item);
    save();
    link.send({ type: "message", text, client_id: item.clientId });
  }

  // Sent by a page the artisan has since left, and neither acknowledged nor answered there: it may not have
  // reached the server (over long-polling, the page's request is cancelled when it goes; on a loaded machine
  // the browser test lost one so). Sent again: the server processes a
  // client_message_id once and, for one already processed, sends its answers again (bot/channels.py), which
  // this page has not shown yet. What the leaving page saw answered was settled there (suspend).
  function resendWhatPreviousPageSent() {
    const sent = state.outbox.filter((entry) => entry.sent);
    if (!sent.length) return; // nothing written before the artisan opens the chat (nothing stored, no trace)
    for (const entry of sent) entry.sent = false;
    save();
  }
  resendWhatPreviousPageSent();

  function markDelivered(item) {
    state.outbox = state.outbox.filter((entry) => entry.id !== item.id);
    const message = state.messages.find((entry) => entry.id === item.messageId);
    if (message && message.pending) {
      delete message.pending;
      events.updated(message);
    }
    save();
  }

  function nextId() {
    return state.nextId++;
  }

  function addMessage(message) {
    state.messages.push(message);
    if (state.messages.length > MAX_MESSAGES) state.messages.splice(0, state.messages.length - MAX_MESSAGES);
    save();
    events.message(message);
  }

  function connect() {
    if (!socket) {
      socket = io(server, {
        autoConnect: false,
        // A websocket first; where a proxy or a firewall blocks it, HTTP long-polling (Rasa's server keeps a
        // polling session on the worker that holds it). tryAllTransports: a failed websocket falls back.
        transports: ["websocket", "polling"],
        tryAllTransports: true,
        reconnectionDelay: 1000, // then doubling, up to 10 s, randomized so clients do not all come back at once
        reconnectionDelayMax: 10000,
        randomizationFactor: 0.5,
        timeout: 10000,
      });
      socket.on("connect", () => socket.emit("session_request", { session_id: state.sessionId }));
      socket.on("session_confirm", () => {
        ready = true;
        if (!isLive()) events.status("online");
        pump();
        // Back after a lost connection: a takeover said meanwhile (to another tab, or while away) is asked for.
        checkLive();
      });
      socket.on("bot_uttered", (raw) => {
        const message = normalizeBotMessage(raw);
        const live = livePayload(raw);
        if (!message && !live) return;
        if (live && live.undelivered) {
          onUndelivered(live);
          return;
        }
        if (inFlight) answeredSinceSend = true;
        if (message) addMessage({ id: nextId(), from: "bot", ...message });
        // Only to enter live mode: a bot message replayed later (a resend's answers) must not undo a takeover.
        if (live && !isLive()) applyLive(live.state, live.advisor);
      });
      socket.on("connect_error", () => {
        if (!isLive()) events.status("offline");
      });
      socket.on("disconnect", (reason) => {
        ready = false;
        if (leaving) {
          inFlight = null;
          return;
        }
        giveUpInFlight();
        if (reason === "io client disconnect") return;
        if (!isLive()) events.status("offline");
        if (reason === "io server disconnect") socket.connect(); // the only case socket.io does not retry
      });
    }
    if (!socket.active) {
      if (!isLive()) events.status("connecting");
      socket.connect();
    }
  }

  function pump() {
    // While live, the assistant is paused: what waits here goes to it once the advisor hands back.
    if (!ready || inFlight || !state.outbox.length || isLive()) return;
    const item = state.outbox[0];
    item.sent = true;
    save();
    inFlight = item;
    answeredSinceSend = false;
    events.busy(true);
    socket.emit(
      "user_uttered",
      { message: item.payload, session_id: state.sessionId, metadata: { client_message_id: `${state.sessionId}-${item.id}` } },
      () => acknowledged(item)
    );
  }

  function acknowledged(item) {
    if (inFlight !== item) return;
    inFlight = null;
    events.busy(false);
    markDelivered(item);
    pump();
  }

  function giveUpInFlight() {
    if (!inFlight) return;
    const item = inFlight;
    if (answeredSinceSend) {
      acknowledged(item);
      return;
    }
    inFlight = null;
    item.sent = false; // never reached the server, or not processed: send it again once reconnected
    save();
    events.busy(false);
  }

  function enqueue(payload, messageId, bounced = false) {
    state.outbox.push({ id: nextId(), payload, messageId, sent: false, bounced });
    save();
    pump();
  }

  function begin() {
    state.sessionId = newSessionId();
    state.greeted = true;
    // The welcome (free, confidential, automated) is the bot's answer to the conversation's start.
    enqueue("/greet", null);
  }

  return {
    get state() {
      return state;
    },
    /** Called on page load: a conversation already started in this tab carries on. */
    resume() {
      if (!state.sessionId) return;
      connect();
      if (isLive()) link.start();
      checkLive();
    },
    open() {
      state.open = true;
      if (!state.sessionId) begin();
      save();
      connect();
    },
    close() {
      state.open = false;
      save();
    },
    say(text, payload = text) {
      if (isLive()) {
        sayLive(text);
        return;
      }
      const message = { id: nextId(), from: "user", text, pending: true };
      addMessage(message);
      enqueue(payload, message.id);
    },
    saveDraft(text) {
      state.draft = text;
      save();
    },
    clear() {
      if (socket) socket.disconnect(); // leaves the old conversation's room: none of its replies can arrive
      link.stop();
      // An advisor waiting for or holding the old conversation is told the artisan left (the session ends).
      // No body: a simple request, no preflight; keepalive: it still goes if the page is left at once.
      if (state.sessionId && typeof fetch === "function") {
        fetch(liveLeaveUrl(app, state.sessionId), { method: "POST", credentials: "omit", keepalive: true }).catch(() => {
          /* the web app cannot be reached: the advisor sees the artisan offline */
        });
      }
      clearTimeout(settleTimer);
      inFlight = null;
      ready = false;
      events.busy(false);
      state = withLiveFields({ ...freshState(), open: true });
      store.save(state);
      events.reset(state);
      begin();
      connect();
    },
    /** Back from the back-forward cache: another page of the site may have moved the conversation on. */
    reload() {
      leaving = false;
      state = withLiveFields(store.load());
      resendWhatPreviousPageSent();
      events.reset(state);
      if (!state.sessionId) return;
      connect();
      if (isLive()) link.start();
      checkLive();
    },
    /** The page is hidden for navigation: close the socket so the page may enter the back-forward cache. */
    suspend() {
      leaving = true;
      // Answered already: the server has it; the next page must not send it again (its answers would repeat).
      if (inFlight && answeredSinceSend) markDelivered(inFlight);
      if (socket && socket.active) socket.disconnect();
      link.stop(); // the live messages are asked for again, after the last id seen, when the page comes back
    },
  };
}

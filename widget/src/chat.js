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

/**
 * events: {message(msg), updated(msg), reset(state), status("connecting" | "online" | "offline"), busy(bool)}
 */
export function createChat({ server, store, events }) {
  let state = store.load();
  let socket = null;
  let ready = false; // session confirmed on the current connection
  let inFlight = null; // the outbox item sent on the current connection, not yet acknowledged
  let answeredSinceSend = false;
  let leaving = false; // the page is being left: the socket closes, but what it sent is delivered

  const save = () => store.save(state);

  // Sent on a live connection by a page the artisan has since left: that socket flushed it before
  // closing, so the server has it. Sending it again would duplicate it.
  function settleSentByPreviousPage() {
    for (const item of state.outbox.filter((entry) => entry.sent)) markDelivered(item);
  }
  settleSentByPreviousPage();

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
        events.status("online");
        pump();
      });
      socket.on("bot_uttered", (raw) => {
        const message = normalizeBotMessage(raw);
        if (!message) return;
        if (inFlight) answeredSinceSend = true;
        addMessage({ id: nextId(), from: "bot", ...message });
      });
      socket.on("connect_error", () => events.status("offline"));
      socket.on("disconnect", (reason) => {
        ready = false;
        if (leaving) {
          inFlight = null;
          return;
        }
        giveUpInFlight();
        if (reason === "io client disconnect") return;
        events.status("offline");
        if (reason === "io server disconnect") socket.connect(); // the only case socket.io does not retry
      });
    }
    if (!socket.active) {
      events.status("connecting");
      socket.connect();
    }
  }

  function pump() {
    if (!ready || inFlight || !state.outbox.length) return;
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

  function enqueue(payload, messageId) {
    state.outbox.push({ id: nextId(), payload, messageId, sent: false });
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
      if (state.sessionId) connect();
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
      inFlight = null;
      ready = false;
      events.busy(false);
      state = { ...freshState(), open: true };
      store.save(state);
      events.reset(state);
      begin();
      connect();
    },
    /** Back from the back-forward cache: another page of the site may have moved the conversation on. */
    reload() {
      leaving = false;
      state = store.load();
      settleSentByPreviousPage();
      events.reset(state);
      if (state.sessionId) connect();
    },
    /** The page is hidden for navigation: close the socket so the page may enter the back-forward cache. */
    suspend() {
      leaving = true;
      if (socket && socket.active) socket.disconnect();
    },
  };
}

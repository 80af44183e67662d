// The live conversation with an advisor of the chamber: a WebSocket to the web app (the hub of live
// messages; the protocol is in widget/README.md). This file only keeps that socket open: it reconnects with a randomized
// exponential backoff (1 s doubling to 10 s, as the socket.io connection to Rasa) and asks, each time,
// for the messages after the last id the widget saw (urlFor). chat.js keeps that id and the outbox.

/** ws(s)://host/widget/live/{id}?after={n}, from the web app's http(s) address. */
export function liveSocketUrl(app, sessionId, after) {
  const url = new URL(`${app}/widget/live/${encodeURIComponent(sessionId)}`);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("after", String(after || 0));
  return url.href;
}

export function liveStateUrl(app, sessionId) {
  return `${app}/widget/live/${encodeURIComponent(sessionId)}/state`;
}

export function liveLeaveUrl(app, sessionId) {
  return `${app}/widget/live/${encodeURIComponent(sessionId)}/leave`;
}

/** The delay before the attempt-th reconnection (0-based), in ms: 1 s doubling up to 10 s, times 0.5 to 1.5. */
export function backoff(attempt, random = Math.random) {
  return Math.min(10000, 1000 * 2 ** Math.min(attempt, 10)) * (0.5 + random());
}

/**
 * handlers: {urlFor() -> string, open(), frame(object), status("connecting" | "online" | "offline"),
 *            failed(attempts)} (failed: a connection could not be made or was lost; a retry is scheduled)
 */
export function createLiveLink(handlers) {
  let socket = null;
  let wanted = false;
  let attempt = 0;
  let timer = null;

  function open() {
    clearTimeout(timer);
    if (!wanted || socket) return;
    handlers.status("connecting");
    let current;
    try {
      current = new WebSocket(handlers.urlFor());
    } catch {
      return retry();
    }
    socket = current;
    current.onopen = () => {
      attempt = 0;
      handlers.status("online");
      handlers.open();
    };
    current.onmessage = (event) => {
      let frame = null;
      try {
        frame = JSON.parse(event.data);
      } catch {
        /* not a frame of the protocol: ignored */
      }
      if (frame && typeof frame === "object") handlers.frame(frame);
    };
    current.onclose = () => {
      if (socket !== current) return; // closed on purpose, or replaced
      socket = null;
      retry();
    };
  }

  function retry() {
    if (!wanted) return;
    handlers.status("offline");
    timer = setTimeout(open, backoff(attempt));
    attempt += 1;
    handlers.failed(attempt);
  }

  return {
    start() {
      wanted = true;
      open();
    },
    stop() {
      wanted = false;
      attempt = 0;
      clearTimeout(timer);
      if (socket) {
        const current = socket;
        socket = null;
        current.close(1000);
      }
    },
    /** Sends a frame if the socket is open; false otherwise (the caller keeps it for the next open). */
    send(frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    get active() {
      return wanted;
    },
  };
}

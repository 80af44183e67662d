// The conversation lives in sessionStorage: it follows the artisan from page to page of the site,
// and the browser forgets it when the tab is closed. Nothing else is stored, no cookie is set.

const VERSION = 1;

export function newSessionId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function freshState() {
  return {
    version: VERSION,
    sessionId: null, // set when the artisan first opens the chat
    open: false,
    greeted: false,
    draft: "",
    nextId: 1,
    messages: [], // {id, from: "bot" | "user", text, quickReplies?, pending?}
    outbox: [], // {id, payload, messageId | null, sent}: what must reach the server, in order
  };
}

export function createStore(key) {
  let storage = null;
  try {
    storage = window.sessionStorage;
    storage.setItem(`${key}:probe`, "1");
    storage.removeItem(`${key}:probe`);
  } catch {
    storage = null; // storage blocked: the conversation still works, for this page only
  }
  return {
    load() {
      try {
        const state = JSON.parse(storage && storage.getItem(key));
        if (state && state.version === VERSION) return state;
      } catch {
        /* unreadable: start afresh */
      }
      return freshState();
    },
    save(state) {
      try {
        if (storage) storage.setItem(key, JSON.stringify(state));
      } catch {
        /* quota or privacy mode: keep going in memory */
      }
    },
    clear() {
      if (storage) storage.removeItem(key);
    },
  };
}

// The widget's DOM, inside a shadow root so the chamber's CSS and ours never meet. Built with
// createElement and textContent only.

import { linkify, telHref } from "./richtext.js";
import { TEXT } from "./strings.js";

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child != null) element.append(child);
  }
  return element;
}

const hidden = (text) => h("span", { class: "visually-hidden" }, text);

// French typography: a narrow no-break space keeps "?", "!", ":", ";" and "»" on the word's line.
const frenchSpacing = (text) => text.replace(/ ([?!:;»])/g, "\u202f$1").replace(/« /g, "«\u202f");

function richText(text) {
  const fragment = document.createDocumentFragment();
  for (const part of linkify(text, location.href)) {
    if (!part.href) {
      fragment.append(frenchSpacing(part.text));
      continue;
    }
    const external = /^https?:/.test(part.href) && new URL(part.href).origin !== location.origin;
    fragment.append(
      h(
        "a",
        {
          href: part.href,
          target: external && "_blank",
          rel: external && "noopener noreferrer",
          // Numbers to call: read out digit by digit, and a 44 px target (styles.css a.call).
          "aria-label": part.label,
          class: part.label ? "call" : null,
        },
        part.text,
        external ? hidden(TEXT.newTab) : null
      )
    );
  }
  return fragment;
}

const FOCUSABLE = "a[href], button:not([disabled]), textarea, [tabindex='0']";

export function createView(shadow, config, actions) {
  const phoneLine = config.phone
    ? h(
        "p",
        {},
        TEXT.callUs(config.chamber),
        h("a", { href: telHref(config.phone) }, config.phone),
        config.hours ? ` (${config.hours}).` : "."
      )
    : null;
  const status = h("div", { class: "visually-hidden", role: "status" });
  const offlineText = h("p", {}, TEXT.offline);
  const offline = h("div", { class: "offline", hidden: true }, offlineText, phoneLine);
  let live = null; // {state, advisor} while an advisor holds or is asked for the conversation
  const connecting = h("p", { class: "connecting", hidden: true }, TEXT.connecting);
  let connectingTimer = null;
  // role=log is a polite live region; aria-live said again for the screen readers that only know that.
  const log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": TEXT.logLabel, tabindex: "0" });
  const typing = h(
    "div",
    { class: "typing", hidden: true, "aria-hidden": "true" },
    h("span", { class: "dots" }, h("span"), h("span"), h("span")),
    TEXT.typing
  );
  const replies = h("div", { class: "replies", role: "group", "aria-label": TEXT.quickRepliesLabel, hidden: true });
  const input = h("textarea", {
    id: "relais-input",
    rows: "2",
    maxlength: "10000", // the channels read up to 10,000 characters (bot/guard.py); a paste past it is cut here
    placeholder: TEXT.placeholder,
    autocomplete: "off",
    oninput: () => actions.draft(input.value),
    onkeydown: (event) => {
      // Enter sends, Shift+Enter goes to a new line (and composing an accent is left alone).
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    },
  });
  const form = h(
    "form",
    { class: "composer", onsubmit: (event) => (event.preventDefault(), submit()) },
    h("label", { for: "relais-input", class: "visually-hidden" }, TEXT.inputLabel),
    input,
    h("button", { type: "submit", class: "send" }, TEXT.send)
  );
  const launcher = h(
    "button",
    {
      type: "button",
      class: "launcher",
      "aria-expanded": "false",
      "aria-controls": "relais-panel",
      onclick: () => actions.open(),
    },
    h("span", { class: "bubble", "aria-hidden": "true" }),
    TEXT.launcher
  );
  const subtitle = h("p", { id: "relais-subtitle" }, TEXT.subtitle);
  const panel = h(
    "div",
    {
      id: "relais-panel",
      class: "panel",
      role: "dialog",
      "aria-labelledby": "relais-title",
      "aria-describedby": "relais-subtitle",
      hidden: true,
      onkeydown: onPanelKey,
    },
    h(
      "div",
      { class: "header" },
      h(
        "div",
        { class: "heading" },
        h("h2", { id: "relais-title" }, config.title),
        subtitle
      ),
      h("button", { type: "button", class: "close", "aria-label": TEXT.closeLabel, onclick: () => actions.close() },
        h("span", { "aria-hidden": "true" }, "×"), h("span", { class: "close-text" }, TEXT.close)),
      h("button", { type: "button", class: "clear", onclick: () => actions.clear() }, TEXT.clear),
      config.privacy
        ? h("a", { class: "privacy", href: config.privacy, target: "_blank", rel: "noopener" }, TEXT.privacy, hidden(TEXT.newTab))
        : null
    ),
    offline,
    connecting,
    log,
    typing,
    replies,
    form,
    status
  );
  shadow.append(h("aside", { "aria-label": TEXT.regionLabel }, launcher, panel));

  const narrow = window.matchMedia("(max-width: 30rem), (max-height: 30rem)");

  function submit() {
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    actions.draft("");
    actions.send(text);
    input.focus();
  }

  function onPanelKey(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      actions.close();
      return;
    }
    // Full screen on a phone, the panel hides the page: keep Tab inside it, as in a modal dialog.
    if (event.key === "Tab" && narrow.matches) {
      const focusable = [...panel.querySelectorAll(FOCUSABLE)].filter((el) => !el.closest("[hidden]"));
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = shadow.activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function speaker(message) {
    if (message.from === "advisor") {
      // The advisor's first name, seen above the bubble and heard before the words.
      const name = message.author || TEXT.advisor;
      return h("span", { class: "author" }, name, hidden(TEXT.says));
    }
    return hidden({ bot: TEXT.botSays, system: TEXT.systemSays }[message.from] || TEXT.youSay);
  }

  function messageElement(message) {
    const element = h(
      "div",
      { class: `message ${message.from}`, "data-id": String(message.id) },
      speaker(message),
      message.from === "user" ? message.text : richText(message.text)
    );
    if (message.pending) element.append(h("span", { class: "pending" }, TEXT.pending));
    return element;
  }

  function showReplies(list) {
    replies.replaceChildren(
      ...list.map((reply) =>
        h("button", { type: "button", onclick: () => (actions.reply(reply), input.focus()) }, reply.title)
      )
    );
    replies.hidden = !list.length;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /** The bot's reply so far in view from its first message: a reply taller than the log (the crisis reply on a
   * phone, the first steps) would otherwise show only its end, and its beginning is what matters most. */
  function scrollToReply() {
    const elements = [...log.querySelectorAll(".message")];
    let first = null;
    for (let i = elements.length - 1; i >= 0 && !elements[i].classList.contains("user"); i--) first = elements[i];
    if (!first) return scrollToEnd();
    const top = first.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop;
    const margin = 8;
    log.scrollTop = log.scrollHeight - top <= log.clientHeight ? log.scrollHeight : top - margin;
  }

  function lastIsUser() {
    const messages = log.querySelectorAll(".message");
    const last = messages[messages.length - 1];
    return !last || last.classList.contains("user");
  }

  return {
    render(state) {
      log.replaceChildren(...state.messages.map(messageElement));
      this.live(state.live);
      const last = state.messages[state.messages.length - 1];
      showReplies(last && last.from === "bot" && !live ? last.quickReplies || [] : []);
      input.value = state.draft || "";
      this.setOpen(state.open, false);
      scrollToEnd();
    },
    message(message) {
      log.append(messageElement(message));
      showReplies(message.from === "bot" && !live ? message.quickReplies || [] : []);
      if (message.from === "user") scrollToEnd();
      else scrollToReply();
    },
    updated(message) {
      const element = log.querySelector(`[data-id="${message.id}"]`);
      if (element) element.replaceWith(messageElement(message));
    },
    /** Live mode on ({state, advisor}) or off (null): who the artisan is talking to, in the header. */
    live(next) {
      live = next && (next.state === "waiting" || next.state === "active") ? next : null;
      if (!live) subtitle.textContent = TEXT.subtitle;
      else if (live.state === "active" && live.advisor) subtitle.textContent = TEXT.withAdvisor(live.advisor);
      else subtitle.textContent = TEXT.waitingAdvisor;
      offlineText.textContent = live ? TEXT.liveOffline : TEXT.offline;
      if (live) {
        showReplies([]);
        typing.hidden = true;
      }
    },
    busy(on) {
      typing.hidden = !on || !!live;
      // Only before the reply's first message: later, the reply's beginning stays in view (scrollToReply).
      if (on && lastIsUser()) scrollToEnd();
    },
    status(state) {
      // Shown only when connecting takes a while: a page change reconnects in a blink.
      clearTimeout(connectingTimer);
      connecting.hidden = true;
      if (state === "connecting") connectingTimer = setTimeout(() => (connecting.hidden = false), 1500);
      const wasOffline = !offline.hidden;
      offline.hidden = state !== "offline";
      // Said once to screen readers; the banner stays visible while it lasts.
      if (state === "offline" && !wasOffline) status.textContent = offlineText.textContent;
      if (state === "online" && wasOffline) status.textContent = TEXT.back;
    },
    announce(text) {
      status.textContent = text;
    },
    setOpen(open, moveFocus = true) {
      panel.hidden = !open;
      launcher.hidden = open;
      launcher.setAttribute("aria-expanded", String(open));
      panel.setAttribute("aria-modal", String(open && narrow.matches));
      if (!moveFocus) return;
      if (open) {
        scrollToEnd();
        input.focus();
      } else {
        launcher.focus();
      }
    },
    focusInput() {
      input.focus();
    },
  };
}

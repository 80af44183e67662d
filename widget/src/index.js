// Entry point: <script src=".../widget/relais-widget.js" data-server="https://rasa.example.fr"
//   data-app="https://relais.example.fr" (the web app, for the live chat with an advisor; default: this script's origin)
//   data-chamber="Chambre de métiers et de l'artisanat ..." data-phone="01 23 45 67 89"
//   data-hours="du lundi au vendredi, de 8 h à 17 h" data-title="..." data-color="#1f4e8c"
//   data-text-color="#ffffff" defer></script>

import { createChat } from "./chat.js";
import { parseHex, readableText } from "./colour.js";
import { createStore } from "./storage.js";
import { TEXT } from "./strings.js";
import { createView } from "./view.js";
import css from "./styles.css";

const DEFAULT_COLOR = "#1f4e8c";
const script = document.currentScript; // only defined while this file first runs

function readConfig() {
  const data = (script && script.dataset) || {};
  const scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const color = parseHex(data.color) ? data.color.trim().replace(/^#?/, "#") : DEFAULT_COLOR;
  return {
    server: (data.server || scriptOrigin).replace(/\/+$/, ""),
    // The web app that serves this script is also the hub of live messages with the chamber's advisors.
    app: (data.app || scriptOrigin).replace(/\/+$/, ""),
    chamber: data.chamber || TEXT.defaultChamber,
    title: data.title || TEXT.defaultTitle,
    phone: data.phone || "",
    // The privacy notice of the web app that serves this script (data-privacy to point elsewhere).
    privacy: data.privacy || `${scriptOrigin}/confidentialite`,
    hours: data.hours || "",
    color,
    textColor: readableText(color, data.textColor),
    // Outlines and words in the chamber's colour on white, when it is dark enough to read.
    accent: readableText("#ffffff", color) === color ? color : "#1a1a1a",
  };
}

function adoptStyles(shadow) {
  if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet === "function") {
    try {
      // A constructed sheet needs no inline <style>, so a strict Content-Security-Policy stays happy.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      /* older engine: fall through */
    }
  }
  const style = document.createElement("style");
  style.textContent = css;
  shadow.append(style);
}

function mount() {
  const config = readConfig();
  const host = document.createElement("div");
  host.id = "relais-widget";
  host.style.setProperty("--relais-color", config.color);
  host.style.setProperty("--relais-text", config.textColor);
  host.style.setProperty("--relais-accent", config.accent);
  const shadow = host.attachShadow({ mode: "open" });
  adoptStyles(shadow);

  let chat;
  const view = createView(shadow, config, {
    open: () => {
      chat.open();
      view.setOpen(true);
    },
    close: () => {
      chat.close();
      view.setOpen(false);
    },
    send: (text) => chat.say(text),
    reply: (reply) => chat.say(reply.title, reply.payload),
    draft: (text) => chat.saveDraft(text),
    clear: () => {
      chat.clear();
      view.announce(TEXT.cleared);
      view.focusInput();
    },
  });
  chat = createChat({
    server: config.server,
    app: config.app,
    store: createStore(`relais-widget:${config.server}`),
    events: {
      message: (message) => view.message(message),
      updated: (message) => view.updated(message),
      reset: (state) => view.render(state),
      status: (status) => view.status(status),
      busy: (on) => view.busy(on),
      live: (live) => view.live(live),
      notice: (text) => view.announce(text),
    },
  });
  view.render(chat.state);
  document.body.append(host);
  chat.resume();

  window.addEventListener("pagehide", () => chat.suspend());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) chat.reload();
  });
}

if (!window.__relaisWidget) {
  window.__relaisWidget = true;
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount, { once: true });
}

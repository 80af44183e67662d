// Bot text becomes text nodes and <a> elements built one by one: never innerHTML, so markup sent by
// the server is shown as it is written, and only http(s), mailto, tel and sms links are ever clickable.
// Every number to call (3114, 15, 112, the 114 by SMS, the chamber's phone) is a link with an
// aria-label that a screen reader reads out digit by digit ("Appeler le 3 1 1 4").

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);

const PATTERN = new RegExp(
  [
    /\[(?<label>[^\]\n]{1,300})\]\((?<target>[^()\s]{1,2000})\)/.source, // [label](url)
    /(?<url>\b(?:https?:\/\/|www\.)[^\s<>"]+)/.source,
    /(?<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b)/.source,
    /(?<phone>(?<![\d])0[ .]?[1-9](?:[ .]?\d){8}(?![\d]))/.source, // French numbers: 01 23 45 67 89, 0 805 65 50 50
    /(?<short>(?<![\d])3114(?![\d]|\s?(?:€|euros?)))/.source, // national suicide prevention line
    // The emergency SMS number, only where the text says it is one: "le 114 par SMS", "SMS au 114".
    /(?<sms>(?<=\b(?:le|au) )114(?=\s+par\s+SMS)|(?<=\bSMS (?:au|le) )114(?!\d))/.source,
    // SAMU and the European emergency number, only as "le 15", "au 112"..., never an amount or a date.
    /(?<emergency>(?<=\b(?:le|au|du) )(?:15|112)(?!\d|[.,/]\d|\s?(?:€|euros?|%|h\b|heures?|min|jours?|mois|ans?\b|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)))/.source,
  ].join("|"),
  "giu"
);

/** "3114" -> "3 1 1 4": screen readers read a short number digit by digit, phone numbers by pairs. */
export function spokenNumber(number) {
  const text = String(number).trim();
  return /^\d{3,4}$/.test(text) ? text.split("").join(" ") : text;
}

/** A URL the artisan may follow, or null. Relative links resolve against the chamber page. */
export function safeHref(raw, base) {
  try {
    const url = new URL(raw, base);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** "01 23 45 67 89" -> "tel:+33123456789"; other numbers keep their digits (and a leading +). */
export function telHref(phone) {
  const digits = String(phone).replace(/[^\d+]/g, "");
  return /^0\d{9}$/.test(digits) ? `tel:+33${digits.slice(1)}` : `tel:${digits}`;
}

function trimUrl(raw) {
  let url = raw.replace(/[.,;:!?»"']+$/u, "");
  while (url.endsWith(")") && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
    url = url.slice(0, -1).replace(/[.,;:!?»"']+$/u, "");
  }
  return url;
}

/**
 * Splits text into parts: {text} or {text, href}. Pure, so it is easy to reason about:
 * linkify("Voir https://urssaf.fr.") -> [{text:"Voir "}, {text:"https://urssaf.fr", href:...}, {text:"."}]
 */
export function linkify(text, base) {
  const parts = [];
  let last = 0;
  const push = (chunk) => {
    if (!chunk) return;
    const previous = parts[parts.length - 1];
    if (previous && !previous.href) previous.text += chunk;
    else parts.push({ text: chunk });
  };
  for (const match of String(text).matchAll(PATTERN)) {
    const groups = match.groups;
    let consumed = match[0];
    let part;
    if (groups.label !== undefined) {
      const href = safeHref(groups.target, base);
      part = href ? { text: groups.label, href } : { text: groups.label };
    } else if (groups.url !== undefined) {
      consumed = trimUrl(groups.url);
      const href = safeHref(consumed.startsWith("www.") ? `https://${consumed}` : consumed, base);
      part = href ? { text: consumed, href } : { text: consumed };
    } else if (groups.email !== undefined) {
      part = { text: groups.email, href: `mailto:${groups.email}` };
    } else if (groups.phone !== undefined) {
      part = { text: groups.phone, href: telHref(groups.phone), label: `Appeler le ${groups.phone}` };
    } else if (groups.sms !== undefined) {
      part = { text: groups.sms, href: `sms:${groups.sms}`, label: `Envoyer un SMS au ${spokenNumber(groups.sms)}` };
    } else if (groups.emergency !== undefined) {
      const number = groups.emergency;
      part = { text: number, href: `tel:${number}`, label: `Appeler le ${spokenNumber(number)}` };
    } else {
      part = { text: groups.short, href: `tel:${groups.short}`, label: `Appeler le ${spokenNumber(groups.short)}` };
    }
    push(text.slice(last, match.index));
    if (part.href) parts.push(part);
    else push(part.text);
    last = match.index + consumed.length;
  }
  push(String(text).slice(last));
  return parts;
}

// Table-driven tests of the pure text and colour helpers: `npm test` (node's own test runner).
import assert from "node:assert/strict";
import { test } from "node:test";
import { linkify, safeHref, telHref } from "../src/richtext.js";
import { contrastRatio, parseHex, readableText } from "../src/colour.js";

const BASE = "https://www.cma-exemple.fr/entreprises-en-difficulte/";

const LINKIFY_CASES = [
  ["plain text stays one part", "Bonjour, je vous écoute.", [{ text: "Bonjour, je vous écoute." }]],
  ["markup is text", "<b>gras</b> <img src=x onerror=alert(1)>", [{ text: "<b>gras</b> <img src=x onerror=alert(1)>" }]],
  [
    "a bare URL, its final full stop left out",
    "Voir https://www.urssaf.fr/accueil.html.",
    [{ text: "Voir " }, { text: "https://www.urssaf.fr/accueil.html", href: "https://www.urssaf.fr/accueil.html" }, { text: "." }],
  ],
  [
    "www. gets https",
    "Sur www.artisanat.fr, rubrique aides",
    [{ text: "Sur " }, { text: "www.artisanat.fr", href: "https://www.artisanat.fr/" }, { text: ", rubrique aides" }],
  ],
  [
    "a bracketed URL keeps its own parentheses, not the sentence's",
    "(voir https://fr.wikipedia.org/wiki/Artisan_(métier))",
    [{ text: "(voir " }, { text: "https://fr.wikipedia.org/wiki/Artisan_(métier)", href: "https://fr.wikipedia.org/wiki/Artisan_(m%C3%A9tier)" }, { text: ")" }],
  ],
  [
    "a markdown link shows its label",
    "[Demander un délai](https://www.urssaf.fr/delai) en ligne",
    [{ text: "Demander un délai", href: "https://www.urssaf.fr/delai" }, { text: " en ligne" }],
  ],
  ["a javascript: link is only its label", "[ici](javascript:void)", [{ text: "ici" }]],
  ["a data: link is only its label", "[ici](data:text/html;base64,PHA+)", [{ text: "ici" }]],
  ["a relative link resolves on the chamber's site", "[contact](/contact)", [{ text: "contact", href: "https://www.cma-exemple.fr/contact" }]],
  [
    "an e-mail address",
    "Écrivez à soutien@cma-exemple.fr.",
    [{ text: "Écrivez à " }, { text: "soutien@cma-exemple.fr", href: "mailto:soutien@cma-exemple.fr" }, { text: "." }],
  ],
  [
    "French phone numbers, grouped either way",
    "au 01 23 45 67 89 ou 0 805 65 50 50",
    [
      { text: "au " },
      { text: "01 23 45 67 89", href: "tel:+33123456789", label: "Appeler le 01 23 45 67 89" },
      { text: " ou " },
      { text: "0 805 65 50 50", href: "tel:+33805655050", label: "Appeler le 0 805 65 50 50" },
    ],
  ],
  [
    "the 3114 line",
    "appelez le 3114, jour et nuit",
    [{ text: "appelez le " }, { text: "3114", href: "tel:3114", label: "Appeler le 3 1 1 4" }, { text: ", jour et nuit" }],
  ],
  [
    "the emergency numbers and the 114 by SMS, as the crisis reply writes them",
    "En cas de danger immédiat, appelez le 15 ou le 112 ; le 114 par SMS si vous ne pouvez pas parler ou entendre.",
    [
      { text: "En cas de danger immédiat, appelez le " },
      { text: "15", href: "tel:15", label: "Appeler le 15" },
      { text: " ou le " },
      { text: "112", href: "tel:112", label: "Appeler le 1 1 2" },
      { text: " ; le " },
      { text: "114", href: "sms:114", label: "Envoyer un SMS au 1 1 4" },
      { text: " par SMS si vous ne pouvez pas parler ou entendre." },
    ],
  ],
  [
    "15 and 112 as dates, amounts or durations are not numbers to call",
    "le 15 décembre, le 112 €, dans 15 jours, le 15/12, au 15 h, 114 clients",
    [{ text: "le 15 décembre, le 112 €, dans 15 jours, le 15/12, au 15 h, 114 clients" }],
  ],
  ["3114 as an amount is not a number to call", "3114 € ou 31145", [{ text: "3114 € ou 31145" }]],
  ["a 9-digit number is not a phone number", "dossier 012345678", [{ text: "dossier 012345678" }]],
];

for (const [name, input, expected] of LINKIFY_CASES) {
  test(`linkify: ${name}`, () => assert.deepEqual(linkify(input, BASE), expected));
}

test("safeHref allows only http(s), mailto and tel", () => {
  const cases = [
    ["https://a.fr/x", "https://a.fr/x"],
    ["http://a.fr/", "http://a.fr/"],
    ["mailto:a@b.fr", "mailto:a@b.fr"],
    ["tel:3114", "tel:3114"],
    ["javascript:alert(1)", null],
    [" JaVaScRiPt:alert(1)", null],
    ["vbscript:x", null],
    ["data:text/html,x", null],
    ["file:///etc/passwd", null],
  ];
  for (const [raw, expected] of cases) assert.equal(safeHref(raw, BASE), expected, raw);
});

test("telHref makes French numbers international", () => {
  assert.equal(telHref("01 23 45 67 89"), "tel:+33123456789");
  assert.equal(telHref("09.72.72.20.60"), "tel:+33972722060");
  assert.equal(telHref("+32 2 123 45 67"), "tel:+3221234567");
});

test("parseHex reads #rgb and #rrggbb, nothing else", () => {
  assert.deepEqual(parseHex("#17c"), [17, 119, 204]);
  assert.deepEqual(parseHex("8c1d40"), [140, 29, 64]);
  for (const bad of ["", "red", "#12345", "url(x)", "#gggggg", undefined]) assert.equal(parseHex(bad), null, bad);
});

test("readableText always reaches 4.5:1, whatever the chamber's colour", () => {
  for (let r = 0; r <= 255; r += 17) {
    for (let g = 0; g <= 255; g += 17) {
      for (let b = 0; b <= 255; b += 17) {
        const background = `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
        const text = readableText(background);
        assert.ok(contrastRatio(parseHex(background), parseHex(text)) >= 4.5, `${text} on ${background}`);
      }
    }
  }
});

test("readableText keeps the chamber's text colour only when it is readable", () => {
  assert.equal(readableText("#8c1d40", "#fff0f0"), "#fff0f0");
  assert.equal(readableText("#ffd400", "#ffffff"), "#000000");
});

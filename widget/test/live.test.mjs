// The live chat's pure helpers: where the socket goes, how long a reconnection waits, what a bot message says.
import assert from "node:assert/strict";
import { test } from "node:test";
import { livePayload } from "../src/chat.js";
import { backoff, liveSocketUrl, liveStateUrl } from "../src/live.js";

test("the live socket is the web app's address in ws(s), with the last id seen", () => {
  assert.equal(liveSocketUrl("https://relais.example.fr", "abc123", 42), "wss://relais.example.fr/widget/live/abc123?after=42");
  assert.equal(liveSocketUrl("http://127.0.0.1:8000", "abc", 0), "ws://127.0.0.1:8000/widget/live/abc?after=0");
  assert.equal(liveSocketUrl("http://127.0.0.1:8000/relais", "a/b", undefined), "ws://127.0.0.1:8000/relais/widget/live/a%2Fb?after=0");
  assert.equal(liveStateUrl("https://relais.example.fr", "abc"), "https://relais.example.fr/widget/live/abc/state");
});

test("reconnections wait 1 s doubling up to 10 s, randomized by half", () => {
  const middle = () => 0.5;
  assert.deepEqual([0, 1, 2, 3, 4, 5, 60].map((n) => backoff(n, middle)), [1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  assert.equal(backoff(0, () => 0), 500);
  assert.ok(Math.abs(backoff(9, () => 0.999999) - 14999.99) < 1e-6);
});

test("the live payload is found where each channel puts it, and nowhere else", () => {
  const waiting = { state: "waiting" };
  assert.deepEqual(livePayload({ relais_live: waiting }), waiting); // socket.io, json_message={"data": {...}}
  assert.deepEqual(livePayload({ text: "Bien reçu.", custom: { relais_live: waiting } }), waiting);
  assert.deepEqual(livePayload({ custom: { data: { relais_live: waiting } } }), waiting);
  assert.deepEqual(livePayload({ data: { relais_live: { state: "active", advisor: "Marie" } } }), { state: "active", advisor: "Marie" });
  assert.equal(livePayload({ text: "relais_live" }), null);
  assert.equal(livePayload({ relais_live: "waiting" }), null);
  assert.equal(livePayload({ relais_live: { advisor: "Marie" } }), null);
  assert.equal(livePayload(null), null);
});

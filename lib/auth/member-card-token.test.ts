import { describe, expect, it } from "vitest";
import { cardTokenKey, signCardToken, verifyCardToken } from "./member-card-token";

const key = cardTokenKey("test-secret-at-least-16-chars");
const programId = "11111111-1111-4111-8111-111111111111";
const otherProgram = "22222222-2222-4222-8222-222222222222";
const memberId = "3f2a9c4e-8b1d-4e6f-a0b2-c3d4e5f60718";
const now = new Date("2026-11-23T17:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

function tamper(token: string, index: number, replacement: (part: string) => string): string {
  const parts = token.split(".");
  parts[index] = replacement(parts[index]!);
  return parts.join(".");
}

describe("member card tokens", () => {
  const { token, expiresAt } = signCardToken(key, { programId, memberId, now });

  it("carries the member, not in plain text, and lives five minutes", () => {
    expect(token).toMatch(/^LZ1\.[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(token).not.toContain(memberId);
    expect(expiresAt.getTime() - now.getTime()).toBe(300_000);
  });

  it.each([
    ["accepted right away", token, programId, 0, { ok: true, memberId }],
    ["accepted a second before expiry", token, programId, 299, { ok: true, memberId }],
    ["refused at expiry", token, programId, 300, { ok: false, reason: "expired" }],
    ["refused long after", token, programId, 86_400, { ok: false, reason: "expired" }],
    ["refused in another program", token, otherProgram, 0, { ok: false, reason: "bad_signature" }],
    ["refused with a forged expiry", tamper(token, 2, (e) => String(Number(e) + 3600)), programId, 0, { ok: false, reason: "bad_signature" }],
    ["refused with another member swapped in", tamper(token, 1, () => Buffer.alloc(16, 7).toString("base64url")), programId, 0, { ok: false, reason: "bad_signature" }],
    ["refused with a flipped signature", tamper(token, 3, (s) => (s[0] === "A" ? "B" : "A") + s.slice(1)), programId, 0, { ok: false, reason: "bad_signature" }],
    ["refused when signed with another key", signCardToken(cardTokenKey("another-secret-of-16+"), { programId, memberId, now }).token, programId, 0, { ok: false, reason: "bad_signature" }],
    ["refused: a raw member id", memberId, programId, 0, { ok: false, reason: "malformed" }],
    ["refused: a card number", "2000123456", programId, 0, { ok: false, reason: "malformed" }],
    ["refused: wrong version", tamper(token, 0, () => "LZ2"), programId, 0, { ok: false, reason: "malformed" }],
    ["refused: empty", "", programId, 0, { ok: false, reason: "malformed" }],
  ] as const)("%s", (_name, candidate, program, after, expected) => {
    expect(verifyCardToken(key, candidate, { programId: program, now: later(after) })).toMatchObject(expected);
  });

  it("refuses a validly signed token that claims too long a life", () => {
    const long = signCardToken(key, { programId, memberId, now, ttlSeconds: 3600 }).token;
    expect(verifyCardToken(key, long, { programId, now })).toEqual({ ok: false, reason: "expired" });
  });

  it("gives a new token once a second has passed", () => {
    expect(signCardToken(key, { programId, memberId, now: later(1) }).token).not.toBe(token);
  });
});

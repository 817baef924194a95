import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The token a member card's QR carries: `LZ1.<member>.<expires>.<mac>` where
 * member is the member id's 16 bytes in base64url, expires is epoch seconds and
 * mac is HMAC-SHA256 (first 16 bytes, base64url) over the program id, member
 * and expiry. The program id is signed but not carried: a token read in
 * another program fails its signature. Pure: the key and `now` are passed in.
 */
export const CARD_TOKEN_TTL_SECONDS = 300;
/** A token claiming a longer life than this was not made by us (or the clock jumped): refused. */
const MAX_TTL_SECONDS = 600;
const PREFIX = "LZ1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CardTokenRefusal = "malformed" | "bad_signature" | "expired";
export type CardTokenCheck = { ok: true; memberId: string; expiresAt: Date } | { ok: false; reason: CardTokenRefusal };

function packUuid(id: string): string {
  return Buffer.from(id.replace(/-/g, ""), "hex").toString("base64url");
}

function unpackUuid(packed: string): string | null {
  const bytes = Buffer.from(packed, "base64url");
  if (bytes.length !== 16 || bytes.toString("base64url") !== packed) return null;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(key: string, programId: string, member: string, expires: string): string {
  return createHmac("sha256", key).update(`${PREFIX}.${programId.toLowerCase()}.${member}.${expires}`).digest().subarray(0, 16).toString("base64url");
}

/** A fresh token for the member, valid `ttlSeconds` from `now`. */
export function signCardToken(key: string, p: { programId: string; memberId: string; now: Date; ttlSeconds?: number }): { token: string; expiresAt: Date } {
  if (!UUID.test(p.memberId)) throw new Error("memberId must be a UUID");
  const expires = Math.floor(p.now.getTime() / 1000) + (p.ttlSeconds ?? CARD_TOKEN_TTL_SECONDS);
  const member = packUuid(p.memberId);
  return { token: `${PREFIX}.${member}.${expires}.${mac(key, p.programId, member, String(expires))}`, expiresAt: new Date(expires * 1000) };
}

/** Checks the shape, then the signature for this program, then the expiry. */
export function verifyCardToken(key: string, token: string, p: { programId: string; now: Date }): CardTokenCheck {
  const parts = token.trim().split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^\d{1,12}$/.test(parts[2]!)) return { ok: false, reason: "malformed" };
  const [, member, expires, signature] = parts as [string, string, string, string];
  const memberId = unpackUuid(member);
  if (!memberId) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(mac(key, p.programId, member, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  const expiresAt = new Date(Number(expires) * 1000);
  const nowSeconds = p.now.getTime() / 1000;
  if (Number(expires) <= nowSeconds || Number(expires) - nowSeconds > MAX_TTL_SECONDS) return { ok: false, reason: "expired" };
  return { ok: true, memberId, expiresAt };
}

/** The card-token key, derived from the server secret so it never equals the session key. */
export function cardTokenKey(serverSecret: string): string {
  return createHmac("sha256", serverSecret).update("lazo:member-card-token:v1").digest("base64url");
}

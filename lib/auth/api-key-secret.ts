import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API keys look like `lz_<prefix>_<secret>`: the prefix (shown in the console)
 * tells keys apart, the 32-byte secret is shown once and only its SHA-256 is
 * stored. A fast hash is right here: the secret has 256 bits of entropy, so
 * there is nothing to brute-force, and lookups by hash stay O(1).
 */
export type GeneratedApiKey = { key: string; prefix: string; secretHash: string };

const PATTERN = /^lz_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 8);
  const key = `lz_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeApiKey(key: string): boolean {
  return PATTERN.test(key);
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

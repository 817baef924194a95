import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

/** Six digits: easy to type from a phone; safe because codes expire fast and allow 5 attempts. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Keyed hash: a leaked table cannot be brute-forced offline without the server
 * secret (a plain hash of one million possible codes could).
 */
export function hashCode(code: string, secret: string): string {
  return createHmac("sha256", secret).update(code).digest("hex");
}

export function codeMatches(code: string, expectedHash: string, secret: string): boolean {
  const actual = Buffer.from(hashCode(code, secret), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

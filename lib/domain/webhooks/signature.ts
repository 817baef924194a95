import { createHmac, timingSafeEqual } from "node:crypto";

/** Version tag of the signature scheme: receivers should ignore schemes they do not know. */
export const SIGNATURE_SCHEME = "v1";

/** The signed text: the Unix timestamp (seconds), a dot, and the exact body bytes. */
export function signedContent(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

/** `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, the value of Lazo-Webhook-Signature. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const digest = createHmac("sha256", secret).update(signedContent(timestamp, body)).digest("hex");
  return `${SIGNATURE_SCHEME}=${digest}`;
}

/**
 * What a receiver does (the documented snippet, in code): recompute the HMAC,
 * compare in constant time, and refuse timestamps outside the tolerance so a
 * captured request cannot be replayed later. The header may carry several
 * comma-separated signatures; any valid one passes.
 */
export function verifyWebhook(p: { secret: string; timestamp: string | number; body: string; signatureHeader: string; nowSeconds: number; toleranceSeconds?: number }): boolean {
  const timestamp = Number(p.timestamp);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(p.nowSeconds - timestamp) > (p.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(p.secret, timestamp, p.body));
  return p.signatureHeader
    .split(",")
    .map((s) => Buffer.from(s.trim()))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

/**
 * The receiver-side check shown in the console and in docs/WEBHOOKS.md, as
 * text. webhooks.test.ts runs this very text against real signatures.
 */
export const VERIFY_SNIPPET = `import crypto from "node:crypto";

// rawBody: the request body exactly as received (a string, before JSON.parse).
export function verifyLazoWebhook(headers, rawBody, secret) {
  const timestamp = headers["lazo-webhook-timestamp"];
  const signatures = String(headers["lazo-webhook-signature"] ?? "").split(",");
  // Refuse old or future timestamps (5 minutes) so a captured request cannot be replayed.
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from("v1=" + crypto.createHmac("sha256", secret)
    .update(timestamp + "." + rawBody).digest("hex"));
  return signatures.some((s) => {
    const given = Buffer.from(s.trim());
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}`;

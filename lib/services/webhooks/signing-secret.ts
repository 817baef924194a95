import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { serverSecret } from "@/lib/auth/server-secret";

/**
 * Webhook signing secrets must be readable to sign, so they cannot be hashed
 * like API keys. They are sealed with AES-256-GCM under a key derived from
 * AUTH_SECRET (a database dump alone does not reveal them); rotating
 * AUTH_SECRET therefore means rotating every endpoint's secret.
 */
const FORMAT = "v1";

function key(): Buffer {
  return createHash("sha256").update(`lazo:webhook-secrets:${serverSecret()}`).digest();
}

export function generateSigningSecret(): { secret: string; hint: string } {
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return { secret, hint: secret.slice(0, 10) };
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** Throws when the value was sealed under another AUTH_SECRET (or tampered with). */
export function openSecret(value: string): string {
  const [format, iv, tag, sealed] = value.split(".");
  if (format !== FORMAT || !iv || !tag || !sealed) throw new Error("Unknown webhook secret format.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
}

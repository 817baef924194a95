import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/**
 * The origin for links in mails. AUTH_URL (or APP_URL) wins: trusting the
 * Host header would let anyone who can reach the server choose where reset
 * links point (password-reset poisoning) — set one of them in production.
 */
export async function linkOrigin(): Promise<string> {
  const configured = process.env.AUTH_URL || process.env.APP_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** The caller's address for rate limits, inside a server action or page. */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}

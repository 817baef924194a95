import { buildWebhookPayload, eventPublicId, serializePayload } from "@/lib/domain/webhooks/payload";
import { signWebhook } from "@/lib/domain/webhooks/signature";

export const WEBHOOK_TIMEOUT_MS = 10_000;
const USER_AGENT = "Lazo-Webhooks/1";

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; redirect: "manual"; signal: AbortSignal }) => Promise<{ status: number; text(): Promise<string> }>;

export type SendOutcome = { ok: boolean; status: number | null; error: string | null; durationMs: number };

/**
 * One signed POST. Success is any 2xx; redirects are not followed (the URL
 * registered is the URL called); the request is abandoned after the timeout.
 */
export async function sendWebhook(
  fetchImpl: FetchLike,
  p: { url: string; secret: string; event: { id: number; type: string; programId: string; createdAt: Date; payload: unknown }; now: Date; timeoutMs?: number },
): Promise<SendOutcome> {
  const body = serializePayload(buildWebhookPayload(p.event));
  const timestamp = Math.floor(p.now.getTime() / 1000);
  const started = performance.now();
  try {
    const response = await fetchImpl(p.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Lazo-Webhook-Id": eventPublicId(p.event.id),
        "Lazo-Webhook-Timestamp": String(timestamp),
        "Lazo-Webhook-Signature": signWebhook(p.secret, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(p.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => "");
    const ok = response.status >= 200 && response.status < 300;
    const error = ok ? null : `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
    return { ok, status: response.status, error, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error, p.timeoutMs ?? WEBHOOK_TIMEOUT_MS), durationMs: Math.round(performance.now() - started) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `Timed out after ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (cause?.code ? `${cause.code}: ${cause.message ?? message}` : message).slice(0, 300);
}

import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEndpointUrl } from "./endpoint-url";
import { buildWebhookPayload, serializePayload } from "./payload";
import { MAX_DELAY_MS, planRetry, RETRY_WINDOW_MS, shouldDisableEndpoint } from "./retry-schedule";
import { signWebhook, verifyWebhook } from "./signature";

const secret = "whsec_test-secret";

describe("webhook signatures", () => {
  it("signs timestamp.body with HMAC-SHA256 as v1=<hex>", () => {
    const body = '{"id":"evt_1"}';
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signWebhook(secret, 1_700_000_000, body)).toBe(`v1=${expected}`);
  });

  it("verifies its own signature and refuses a changed body, another secret or a stale timestamp", () => {
    const body = '{"id":"evt_2","data":{"points":10}}';
    const signatureHeader = signWebhook(secret, 1_700_000_000, body);
    const base = { secret, timestamp: "1700000000", body, signatureHeader, nowSeconds: 1_700_000_060 };
    expect(verifyWebhook(base)).toBe(true);
    expect(verifyWebhook({ ...base, body: body.replace("10", "11") })).toBe(false);
    expect(verifyWebhook({ ...base, secret: "whsec_other" })).toBe(false);
    expect(verifyWebhook({ ...base, nowSeconds: 1_700_000_000 + 301 })).toBe(false);
    expect(verifyWebhook({ ...base, signatureHeader: `v1=deadbeef, ${signatureHeader}` })).toBe(true);
    expect(verifyWebhook({ ...base, timestamp: "soon" })).toBe(false);
  });
});

describe("retry schedule", () => {
  const firstAt = new Date("2026-01-01T00:00:00Z");

  it.each([
    [1, 0, 15_000],
    [1, 0.999999, 30_000],
    [2, 0, 30_000],
    [3, 0.5, 90_000],
    [8, 0, 1_920_000],
    [12, 0, MAX_DELAY_MS / 2],
  ])("after attempt %i with jitter %f waits %i ms", (attempt, random, delay) => {
    const plan = planRetry({ attempt, firstAt, now: firstAt, random });
    expect(plan).toEqual({ retryAt: new Date(firstAt.getTime() + delay) });
  });

  it("uses the configured base (fast retries in tests)", () => {
    expect(planRetry({ attempt: 2, firstAt, now: firstAt, baseMs: 100, random: 1 })).toEqual({ retryAt: new Date(firstAt.getTime() + 200) });
  });

  it("gives up once the next try would fall beyond 24 hours", () => {
    const late = new Date(firstAt.getTime() + RETRY_WINDOW_MS - 60_000);
    expect(planRetry({ attempt: 15, firstAt, now: late, random: 0 })).toEqual({ giveUp: true });
  });

  it("never waits less than half nor more than the capped delay, and stays inside the window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: RETRY_WINDOW_MS }), (attempt, random, elapsed) => {
        const now = new Date(firstAt.getTime() + elapsed);
        const plan = planRetry({ attempt, firstAt, now, random });
        if ("giveUp" in plan) return;
        const wait = plan.retryAt.getTime() - now.getTime();
        const full = Math.min(30_000 * 2 ** (attempt - 1), MAX_DELAY_MS);
        expect(wait).toBeGreaterThanOrEqual(full / 2);
        expect(wait).toBeLessThanOrEqual(full);
        expect(plan.retryAt.getTime()).toBeLessThanOrEqual(firstAt.getTime() + RETRY_WINDOW_MS);
      }),
    );
  });

  it("disables an endpoint only after a full day without success", () => {
    const now = new Date(firstAt.getTime() + RETRY_WINDOW_MS);
    expect(shouldDisableEndpoint({ failingSince: null, now })).toBe(false);
    expect(shouldDisableEndpoint({ failingSince: new Date(now.getTime() - 1000), now })).toBe(false);
    expect(shouldDisableEndpoint({ failingSince: firstAt, now })).toBe(true);
  });
});

describe("payload", () => {
  it("wraps the event in a stable envelope", () => {
    const payload = buildWebhookPayload({ id: 42, type: "points.earned", programId: "p-1", createdAt: new Date("2026-02-03T04:05:06Z"), payload: { memberId: "m-1", points: 10 } });
    expect(payload).toEqual({ id: "evt_42", type: "points.earned", occurredAt: "2026-02-03T04:05:06.000Z", programId: "p-1", data: { memberId: "m-1", points: 10 } });
    expect(JSON.parse(serializePayload(payload))).toEqual(payload);
  });
});

describe("endpoint URLs", () => {
  it.each([
    ["https://hooks.example.com/lazo", null],
    ["http://localhost:4000/hook", null],
    ["http://127.0.0.1:4000/hook", null],
    ["http://hooks.example.com/lazo", "https_required"],
    ["ftp://hooks.example.com", "invalid"],
    ["not a url", "invalid"],
    ["https://user:pass@hooks.example.com", "credentials"],
  ])("%s → %s", (url, problem) => {
    expect(checkEndpointUrl(url)).toBe(problem);
  });
});

describe("the documented verification snippet", () => {
  it("accepts what Lazo signs and refuses tampering", async () => {
    const { VERIFY_SNIPPET } = await import("./verify-snippet");
    const crypto = await import("node:crypto");
    const source = VERIFY_SNIPPET.replace('import crypto from "node:crypto";', "").replace("export function", "function");
    const verify = new Function("crypto", "Buffer", `${source}\nreturn verifyLazoWebhook;`)(crypto, Buffer) as (h: Record<string, string>, body: string, secret: string) => boolean;
    const body = '{"id":"evt_9","type":"points.earned"}';
    // The snippet checks against the real clock, so the test signs with it.
    const timestamp = Math.floor(new Date().getTime() / 1000);
    const headers = { "lazo-webhook-timestamp": String(timestamp), "lazo-webhook-signature": signWebhook(secret, timestamp, body) };
    expect(verify(headers, body, secret)).toBe(true);
    expect(verify(headers, body.replace("9", "8"), secret)).toBe(false);
    expect(verify({ ...headers, "lazo-webhook-timestamp": String(timestamp - 3600) }, body, secret)).toBe(false);
  });
});

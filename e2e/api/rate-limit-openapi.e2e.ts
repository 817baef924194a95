import { expect, test } from "@playwright/test";
import { api, fixtures } from "./api-client";

test.describe("rate limits and the OpenAPI document", () => {
  test("every answer carries RateLimit headers; past the key's limit it is 429 rate_limited with Retry-After", async ({ request }) => {
    const limited = api(request, fixtures().api.limitedKey);
    const memberId = fixtures().members.a.id;
    const first = await limited.get(`/api/v1/members/${memberId}`);
    expect(first.headers()).toMatchObject({ "ratelimit-limit": "3", "ratelimit-remaining": expect.stringMatching(/^[0-2]$/), "ratelimit-reset": expect.stringMatching(/^\d+$/) });
    // Two one-minute windows allow at most 6 requests, so 7 more always meet a refusal.
    let refused = first;
    for (let i = 0; i < 7 && refused.status() !== 429; i++) refused = await limited.get(`/api/v1/members/${memberId}`);
    expect(refused.status()).toBe(429);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(refused.headers()["ratelimit-remaining"]).toBe("0");
    expect(await refused.json()).toMatchObject({ code: "rate_limited", status: 429 });
    const normal = await api(request).get(`/api/v1/members/${memberId}`);
    expect(normal.status()).toBe(200);
    expect(normal.headers()["ratelimit-limit"]).toBe("1200");
  });

  test("publishes an OpenAPI 3.1 document of every endpoint", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    for (const path of ["/api/v1/refunds", "/api/v1/holds", "/api/v1/holds/{id}/capture", "/api/v1/holds/{id}/void", "/api/v1/members/{id}/history"]) expect(document.paths[path]).toBeDefined();
    expect(document.paths["/api/v1/members/{id}"].patch).toBeDefined();
  });
});

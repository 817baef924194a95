import { expect, test } from "@playwright/test";

test.describe("API front door", () => {
  test("describes itself and reports healthy", async ({ request }) => {
    const index = await request.get("/api/v1");
    expect(index.status()).toBe(200);
    expect(await index.json()).toMatchObject({ name: "Lazo API", version: "v1", links: { health: "/api/v1/health" } });
    const health = await request.get("/api/v1/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
  });
});

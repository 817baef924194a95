import { expect, test } from "@playwright/test";
import { api, fixtures, unique } from "./api-client";

test.describe("/api/v1/products", () => {
  test("upserts products by SKU, replays the first answer, and reads them back by SKU and by any category level", async ({ request }) => {
    const client = api(request);
    const tag = unique("CAT").toUpperCase();
    const department = `Electrónica ${tag}`;
    const body = {
      products: [
        { sku: `${tag}-AUD`, name: "Audífonos", department, category: "Audio", subcategory: "Audífonos", brand: "Sonora", unitCost: 45.5 },
        { sku: `${tag}-TV`, name: "Televisor", department, category: "Video", unitCost: 300 },
      ],
    };
    const first = await client.post("/api/v1/products", body, `idem-${tag}`);
    expect(first.status()).toBe(201);
    expect(await first.json()).toEqual({ created: 2, updated: 0, unchanged: 0, categoriesCreated: 4 });

    const replay = await client.post("/api/v1/products", body, `idem-${tag}`);
    expect(replay.status()).toBe(201);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");

    const again = await client.post("/api/v1/products", body);
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const changed = await client.post("/api/v1/products", { products: [{ ...body.products[1], unitCost: 280 }] });
    expect(await changed.json()).toMatchObject({ created: 0, updated: 1 });

    const one = await client.get(`/api/v1/products/${tag}-AUD`);
    expect(one.status()).toBe(200);
    const departmentCode = `electronica-${tag.toLowerCase()}`;
    expect(await one.json()).toMatchObject({
      sku: `${tag}-AUD`,
      department,
      category: "Audio",
      subcategory: "Audífonos",
      categoryCode: `${departmentCode}/audio/audifonos`,
      categoryCodes: [departmentCode, `${departmentCode}/audio`, `${departmentCode}/audio/audifonos`],
      brand: "Sonora",
      unitCost: 45.5,
      currency: "USD",
      active: true,
    });

    const byDepartment = await (await client.get(`/api/v1/products?category=${encodeURIComponent(departmentCode)}`)).json();
    expect(byDepartment).toMatchObject({ total: 2, nextCursor: null });
    expect(byDepartment.data.map((p: { sku: string; unitCost: number }) => [p.sku, p.unitCost])).toEqual([[`${tag}-AUD`, 45.5], [`${tag}-TV`, 280]]);
    const paged = await (await client.get(`/api/v1/products?category=${encodeURIComponent(departmentCode)}&limit=1`)).json();
    expect(paged).toMatchObject({ total: 2, nextCursor: `${tag}-AUD` });
    const second = await (await client.get(`/api/v1/products?category=${encodeURIComponent(departmentCode)}&limit=1&cursor=${paged.nextCursor}`)).json();
    expect(second.data.map((p: { sku: string }) => p.sku)).toEqual([`${tag}-TV`]);
  });

  test("names every bad field by position with problem+json and writes nothing", async ({ request }) => {
    const client = api(request);
    const tag = unique("BAD").toUpperCase();
    const good = { sku: `${tag}-OK`, name: "Bien" };
    const cases: [unknown, string][] = [
      [{ products: [good, { sku: `${tag}-NEG`, name: "Negativo", unitCost: -1 }] }, "products.1.unitCost"],
      [{ products: [{ ...good, price: 10 }] }, "products.0"],
      [{ products: [good], extra: true }, "_"],
      [{ products: [{ sku: "", name: "Sin SKU" }] }, "products.0.sku"],
      [{ products: [good, { sku: `${tag}-P`, name: "Preciso", unitCost: 1.234 }] }, "products.1.unitCost"],
      [{ products: [good, { sku: `${tag}-S`, name: "Huérfano", subcategory: "Sub" }] }, "products.1.subcategory"],
      [{ products: [good, { ...good }] }, "products.1.sku"],
      [{ products: Array.from({ length: 1001 }, (_, i) => ({ sku: `${tag}-${i}`, name: "n" })) }, "products"],
      [{ products: [] }, "products"],
    ];
    for (const [body, field] of cases) {
      const response = await client.post("/api/v1/products", body);
      expect(response.status(), field).toBe(422);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const problem = await response.json();
      expect(problem, field).toMatchObject({ code: "validation_failed", status: 422 });
      expect(Object.keys(problem.errors), field).toContain(field);
    }
    expect((await client.get(`/api/v1/products/${tag}-OK`)).status()).toBe(404);

    const noKey = await request.post("/api/v1/products", { data: { products: [good] }, headers: { "Idempotency-Key": tag } });
    expect(noKey.status()).toBe(401);
    const noIdempotency = await request.post("/api/v1/products", { data: { products: [good] }, headers: { Authorization: `Bearer ${fixtures().api.key}` } });
    expect(await noIdempotency.json()).toMatchObject({ code: "idempotency_key_required" });
  });

  test("never shows or touches another program's catalog", async ({ request }) => {
    const client = api(request);
    const rival = await client.get("/api/v1/products/RIVAL-ONLY-1");
    expect(rival.status()).toBe(404);
    expect(await rival.json()).toMatchObject({ code: "not_found" });
    expect(await (await client.get("/api/v1/products?q=RIVAL-ONLY")).json()).toMatchObject({ total: 0, data: [] });
    expect(await (await client.get("/api/v1/products?category=despensa")).json()).not.toMatchObject({ data: [expect.objectContaining({ sku: "RIVAL-ONLY-1" })] });
    // The same SKU written here becomes this program's own product (created, not an update of the rival's).
    const mine = await client.post("/api/v1/products", { products: [{ sku: "RIVAL-ONLY-1", name: "Mío", unitCost: 9 }] });
    expect(mine.status()).toBe(201);
    expect(await mine.json()).toMatchObject({ created: 1, updated: 0 });
    expect(await (await client.get("/api/v1/products/RIVAL-ONLY-1")).json()).toMatchObject({ name: "Mío", unitCost: 9, currency: "USD" });
  });
});

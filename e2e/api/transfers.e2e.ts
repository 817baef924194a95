import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { api, unique } from "./api-client";

/*
 * POST /api/v1/transfers with Café Norte's key: Tomás has 500 points at Norte and a verified account at Café Sur; the brands
 * are linked at 1 Norte point = 0.5 Sur points (scripts/e2e-setup.ts, coalitionFixtures).
 */
type Fixtures = { coalition: { sur: string; api: { key: string; memberId: string } } };
const fixtures = () => (JSON.parse(fs.readFileSync("test-results/e2e-fixtures.json", "utf8")) as Fixtures).coalition;

test("POST /api/v1/transfers moves points to the sister brand once per key, at the rate, and refuses with stable codes", async ({ request }) => {
  const { sur, api: fx } = fixtures();
  const norte = api(request, fx.key);

  const key = unique("transfer");
  const first = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: "marca-sur", points: 200 }, key);
  expect(first.status()).toBe(201);
  const body = await first.json();
  expect(body).toMatchObject({ toProgramId: sur, pointsDebited: 200, pointsCredited: 100, balance: { available: 300 } });

  // The same key answers the first result and moves nothing more; the same key with another body is a conflict.
  const replay = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: "marca-sur", points: 200 }, key);
  expect(replay.status()).toBe(201);
  expect(await replay.json()).toEqual(body);
  const conflict = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: "marca-sur", points: 20 }, key);
  expect(conflict.status()).toBe(409);
  expect(await conflict.json()).toMatchObject({ code: "idempotency_conflict" });

  // The target program by id works as well as by slug.
  const byId = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: sur, points: 100 });
  expect(byId.status()).toBe(201);
  expect(await byId.json()).toMatchObject({ pointsDebited: 100, pointsCredited: 50, balance: { available: 200 } });

  const tooMany = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: "marca-sur", points: 201 });
  expect(tooMany.status()).toBe(422);
  expect(tooMany.headers()["content-type"]).toContain("application/problem+json");
  expect(await tooMany.json()).toMatchObject({ code: "insufficient_points" });

  const unknown = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: "rival", points: 10 });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: "not_found" });

  const invalid = await norte.post("/api/v1/transfers", { memberId: fx.memberId, toProgram: "marca-sur", points: 0, extra: true });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ code: "validation_failed" });

  // Nothing the refusals tried moved a point: 500 − 200 − 100.
  const member = await (await norte.get(`/api/v1/members/${fx.memberId}`)).json();
  expect(member.balance.available).toBe(200);
});

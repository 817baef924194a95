import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { oneTimeCodes } from "@/db/schema";
import { createMember } from "@/lib/services/members/create-member";
import { createProgram } from "@/lib/services/programs/create-program";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { getBalance, listHistory } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { setCoalitionRate } from "./manage-coalition";
import { transferPoints } from "./transfer-points";

/**
 * Transfers between sister programs. On PostgreSQL (DATABASE_URL) the races
 * run on 20 connections at once, so they prove the locking; on embedded PGlite
 * they queue on one connection and prove the logic.
 */
let database: Database;
const system = { kind: "system", label: "test" } as const;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function sisters(rate = "0.5"): Promise<[ProgramRow, ProgramRow]> {
  const a = await makeProgram(database);
  const b = await createProgram(database.db, { slug: `s-${randomUUID().slice(0, 12)}`, name: "Sister B", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City", organizationSlug: a.slug });
  await setCoalitionRate(database.db, system, { fromProgramId: a.id, toProgramId: b.id, rate });
  return [a, b];
}

/** A member in each program with one email, proven by a used sign-in code in each. */
async function linkedPair(a: ProgramRow, b: ProgramRow, verified: { a?: boolean; b?: boolean } = {}) {
  const email = `${randomUUID().slice(0, 8)}@example.com`;
  const inA = await createMember(database.db, { programId: a.id, name: "Ana A", email });
  const inB = await createMember(database.db, { programId: b.id, name: "Ana B", email });
  for (const [program, ok] of [[a, verified.a ?? true], [b, verified.b ?? true]] as const) {
    if (ok) await database.db.insert(oneTimeCodes).values({ programId: program.id, email, codeHash: "x", expiresAt: new Date(), usedAt: new Date() });
  }
  return { a: inA.id, b: inB.id, email };
}

async function expectVerified(...programs: ProgramRow[]) {
  for (const p of programs) expect((await verifyLedger(database.db, { programSlug: p.slug })).problems).toEqual([]);
}

function settle<T>(promises: Promise<T>[]) {
  return Promise.allSettled(promises).then((results) => ({
    ok: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    errors: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code ?? String(r.reason)] : [])),
  }));
}

describe("transferPoints", () => {
  it("debits the source and credits the sister at the rate, in both ledgers", async () => {
    const [a, b] = await sisters("0.5");
    const m = await linkedPair(a, b);
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 300 });
    const t = await transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points: 101, channel: "portal" });
    expect(t).toMatchObject({ pointsDebited: 101, pointsCredited: 50, toMemberId: m.b, rate: { numerator: 1, denominator: 2 }, balance: { available: 199 }, replayed: false });
    expect((await getBalance(database.db, { programId: a.id, memberId: m.a })).available).toBe(199);
    expect((await getBalance(database.db, { programId: b.id, memberId: m.b })).available).toBe(50);
    const [debit] = (await listHistory(database.db, { programId: a.id, memberId: m.a })).entries;
    expect(debit).toMatchObject({ kind: "redeem", points: 101 });
    await expectVerified(a, b);
  });

  it("goes back at the reciprocal rate", async () => {
    const [a, b] = await sisters("0.5");
    const m = await linkedPair(a, b);
    await earnPoints(database.db, { programId: b.id, memberId: m.b, points: 40 });
    const t = await transferPoints(database.db, system, { fromProgramId: b.id, memberId: m.b, toProgramId: a.id, points: 40 });
    expect([t.pointsDebited, t.pointsCredited]).toEqual([40, 80]);
  });

  it.each([
    ["insufficient points", 500, "insufficient_points"],
    ["a credit that rounds to zero", 1, "transfer_rounds_to_zero"],
  ])("refuses %s and writes nothing", async (_label, points, code) => {
    const [a, b] = await sisters("0.5");
    const m = await linkedPair(a, b);
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 100 });
    await expect(transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points, idempotencyKey: `k-${points}` })).rejects.toMatchObject({ code, status: 422 });
    expect((await getBalance(database.db, { programId: a.id, memberId: m.a })).available).toBe(100);
    expect((await getBalance(database.db, { programId: b.id, memberId: m.b })).available).toBe(0);
    await expectVerified(a, b);
  });

  it("refuses programs that are not linked, and another organization's program as not found", async () => {
    const [a, b] = await sisters();
    const c = await createProgram(database.db, { slug: `s-${randomUUID().slice(0, 12)}`, name: "Sister C", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City", organizationSlug: a.slug });
    const other = await makeProgram(database);
    const m = await linkedPair(a, b);
    await createMember(database.db, { programId: c.id, name: "Ana C", email: m.email });
    await createMember(database.db, { programId: other.id, name: "Ana X", email: m.email });
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 100 });
    await expect(transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: c.id, points: 10 })).rejects.toMatchObject({ code: "programs_not_linked" });
    await expect(transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: other.id, points: 10 })).rejects.toMatchObject({ code: "not_found" });
    // Linking across organizations is refused too.
    await expect(setCoalitionRate(database.db, system, { fromProgramId: a.id, toProgramId: other.id, rate: "1" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses when the sister account's email was never verified", async () => {
    const [a, b] = await sisters();
    const m = await linkedPair(a, b, { b: false });
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 100 });
    await expect(transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points: 10 })).rejects.toMatchObject({ code: "member_not_linked" });
  });

  it("lets a member move only their own points, and an API key only its program's members", async () => {
    const [a, b] = await sisters();
    const m = await linkedPair(a, b);
    const other = await linkedPair(a, b);
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 100 });
    const input = { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points: 10 };
    await expect(transferPoints(database.db, { kind: "member", programId: a.id, memberId: other.a }, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(transferPoints(database.db, { kind: "api_key", programId: b.id, keyId: randomUUID(), scopes: ["points:redeem"] }, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(transferPoints(database.db, { kind: "api_key", programId: a.id, keyId: randomUUID(), scopes: ["members:read"] }, input)).rejects.toMatchObject({ code: "forbidden" });
    const own = await transferPoints(database.db, { kind: "member", programId: a.id, memberId: m.a }, input);
    expect(own.pointsCredited).toBe(5);
  });
});

describe("idempotency", () => {
  it("moves points once per key; a replay answers the first result; another request with the key is a conflict", async () => {
    const [a, b] = await sisters("2");
    const m = await linkedPair(a, b);
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 100 });
    const input = { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points: 30, idempotencyKey: "once" };
    const results = await Promise.all(Array.from({ length: 10 }, () => transferPoints(database.db, system, input)));
    expect(new Set(results.map((r) => r.transferId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await getBalance(database.db, { programId: a.id, memberId: m.a })).available).toBe(70);
    expect((await getBalance(database.db, { programId: b.id, memberId: m.b })).available).toBe(60);
    await expect(transferPoints(database.db, system, { ...input, points: 31 })).rejects.toMatchObject({ code: "idempotency_conflict" });
    await expectVerified(a, b);
  });
});

describe("concurrent transfers", () => {
  it("never overspends: of 40 parallel 10-point transfers against 300 points, exactly 30 go through", async () => {
    const [a, b] = await sisters("1");
    const m = await linkedPair(a, b);
    await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 300 });
    const outcome = await settle(Array.from({ length: 40 }, () => transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points: 10 })));
    expect(outcome.ok).toHaveLength(30);
    expect(outcome.errors).toEqual(Array(10).fill("insufficient_points"));
    expect((await getBalance(database.db, { programId: a.id, memberId: m.a })).available).toBe(0);
    expect((await getBalance(database.db, { programId: b.id, memberId: m.b })).available).toBe(300);
    await expectVerified(a, b);
  });

  it("keeps both ledgers verified and the value conserved under many transfers both ways at once", async () => {
    const [a, b] = await sisters("0.5");
    const pairs = await Promise.all(Array.from({ length: 3 }, () => linkedPair(a, b)));
    for (const m of pairs) {
      await earnPoints(database.db, { programId: a.id, memberId: m.a, points: 200 });
      await earnPoints(database.db, { programId: b.id, memberId: m.b, points: 100 });
    }
    const calls = pairs.flatMap((m) =>
      Array.from({ length: 16 }, (_, i) =>
        i % 2 === 0
          ? transferPoints(database.db, system, { fromProgramId: a.id, memberId: m.a, toProgramId: b.id, points: 30 })
          : transferPoints(database.db, system, { fromProgramId: b.id, memberId: m.b, toProgramId: a.id, points: 15 }),
      ),
    );
    const outcome = await settle(calls);
    expect(outcome.errors.filter((e) => e !== "insufficient_points")).toEqual([]);
    expect(outcome.ok.length).toBeGreaterThan(0);
    for (const m of pairs) {
      const inA = await getBalance(database.db, { programId: a.id, memberId: m.a });
      const inB = await getBalance(database.db, { programId: b.id, memberId: m.b });
      // 1 point of A = 0.5 of B both ways (30 ↔ 15 exactly): value in A's points never changes.
      expect(inA.available + 2 * inB.available).toBe(200 + 2 * 100);
      expect(inA.available).toBeGreaterThanOrEqual(0);
      expect(inB.available).toBeGreaterThanOrEqual(0);
    }
    await expectVerified(a, b);
  });
});

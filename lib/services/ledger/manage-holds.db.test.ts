import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { verifyLedger } from "./verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { earnPoints } from "./earn-points";
import { listMemberHistory } from "./list-member-history";
import { placeHold, settleMemberHold } from "./manage-holds";

let database: Database;
let programId: string;
let key: Actor;
const NOW = new Date("2026-11-23T18:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
  key = { kind: "api_key", programId, keyId: "key-1", scopes: ["points:redeem", "members:read"] };
});
afterAll(async () => database.close());

async function memberWith(points: number) {
  const { id } = await makeMember(database, programId);
  await earnPoints(database.db, { programId, memberId: id, points }, NOW);
  return id;
}

describe("holds for two-phase checkout", () => {
  it("holds, captures part and gives the rest back; a second capture or a void after it is refused", async () => {
    const memberId = await memberWith(100);
    const hold = await placeHold(database.db, key, { programId, memberId, points: 60, reference: "CART-1", expiresInSeconds: 600 }, NOW);
    expect(hold).toMatchObject({ status: "active", points: 60, reference: "CART-1", expiresAt: "2026-11-23T18:10:00.000Z", balance: { available: 40, held: 60 } });
    const captured = await settleMemberHold(database.db, key, { programId, holdId: hold.id, action: "capture", points: 50 }, NOW);
    expect(captured).toMatchObject({ status: "captured", captured: 50, released: 10, balance: { available: 50, held: 0 } });
    await expect(settleMemberHold(database.db, key, { programId, holdId: hold.id, action: "capture" }, NOW)).rejects.toMatchObject({ code: "hold_not_active", status: 422, details: { holdStatus: "captured" } });
    await expect(settleMemberHold(database.db, key, { programId, holdId: hold.id, action: "void" }, NOW)).rejects.toMatchObject({ code: "hold_not_active" });
  });

  it("refuses to capture an expired or voided hold, and more points than the member has", async () => {
    const memberId = await memberWith(30);
    await expect(placeHold(database.db, key, { programId, memberId, points: 31 }, NOW)).rejects.toMatchObject({ code: "insufficient_points" });
    const hold = await placeHold(database.db, key, { programId, memberId, points: 20, expiresInSeconds: 60 }, NOW);
    const later = new Date(NOW.getTime() + 61_000);
    await expect(settleMemberHold(database.db, key, { programId, holdId: hold.id, action: "capture" }, later)).rejects.toMatchObject({ code: "hold_expired", status: 422 });
    const voided = await settleMemberHold(database.db, key, { programId, holdId: hold.id, action: "void" }, later);
    expect(voided).toMatchObject({ status: "voided", released: 20, balance: { available: 30, held: 0 } });
    await expect(settleMemberHold(database.db, key, { programId, holdId: hold.id, action: "capture" }, later)).rejects.toMatchObject({ code: "hold_not_active", details: { holdStatus: "voided" } });
    expect((await verifyLedger(database.db)).ok).toBe(true);
  });

  it("retries by idempotency key without holding twice, and hides other programs' members and holds", async () => {
    const memberId = await memberWith(50);
    const first = await placeHold(database.db, key, { programId, memberId, points: 10, idempotencyKey: "h-1" }, NOW);
    const again = await placeHold(database.db, key, { programId, memberId, points: 10, idempotencyKey: "h-1" }, NOW);
    expect(again.id).toBe(first.id);
    expect(again.balance.available).toBe(40);
    const rival = await makeProgram(database);
    const rivalKey: Actor = { kind: "api_key", programId: rival.id, keyId: "key-2", scopes: ["points:redeem"] };
    await expect(placeHold(database.db, rivalKey, { programId: rival.id, memberId, points: 1 }, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(settleMemberHold(database.db, rivalKey, { programId: rival.id, holdId: first.id, action: "void" }, NOW)).rejects.toMatchObject({ status: 404 });
    const readOnly: Actor = { kind: "api_key", programId, keyId: "key-3", scopes: ["members:read"] };
    await expect(placeHold(database.db, readOnly, { programId, memberId, points: 1 }, NOW)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("member history", () => {
  it("pages newest first through an opaque cursor and ends with a null cursor", async () => {
    const memberId = await memberWith(10);
    for (const points of [1, 2, 3, 4]) await earnPoints(database.db, { programId, memberId, points, reason: `r${points}` }, NOW);
    const first = await listMemberHistory(database.db, key, { programId, memberId, limit: 3 });
    expect(first.data.map((e) => e.points)).toEqual([4, 3, 2]);
    expect(first.data[0]).toMatchObject({ kind: "earn", availableDelta: 4, reason: "r4", occurredAt: NOW.toISOString() });
    const second = await listMemberHistory(database.db, key, { programId, memberId, limit: 3, cursor: first.nextCursor! });
    expect(second.data.map((e) => e.points)).toEqual([1, 10]);
    expect(second.nextCursor).toBeNull();
    await expect(listMemberHistory(database.db, key, { programId, memberId, limit: 3, cursor: "not-ours" })).rejects.toMatchObject({ code: "validation_failed" });
    const rival = await makeProgram(database);
    await expect(listMemberHistory(database.db, { kind: "api_key", programId: rival.id, keyId: "k", scopes: ["members:read"] }, { programId: rival.id, memberId, limit: 3 })).rejects.toMatchObject({ status: 404 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { Actor } from "@/lib/auth/actor";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { adjustMemberPoints } from "./adjust-member-points";
import { getBalance } from "./get-balance";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("adjustMemberPoints", () => {
  it("needs points:adjust, audits each change once, and refuses to go below zero", async () => {
    const program = await makeProgram(database);
    const { id: memberId } = await makeMember(database, program.id);
    const grant = (extra: string[]) => ({ organizationId: program.organizationId, programId: program.id, role: "staff" as const, storeIds: [], extraPermissions: extra });
    const cashier: Actor = { kind: "user", userId: "00000000-0000-4000-8000-0000000000c1", email: "c@example.com", grants: [grant([])] };
    const lead: Actor = { kind: "user", userId: "00000000-0000-4000-8000-0000000000c2", email: "l@example.com", grants: [grant(["points:adjust"])] };

    await expect(adjustMemberPoints(database.db, cashier, { programId: program.id, memberId, points: 50, reason: "Goodwill" })).rejects.toMatchObject({ code: "forbidden" });
    const input = { programId: program.id, memberId, points: 50, reason: "Goodwill for a late order", idempotencyKey: `adj-${memberId}` };
    await adjustMemberPoints(database.db, lead, input);
    const replay = await adjustMemberPoints(database.db, lead, input);
    expect(replay.replayed).toBe(true);
    await expect(adjustMemberPoints(database.db, lead, { programId: program.id, memberId, points: -51, reason: "Too much" })).rejects.toMatchObject({ code: "insufficient_points" });

    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(50);
    const audit = await listAuditEntries(database.db, { programId: program.id, action: "points.adjust", limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "user", actorId: "00000000-0000-4000-8000-0000000000c2", targetId: memberId, after: { points: 50, reason: "Goodwill for a late order" } });
  });
});

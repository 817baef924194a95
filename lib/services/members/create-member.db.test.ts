import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createMember } from "./create-member";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("createMember and duplicate externalIds", () => {
  it("refuses an externalId already enrolled with member_exists", async () => {
    const { id: programId } = await makeProgram(database);
    await createMember(database.db, { programId, externalId: "crm-1" });
    await expect(createMember(database.db, { programId, externalId: "crm-1" })).rejects.toMatchObject({ code: "member_exists", status: 409, details: { externalId: "crm-1" } });
  });

  // On PostgreSQL the enrolments run at once on separate connections, so some pass the check and meet the unique index.
  it("lets exactly one of many simultaneous enrolments of one externalId through; the rest are member_exists, never a raw error", async () => {
    const { id: programId } = await makeProgram(database);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => createMember(database.db, { programId, externalId: "crm-race" })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) expect(o.reason).toMatchObject({ code: "member_exists", status: 409 });
  });
});

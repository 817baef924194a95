import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { updateMemberDetails } from "./update-member";

let database: Database;
let programId: string;
let key: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
  key = { kind: "api_key", programId, keyId: "00000000-0000-4000-8000-00000000000a", scopes: ["members:write"] };
});
afterAll(async () => database.close());

describe("updateMemberDetails", () => {
  it("changes only the fields sent, keeps the terms consent date, and audits before and after", async () => {
    const member = await makeMember(database, programId);
    const updated = await updateMemberDetails(database.db, key, { programId, memberId: member.id, changes: { name: "Nueva", phone: "+52 55 0000 1111", consents: { marketing: true } } });
    expect(updated).toMatchObject({ name: "Nueva", phone: "+525500001111", email: member.email, consents: { marketing: true, terms: false } });
    const cleared = await updateMemberDetails(database.db, key, { programId, memberId: member.id, changes: { phone: null } });
    expect(cleared.phone).toBeNull();
    const system: Actor = { kind: "system", label: "test" };
    const log = await listAuditLog(database.db, system, { programId });
    const [second, first] = log.entries.filter((e) => e.action === "member.update" && e.targetId === member.id);
    expect(first).toMatchObject({ actorType: "api_key", before: { name: "Test Member", phone: null, consentMarketing: false }, after: { name: "Nueva", phone: "+525500001111", consentMarketing: true } });
    expect(second).toMatchObject({ before: { phone: "+525500001111" }, after: { phone: null } });
  });

  it("refuses an email or phone another member uses (409), unknown fields, and other programs' members", async () => {
    const a = await makeMember(database, programId);
    const b = await makeMember(database, programId);
    await expect(updateMemberDetails(database.db, key, { programId, memberId: b.id, changes: { email: a.email!.toUpperCase() } })).rejects.toMatchObject({ code: "email_taken", status: 409 });
    await updateMemberDetails(database.db, key, { programId, memberId: a.id, changes: { phone: "5512345678" } });
    await expect(updateMemberDetails(database.db, key, { programId, memberId: b.id, changes: { phone: "55-1234-5678" } })).rejects.toMatchObject({ code: "phone_taken" });
    await expect(updateMemberDetails(database.db, key, { programId, memberId: b.id, changes: { cardNumber: "1" } as never })).rejects.toMatchObject({ code: "validation_failed" });
    const rival = await makeProgram(database);
    await expect(updateMemberDetails(database.db, { ...key, programId: rival.id } as Actor, { programId: rival.id, memberId: a.id, changes: { name: "X" } })).rejects.toMatchObject({ status: 404 });
  });
});

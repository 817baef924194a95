import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { Database } from "@/db/client";
import { insertAuditEntry } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { addTeamMember } from "@/lib/services/team/add-team-member";
import { exportAuditLog, listAuditLog } from "./list-audit-log";
import { listOutboxMail } from "@/lib/services/mail/list-outbox";
import { sendMail } from "@/lib/services/mail/send-mail";

let database: Database;
const system: Actor = { kind: "system", label: "test" };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

function userOf(program: ProgramRow, role: "admin" | "marketer" | "analyst"): Actor {
  return { kind: "user", userId: randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: program.organizationId, programId: program.id, role, storeIds: [], extraPermissions: [] }] };
}

describe("listAuditLog", () => {
  it("lists newest first with actor emails, filters by action prefix and actor, and pages by cursor", async () => {
    const program = await makeProgram(database);
    const email = `owner-${randomUUID().slice(0, 8)}@example.com`;
    const owner = await addTeamMember(database.db, system, { programId: program.id, email, role: "admin", password: "owner-password-1" });
    const ownerActor: Actor = { kind: "user", userId: owner.userId, email, grants: [{ organizationId: program.organizationId, programId: program.id, role: "admin", storeIds: [], extraPermissions: [] }] };
    for (const name of ["One", "Two", "Three"]) await createApiKey(database.db, ownerActor, { programId: program.id, name });

    const first = await listAuditLog(database.db, ownerActor, { programId: program.id, limit: 2 });
    expect(first.entries.map((e) => e.action)).toEqual(["api_key.create", "api_key.create"]);
    expect(first.entries[0]).toMatchObject({ actorLabel: email, after: { name: "Three" } });
    expect(first.nextCursor).toBe(first.entries[1]!.id);
    const second = await listAuditLog(database.db, ownerActor, { programId: program.id, limit: 2, before: first.nextCursor! });
    expect(second.entries.map((e) => e.action)).toEqual(["api_key.create", "team.add"]);
    expect(second.nextCursor).toBeNull();

    expect((await listAuditLog(database.db, ownerActor, { programId: program.id, action: "team" })).entries.map((e) => e.action)).toEqual(["team.add"]);
    expect((await listAuditLog(database.db, ownerActor, { programId: program.id, action: "api%" })).entries).toHaveLength(0);
    expect((await listAuditLog(database.db, ownerActor, { programId: program.id, actor: email })).entries).toHaveLength(3);
    expect((await listAuditLog(database.db, ownerActor, { programId: program.id, actor: "test" })).entries).toHaveLength(1);
    expect((await listAuditLog(database.db, ownerActor, { programId: program.id, actor: "nobody@example.com" })).entries).toHaveLength(0);
  });

  it("filters by calendar days in the program's time zone", async () => {
    const program = await makeProgram(database);
    const at = (iso: string) => ({ organizationId: program.organizationId, programId: program.id, actorType: "system", actorId: "t", action: "x.y", targetType: "x", createdAt: new Date(iso) });
    await insertAuditEntry(database.db, at("2026-03-01T05:59:00Z")); // Feb 28, 23:59 in Mexico City
    await insertAuditEntry(database.db, at("2026-03-01T06:00:00Z")); // Mar 1, 00:00
    await insertAuditEntry(database.db, at("2026-03-02T05:59:00Z")); // Mar 1, 23:59
    const { entries } = await listAuditLog(database.db, system, { programId: program.id, from: "2026-03-01", to: "2026-03-01" });
    expect(entries.map((e) => e.createdAt)).toEqual(["2026-03-02T05:59:00.000Z", "2026-03-01T06:00:00.000Z"]);
  });

  it("is for audit readers of the same program; the export also needs exports:read", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    await expect(listAuditLog(database.db, userOf(program, "marketer"), { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditLog(database.db, userOf(other, "admin"), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(exportAuditLog(database.db, userOf(program, "analyst"), { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditLog(database.db, userOf(other, "admin"), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("exportAuditLog", () => {
  it("yields every matching entry across batches, newest first", async () => {
    const program = await makeProgram(database);
    for (const name of ["Key A", "Key B", "Key C", "Key D", "Key E"]) await createApiKey(database.db, system, { programId: program.id, name });
    const rows = [];
    for await (const entry of await exportAuditLog(database.db, userOf(program, "admin"), { programId: program.id, action: "api_key." }, 2)) rows.push(entry);
    expect(rows.map((r) => (r.after as { name: string }).name)).toEqual(["Key E", "Key D", "Key C", "Key B", "Key A"]);
  });
});

describe("listOutboxMail", () => {
  it("lists the program's mail newest first, marked as development outbox without SMTP", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    await sendMail(database.db, { programId: program.id, to: "a@example.com", subject: "First", text: "one" });
    await sendMail(database.db, { programId: program.id, to: "b@example.com", subject: "Second", text: "two" });
    await sendMail(database.db, { programId: other.id, to: "c@example.com", subject: "Elsewhere", text: "three" });
    const mails = await listOutboxMail(database.db, userOf(program, "admin"), { programId: program.id });
    expect(mails.map((m) => [m.subject, m.to, m.delivery])).toEqual([["Second", "b@example.com", "outbox"], ["First", "a@example.com", "outbox"]]);
  });

  it("is for outbox readers of the same program", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    await expect(listOutboxMail(database.db, userOf(program, "marketer"), { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listOutboxMail(database.db, userOf(other, "admin"), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the audit log is append-only", () => {
  /** The driver's refusal, through Drizzle's wrapping: its messages and SQLSTATE, or "no error". */
  async function refusal(work: PromiseLike<unknown>): Promise<string> {
    try {
      await work;
      return "no error";
    } catch (error) {
      const parts: string[] = [];
      for (let e = error as { message?: string; code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(`${e.code ?? ""} ${e.message ?? ""}`);
      return parts.join(" | ");
    }
  }

  it("refuses to change or delete an entry, through Drizzle or raw SQL, and keeps it as written", async () => {
    const program = await makeProgram(database);
    await createApiKey(database.db, system, { programId: program.id, name: "Kept as written" });
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.programId, program.id));
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;

    expect(await refusal(database.db.update(auditLog).set({ action: "api_key.revoke" }).where(eq(auditLog.id, entry.id)))).toMatch(/23001.*audit_log is append-only: UPDATE refused/);
    expect(await refusal(database.db.execute(sql`update audit_log set after = '{}'::jsonb where program_id = ${program.id}`))).toMatch(/audit_log is append-only: UPDATE refused/);
    expect(await refusal(database.db.delete(auditLog).where(eq(auditLog.id, entry.id)))).toMatch(/23001.*audit_log is append-only: DELETE refused/);
    expect(await refusal(database.db.execute(sql`delete from audit_log where program_id = ${program.id}`))).toMatch(/audit_log is append-only: DELETE refused/);
    // Inside a transaction too: the refusal rolls the whole transaction back.
    const sneaky = database.db.transaction(async (tx) => {
      await insertAuditEntry(tx, { organizationId: program.organizationId, programId: program.id, actorType: "system", actorId: "t", action: "x.y", targetType: "x" });
      await tx.delete(auditLog).where(eq(auditLog.id, entry.id));
    });
    expect(await refusal(sneaky)).toMatch(/DELETE refused/);

    expect(await database.db.select().from(auditLog).where(eq(auditLog.programId, program.id))).toEqual([entry]);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { latestMailTo } from "@/db/queries/email-outbox";
import type { ProgramRow } from "@/db/queries/programs";
import { insertStores } from "@/db/queries/stores";
import type { Actor } from "@/lib/auth/actor";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { setPasswordWithToken } from "@/lib/services/auth/password-tokens";
import { verifyUserPassword } from "@/lib/services/auth/verify-user-password";
import { addTeamMember } from "./add-team-member";
import { changeTeamMember } from "./change-team-member";
import { inviteTeamMember } from "./invite-team-member";
import { listTeam } from "./list-team";
import { removeTeamMember } from "./remove-team-member";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const appUrl = "http://lazo.test";

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const email = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

function userOf(program: ProgramRow, role: "admin" | "marketer" | "owner", userId: string = randomUUID()): Extract<Actor, { kind: "user" }> {
  return { kind: "user", userId, email: `${role}@example.com`, grants: [{ organizationId: program.organizationId, programId: program.id, role, storeIds: [], extraPermissions: [] }] };
}

async function programWithStores() {
  const program = await makeProgram(database);
  const stores = await insertStores(database.db, [
    { programId: program.id, code: "S-1", name: "Centro" },
    { programId: program.id, code: "S-2", name: "Norte" },
  ]);
  return { program, storeIds: stores.map((s) => s.id) };
}

describe("inviteTeamMember", () => {
  it("adds the person, mails a single-use link in both languages and lets them set a password", async () => {
    const { program } = await programWithStores();
    const to = email("invitee");
    const invited = await inviteTeamMember(database.db, system, { programId: program.id, email: to, name: "Nueva", role: "marketer", appUrl });
    expect(invited).toMatchObject({ email: to, invitationSent: true });

    const mail = await latestMailTo(database.db, to);
    expect(mail).toMatchObject({ programId: program.id });
    expect(mail!.text).toContain("Te invitaron");
    expect(mail!.text).toContain("You have been invited");
    const token = new URL(/http:\/\/lazo\.test\/invite\/accept\?token=\S+/.exec(mail!.text)![0]).searchParams.get("token")!;

    const { members } = await listTeam(database.db, system, { programId: program.id });
    expect(members.find((m) => m.email === to)).toMatchObject({ role: "marketer", status: "pending", scope: "program" });

    await setPasswordWithToken(database.db, { token, password: "a-long-new-password", purpose: "invite" });
    await expect(verifyUserPassword(database.db, { email: to, password: "a-long-new-password", ip: "192.0.2.1" })).resolves.toMatchObject({ userId: invited.userId });
    await expect(setPasswordWithToken(database.db, { token, password: "another-password-1", purpose: "invite" })).rejects.toMatchObject({ code: "invalid_token" });
    const after = await listTeam(database.db, system, { programId: program.id });
    expect(after.members.find((m) => m.email === to)?.status).toBe("active");

    const audit = await listAuditEntries(database.db, { programId: program.id, action: "team.add", limit: 5 });
    expect(audit[0]).toMatchObject({ targetId: invited.userId, actorType: "system" });
  });

  it("requires stores for staff and keeps the adjust permission for staff only", async () => {
    const { program, storeIds } = await programWithStores();
    await expect(inviteTeamMember(database.db, system, { programId: program.id, email: email("s"), role: "staff", appUrl })).rejects.toMatchObject({ code: "validation_failed", fields: { storeIds: expect.any(Array) } });
    await inviteTeamMember(database.db, system, { programId: program.id, email: email("lead"), role: "staff", storeIds: [storeIds[0]!], extraPermissions: ["points:adjust"], appUrl });
    await inviteTeamMember(database.db, system, { programId: program.id, email: email("an"), role: "analyst", storeIds: [storeIds[0]!], extraPermissions: ["points:adjust"], appUrl });
    const { members } = await listTeam(database.db, system, { programId: program.id });
    expect(members.find((m) => m.role === "staff")).toMatchObject({ storeIds: [storeIds[0]], mayAdjustPoints: true });
    expect(members.find((m) => m.role === "analyst")).toMatchObject({ storeIds: [], mayAdjustPoints: false });
  });

  it("refuses a second invitation of someone who already has access, writing nothing", async () => {
    const { program } = await programWithStores();
    const to = email("twice");
    await inviteTeamMember(database.db, system, { programId: program.id, email: to, role: "analyst", appUrl });
    await expect(inviteTeamMember(database.db, system, { programId: program.id, email: to.toUpperCase(), role: "marketer", appUrl })).rejects.toMatchObject({ code: "already_member" });
    expect((await listTeam(database.db, system, { programId: program.id })).members.filter((m) => m.email === to)).toHaveLength(1);
  });

  it("only notifies people who already have a password, without a link token", async () => {
    const { program } = await programWithStores();
    const other = await makeProgram(database);
    const to = email("known");
    await addTeamMember(database.db, system, { programId: other.id, email: to, role: "analyst", password: "known-password-123" });
    const invited = await inviteTeamMember(database.db, system, { programId: program.id, email: to, role: "marketer", appUrl });
    expect(invited.invitationSent).toBe(false);
    const mail = await latestMailTo(database.db, to);
    expect(mail!.text).not.toContain("token=");
    expect(mail!.text).toContain("http://lazo.test/sign-in");
  });

  it("is for team managers of the same program only", async () => {
    const { program } = await programWithStores();
    const other = await makeProgram(database);
    const input = { programId: program.id, email: email("x"), role: "analyst" as const, appUrl };
    await expect(inviteTeamMember(database.db, userOf(program, "marketer"), input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(inviteTeamMember(database.db, userOf(other, "admin"), input)).rejects.toMatchObject({ code: "not_found" });
    await expect(listTeam(database.db, userOf(program, "marketer"), { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listTeam(database.db, userOf(other, "admin"), { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(inviteTeamMember(database.db, userOf(program, "admin"), input)).resolves.toMatchObject({ invitationSent: true });
  });
});

describe("changeTeamMember and removeTeamMember", () => {
  it("changes role and stores, audited with before and after", async () => {
    const { program, storeIds } = await programWithStores();
    const invited = await inviteTeamMember(database.db, system, { programId: program.id, email: email("c"), role: "marketer", appUrl });
    await changeTeamMember(database.db, system, { programId: program.id, membershipId: invited.membershipId, role: "staff", storeIds, extraPermissions: ["points:adjust"] });
    const { members } = await listTeam(database.db, system, { programId: program.id });
    expect(members.find((m) => m.membershipId === invited.membershipId)).toMatchObject({ role: "staff", storeIds, mayAdjustPoints: true });
    const [entry] = await listAuditEntries(database.db, { programId: program.id, action: "team.change", limit: 1 });
    expect(entry).toMatchObject({ targetId: invited.userId, before: { role: "marketer", storeIds: [] }, after: { role: "staff", storeIds, extraPermissions: ["points:adjust"] } });
  });

  it("removes access, audited, and refuses one's own access and other programs' grants", async () => {
    const { program } = await programWithStores();
    const other = await makeProgram(database);
    const invited = await inviteTeamMember(database.db, system, { programId: program.id, email: email("r"), role: "analyst", appUrl });
    await expect(removeTeamMember(database.db, system, { programId: other.id, membershipId: invited.membershipId })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeTeamMember(database.db, userOf(program, "marketer"), { programId: program.id, membershipId: invited.membershipId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeTeamMember(database.db, userOf(other, "admin"), { programId: program.id, membershipId: invited.membershipId, role: "marketer" })).rejects.toMatchObject({ code: "not_found" });

    const admin = userOf(program, "admin", invited.userId);
    await expect(removeTeamMember(database.db, admin, { programId: program.id, membershipId: invited.membershipId })).rejects.toMatchObject({ code: "own_access" });

    await removeTeamMember(database.db, system, { programId: program.id, membershipId: invited.membershipId });
    expect((await listTeam(database.db, system, { programId: program.id })).members.some((m) => m.membershipId === invited.membershipId)).toBe(false);
    const [entry] = await listAuditEntries(database.db, { programId: program.id, action: "team.remove", limit: 1 });
    expect(entry).toMatchObject({ targetId: invited.userId, before: { role: "analyst" }, after: null });
  });
});

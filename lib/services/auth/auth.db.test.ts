import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { latestMailTo } from "@/db/queries/email-outbox";
import { insertUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createMember } from "@/lib/services/members/create-member";
import { requestMemberCode, verifyMemberCode } from "./member-codes";
import { verifyUserPassword } from "./verify-user-password";

let database: Database;
let programId: string;
const ip = "203.0.113.7";
/** Wrong codes count per IP too (LIMITS.codeVerifyByIp): one address per run, so runs on a shared server never add up. */
const codeIp = `code-test-${randomUUID()}`;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
});
afterAll(async () => database.close());

async function codeFromOutbox(email: string) {
  const mail = await latestMailTo(database.db, email);
  return /\b(\d{6})\b/.exec(mail!.text)![1]!;
}

describe("member one-time codes", () => {
  it("signs a member in once with the mailed code", async () => {
    const email = `code-${Date.now()}@example.com`;
    const member = await createMember(database.db, { programId, email });
    await requestMemberCode(database.db, { programId, email, ip: "198.51.100.1" });
    const code = await codeFromOutbox(email);
    expect(await verifyMemberCode(database.db, { programId, email, code, ip: codeIp })).toEqual({ memberId: member.id, programId });
    await expect(verifyMemberCode(database.db, { programId, email, code, ip: codeIp })).rejects.toMatchObject({ code: "invalid_code" });
  });

  it("refuses an expired code", async () => {
    const email = `late-${Date.now()}@example.com`;
    await createMember(database.db, { programId, email });
    const sentAt = new Date("2026-05-01T10:00:00Z");
    await requestMemberCode(database.db, { programId, email, ip: "198.51.100.2" }, sentAt);
    const code = await codeFromOutbox(email);
    await expect(verifyMemberCode(database.db, { programId, email, code, ip: codeIp }, new Date(sentAt.getTime() + 11 * 60_000))).rejects.toMatchObject({ code: "invalid_code" });
  });

  it("kills a code after five wrong attempts, even the right one", async () => {
    const email = `guess-${Date.now()}@example.com`;
    await createMember(database.db, { programId, email });
    await requestMemberCode(database.db, { programId, email, ip: "198.51.100.3" });
    const code = await codeFromOutbox(email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await expect(verifyMemberCode(database.db, { programId, email, code: wrong, ip: codeIp })).rejects.toBeTruthy();
    await expect(verifyMemberCode(database.db, { programId, email, code, ip: codeIp })).rejects.toMatchObject({ code: "code_exhausted" });
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    expect(await requestMemberCode(database.db, { programId, email, ip: "198.51.100.4" })).toEqual({ sent: true });
    expect(await latestMailTo(database.db, email)).toBeUndefined();
  });
});

describe("password sign-in", () => {
  it("refuses the 6th wrong password within a minute, even a right one", async () => {
    const email = `staff-${Date.now()}@example.com`;
    await insertUser(database.db, { email, passwordHash: await hashPassword("correct horse battery") });
    const t = new Date("2026-06-01T09:00:00Z");
    for (let i = 0; i < 5; i++) {
      await expect(verifyUserPassword(database.db, { email, password: "wrong password", ip }, new Date(t.getTime() + i * 1000))).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(verifyUserPassword(database.db, { email, password: "correct horse battery", ip }, new Date(t.getTime() + 6000))).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    const later = await verifyUserPassword(database.db, { email, password: "correct horse battery", ip: "192.0.2.9" }, new Date(t.getTime() + 61_000));
    expect(later.email).toBe(email);
  });

  it("gives unknown emails the same answer as wrong passwords", async () => {
    await expect(verifyUserPassword(database.db, { email: `ghost-${Date.now()}@example.com`, password: "whatever123", ip: "192.0.2.10" })).rejects.toMatchObject({ code: "invalid_credentials" });
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { latestMailTo, listOutbox } from "@/db/queries/email-outbox";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createMember } from "@/lib/services/members/create-member";
import { requestMemberCode, verifyMemberCode } from "./member-codes";

/**
 * Abuse limits on member one-time codes (LIMITS in lib/services/rate-limit.ts):
 * requesting (5 per email, 30 per IP, each 15 minutes) and verifying (10 wrong
 * codes per email, 30 per IP, each 15 minutes, across codes). Every test uses its
 * own emails and IPs, so files and runs sharing a PostgreSQL server never add up.
 */
let database: Database;
let programId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
});
afterAll(async () => database.close());

const T0 = new Date("2026-05-04T15:00:00Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);
const freshIp = () => `test-${randomUUID()}`;
const freshEmail = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

async function member(tag: string) {
  const email = freshEmail(tag);
  await createMember(database.db, { programId, email });
  return email;
}

async function newCode(email: string, now: Date): Promise<string> {
  await requestMemberCode(database.db, { programId, email, ip: freshIp() }, now);
  return /\b(\d{6})\b/.exec((await latestMailTo(database.db, email))!.text)![1]!;
}

const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");

describe("verifying codes: wrong codes per email", () => {
  it("refuses every try after 10 wrong codes for one email in 15 minutes, across fresh codes and addresses, even the right code", async () => {
    const email = await member("verify-email");
    for (const minute of [0, 1]) {
      const code = await newCode(email, at(minute));
      for (let i = 0; i < 5; i++) await expect(verifyMemberCode(database.db, { programId, email, code: wrongFor(code), ip: freshIp() }, at(minute, 10 + i))).rejects.toMatchObject({ status: 401 });
    }
    const third = await newCode(email, at(2));
    const refused = verifyMemberCode(database.db, { programId, email, code: third, ip: freshIp() }, at(2, 30));
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    // The window is counted from the first wrong code (minute 0): it reopens 15 minutes later.
    const retryAfter = ((await refused.catch((e: { retryAfterSeconds: number }) => e)) as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(12 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const later = await newCode(email, at(16));
    await expect(verifyMemberCode(database.db, { programId, email, code: later, ip: freshIp() }, at(16, 5))).resolves.toMatchObject({ programId });
  });

  it("starts the email's count again after a right code", async () => {
    const email = await member("verify-clear");
    const first = await newCode(email, at(0));
    for (let i = 0; i < 5; i++) await expect(verifyMemberCode(database.db, { programId, email, code: wrongFor(first), ip: freshIp() }, at(0, 10 + i))).rejects.toBeTruthy();
    const second = await newCode(email, at(1));
    for (let i = 0; i < 4; i++) await expect(verifyMemberCode(database.db, { programId, email, code: wrongFor(second), ip: freshIp() }, at(1, 10 + i))).rejects.toMatchObject({ code: "invalid_code" });
    // Nine wrong so far: the right code still gets through, and wipes the count.
    await expect(verifyMemberCode(database.db, { programId, email, code: second, ip: freshIp() }, at(1, 30))).resolves.toMatchObject({ programId });
    const third = await newCode(email, at(2));
    for (let i = 0; i < 2; i++) await expect(verifyMemberCode(database.db, { programId, email, code: wrongFor(third), ip: freshIp() }, at(2, 10 + i))).rejects.toMatchObject({ code: "invalid_code" });
    await expect(verifyMemberCode(database.db, { programId, email, code: third, ip: freshIp() }, at(2, 30))).resolves.toMatchObject({ programId });
  });
});

describe("verifying codes: wrong codes per IP", () => {
  it("refuses an address after 30 wrong codes in 15 minutes, whatever the emails, while other addresses go on", async () => {
    const ip = freshIp();
    // Ten emails, three guesses each (no email reaches its own limit): guesses at addresses with no live code count too.
    for (let e = 0; e < 10; e++) {
      const email = freshEmail("nobody");
      for (let i = 0; i < 3; i++) await expect(verifyMemberCode(database.db, { programId, email, code: "123456", ip }, at(0, e * 3 + i))).rejects.toMatchObject({ code: "invalid_code" });
    }
    const email = await member("verify-ip");
    const code = await newCode(email, at(1));
    await expect(verifyMemberCode(database.db, { programId, email, code, ip }, at(1, 10))).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    await expect(verifyMemberCode(database.db, { programId, email, code, ip: freshIp() }, at(1, 20))).resolves.toMatchObject({ programId });
  });

  it("does not count malformed codes, which never reach a comparison", async () => {
    const ip = freshIp();
    const email = await member("verify-format");
    for (let i = 0; i < 12; i++) await expect(verifyMemberCode(database.db, { programId, email, code: "12ab", ip }, at(0, i))).rejects.toMatchObject({ code: "validation_failed" });
    const code = await newCode(email, at(1));
    await expect(verifyMemberCode(database.db, { programId, email, code, ip }, at(1, 5))).resolves.toMatchObject({ programId });
  });
});

describe("requesting codes", () => {
  it("sends at most 5 codes to one email in 15 minutes, refusing the 6th with the seconds to wait, and answers unknown addresses alike", async () => {
    const known = await member("request-known");
    const unknown = freshEmail("request-unknown");
    for (const email of [known, unknown]) {
      for (let i = 0; i < 5; i++) expect(await requestMemberCode(database.db, { programId, email, ip: freshIp() }, at(i))).toEqual({ sent: true });
      const sixth = requestMemberCode(database.db, { programId, email, ip: freshIp() }, at(5));
      await expect(sixth).rejects.toMatchObject({ code: "rate_limited", status: 429 });
      // The first request (minute 0) leaves the window at minute 15: ten minutes from minute 5.
      expect(((await sixth.catch((e: unknown) => e)) as { retryAfterSeconds: number }).retryAfterSeconds).toBe(10 * 60);
      expect(await requestMemberCode(database.db, { programId, email, ip: freshIp() }, at(15, 1))).toEqual({ sent: true });
    }
    const outbox = await listOutbox(database.db, { programId, limit: 10_000 });
    expect(outbox.filter((m) => m.to === known)).toHaveLength(6);
    expect(outbox.filter((m) => m.to === unknown)).toHaveLength(0);
  });

  it("takes at most 30 requests from one address in 15 minutes, whatever the emails", async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) expect(await requestMemberCode(database.db, { programId, email: freshEmail("spray"), ip }, at(0, i))).toEqual({ sent: true });
    await expect(requestMemberCode(database.db, { programId, email: freshEmail("spray"), ip }, at(1))).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    expect(await requestMemberCode(database.db, { programId, email: freshEmail("spray"), ip: freshIp() }, at(1))).toEqual({ sent: true });
  });
});

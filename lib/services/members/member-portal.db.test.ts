import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { latestMailTo } from "@/db/queries/email-outbox";
import type { ProgramRow } from "@/db/queries/programs";
import { auditLog, members, programs } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { cardTokenKey, signCardToken } from "@/lib/auth/member-card-token";
import { serverSecret } from "@/lib/auth/server-secret";
import { requestMemberCode, verifyMemberCode } from "@/lib/services/auth/member-codes";
import { adjustPoints } from "@/lib/services/ledger/adjust-points";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { anonymizeMyAccount } from "./anonymize-member";
import { createMember } from "./create-member";
import { exportMyData } from "./export-my-data";
import { getMyBalance, getMyHome } from "./get-my-home";
import { getMyCard } from "./member-card";
import { isMemberSessionActive } from "./member-session";
import { resolveMemberToken } from "./resolve-member-token";
import { updateMyConsents } from "./update-my-consents";

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const now = new Date("2026-11-23T12:00:00Z");
const day = (n: number) => new Date(now.getTime() + n * 86_400_000);

function user(role: Grant["role"], p: ProgramRow): Actor {
  return { kind: "user", userId: crypto.randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }] };
}
const asMember = (p: ProgramRow, memberId: string): Actor => ({ kind: "member", programId: p.id, memberId });

async function member(name: string, p = program) {
  const email = `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 6)}@example.com`;
  const row = await createMember(database.db, { programId: p.id, name, email, consents: { terms: true, marketing: true, personalization: false } });
  return { ...row, email };
}

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  other = await makeProgram(database);
  // One cent per point: the home shows the money value.
  await database.db.update(programs).set({ settings: { pointValueMilli: 1000 } }).where(eq(programs.id, program.id));
});
afterAll(async () => database.close());

describe("member home", () => {
  it("shows the member's own balance, money value, tier progress, exact expiring points and latest activity", async () => {
    const ana = await member("Ana");
    const beto = await member("Beto");
    const earn = (memberId: string, points: number, expiresAt: Date, occurredAt = day(-10)) =>
      earnPoints(database.db, { programId: program.id, memberId, points, reason: "Compra", expiresAt, occurredAt }, occurredAt);
    await earn(ana.id, 120, day(20));
    await earn(ana.id, 80, day(45));
    await earn(ana.id, 300, day(200));
    await earnPoints(database.db, { programId: program.id, memberId: ana.id, points: 50, pendingUntil: day(5), occurredAt: day(-1) }, day(-1));
    await earn(beto.id, 999, day(3));

    const home = await getMyHome(database.db, asMember(program, ana.id), now);
    expect(home.balance).toEqual({ available: 500, pending: 50, availableValueMinor: 500, currency: "MXN" });
    expect(home.expiring).toEqual({
      lots: [
        { expiresAt: day(20).toISOString(), points: 120 },
        { expiresAt: day(45).toISOString(), points: 80 },
      ],
      total: 200,
      withinDays: 60,
    });
    // Earned 550 in the window: bronze → silver is 500, but tiers move with purchases; the progress reads the points.
    expect(home.standing).toMatchObject({ qualifying: 550, metric: "points" });
    expect(home.latest).toHaveLength(3);
    expect(home.latest.every((e) => e.kind === "earn")).toBe(true);
    expect(home.latest.map((e) => e.points)).not.toContain(999);

    expect(await getMyBalance(database.db, asMember(program, beto.id))).toMatchObject({ available: 999, pending: 0, availableValueMinor: 999 });
  });

  it("is for members only: staff and other programs' members find nothing", async () => {
    await expect(getMyHome(database.db, user("admin", program), now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getMyBalance(database.db, asMember(other, crypto.randomUUID()))).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows no money value when the program sets none", async () => {
    const carla = await member("Carla", other);
    expect(await getMyBalance(database.db, asMember(other, carla.id))).toMatchObject({ available: 0, availableValueMinor: null });
  });
});

describe("member card tokens", () => {
  it("gives the member a signed token that staff of the program resolve to them", async () => {
    const dora = await member("Dora");
    const card = await getMyCard(database.db, asMember(program, dora.id), now);
    expect(card.token).not.toContain(dora.id);
    expect(new Date(card.expiresAt).getTime() - now.getTime()).toBe(300_000);
    const scanned = await resolveMemberToken(database.db, user("staff", program), { programId: program.id, token: card.token }, day(0));
    expect(scanned).toMatchObject({ memberId: dora.id, name: "Dora", cardNumber: dora.cardNumber });
  });

  it("refuses expired, forged and other programs' tokens, and callers without members:read", async () => {
    const eva = await member("Eva");
    const { token } = await getMyCard(database.db, asMember(program, eva.id), now);
    const later = new Date(now.getTime() + 301_000);
    await expect(resolveMemberToken(database.db, user("staff", program), { programId: program.id, token }, later)).rejects.toMatchObject({ code: "card_token_expired" });
    const forged = signCardToken(cardTokenKey("someone-elses-secret-123"), { programId: program.id, memberId: eva.id, now }).token;
    await expect(resolveMemberToken(database.db, user("staff", program), { programId: program.id, token: forged }, now)).rejects.toMatchObject({ code: "card_token_invalid" });
    // Program Q's staff scanning program P's card: signed for another program.
    await expect(resolveMemberToken(database.db, user("staff", other), { programId: other.id, token }, now)).rejects.toMatchObject({ code: "card_token_invalid" });
    // …and asking for program P outright: not found.
    await expect(resolveMemberToken(database.db, user("staff", other), { programId: program.id, token }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveMemberToken(database.db, asMember(program, eva.id), { programId: program.id, token }, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveMemberToken(database.db, user("staff", program), { programId: program.id, token: 42 }, now)).rejects.toMatchObject({ code: "card_token_invalid" });
    // A token minted by this server for a member of the program who is not active is refused too.
    const valid = signCardToken(cardTokenKey(serverSecret()), { programId: program.id, memberId: crypto.randomUUID(), now }).token;
    await expect(resolveMemberToken(database.db, user("staff", program), { programId: program.id, token: valid }, now)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("privacy", () => {
  it("changes the member's own consents, audited, without touching points or anyone else", async () => {
    const fede = await member("Fede");
    const gala = await member("Gala");
    await earnPoints(database.db, { programId: program.id, memberId: fede.id, points: 40 });
    const result = await updateMyConsents(database.db, asMember(program, fede.id), { marketing: "no", personalization: "yes" }, now);
    expect(result).toMatchObject({ marketing: false, personalization: true });
    expect(result.termsAcceptedAt).not.toBeNull();
    expect((await getMyBalance(database.db, asMember(program, fede.id))).available).toBe(40);
    const [galaRow] = await database.db.select().from(members).where(eq(members.id, gala.id));
    expect(galaRow).toMatchObject({ consentMarketing: true, consentPersonalization: false });
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.targetId, fede.id), eq(auditLog.action, "member.consents_updated")));
    expect(audit).toMatchObject({ actorType: "member", actorId: fede.id, before: { consentMarketing: true, consentPersonalization: false }, after: { consentMarketing: false, consentPersonalization: true } });
    await expect(updateMyConsents(database.db, asMember(program, fede.id), { marketing: "maybe" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(updateMyConsents(database.db, user("admin", program), { marketing: "yes", personalization: "yes" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("exports the member's own data and nobody else's", async () => {
    const hugo = await member("Hugo");
    const ines = await member("Ines");
    await earnPoints(database.db, { programId: program.id, memberId: hugo.id, points: 70, reason: "Compra Hugo" });
    await earnPoints(database.db, { programId: program.id, memberId: ines.id, points: 90, reason: "Compra Ines" });
    const data = await exportMyData(database.db, asMember(program, hugo.id), now);
    expect(data.profile).toMatchObject({ id: hugo.id, email: hugo.email, name: "Hugo" });
    expect(data.consents).toMatchObject({ marketing: true, personalization: false });
    expect(data.balance.available).toBe(70);
    expect(data.ledgerEntries.map((e) => e.reason)).toEqual(["Compra Hugo"]);
    expect(JSON.stringify(data)).not.toContain(ines.email);
    expect(JSON.stringify(data)).not.toContain(ines.id);
    await expect(exportMyData(database.db, user("admin", program))).rejects.toMatchObject({ code: "not_found" });
  });

  it("anonymizes the member on request: points forfeited through the ledger, personal data gone, sessions and sign-in over", async () => {
    const juan = await member("Juan");
    const kira = await member("Kira");
    await earnPoints(database.db, { programId: program.id, memberId: juan.id, points: 150 });
    await adjustPoints(database.db, { programId: program.id, memberId: kira.id, points: 25, reason: "Bienvenida" });
    await requestMemberCode(database.db, { programId: program.id, email: juan.email, ip: "198.51.100.9" });
    const code = /\b(\d{6})\b/.exec((await latestMailTo(database.db, juan.email))!.text)![1]!;

    await expect(anonymizeMyAccount(database.db, asMember(program, juan.id), {})).rejects.toMatchObject({ code: "validation_failed" });
    expect(await anonymizeMyAccount(database.db, asMember(program, juan.id), { confirm: "yes" }, now)).toEqual({ forfeited: 150 });

    const [row] = await database.db.select().from(members).where(eq(members.id, juan.id));
    expect(row).toMatchObject({ status: "anonymized", name: null, email: null, phone: null, birthday: null, externalId: null, consentMarketing: false });
    expect(row!.cardNumber).not.toBe(juan.cardNumber);
    expect(await isMemberSessionActive(database.db, { programId: program.id, memberId: juan.id })).toBe(false);
    expect(await isMemberSessionActive(database.db, { programId: program.id, memberId: kira.id })).toBe(true);
    await expect(verifyMemberCode(database.db, { programId: program.id, email: juan.email, code, ip: "198.51.100.9" })).rejects.toBeTruthy();
    await expect(getMyHome(database.db, asMember(program, juan.id), now)).rejects.toMatchObject({ code: "not_found" });
    await expect(anonymizeMyAccount(database.db, asMember(program, juan.id), { confirm: "yes" })).rejects.toMatchObject({ code: "not_found" });
    expect((await getMyBalance(database.db, asMember(program, kira.id))).available).toBe(25);

    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.targetId, juan.id), eq(auditLog.action, "member.anonymized")));
    expect(audit).toMatchObject({ actorType: "member", actorId: juan.id, after: { status: "anonymized", forfeitedPoints: 150 } });
    expect(JSON.stringify(audit)).not.toContain(juan.email);
    expect(await verifyLedger(database.db, { programSlug: program.slug })).toMatchObject({ ok: true });
  });
});

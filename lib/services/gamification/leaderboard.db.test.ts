import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { listLeaderboard } from "@/db/queries/leaderboard";
import type { ProgramRow } from "@/db/queries/programs";
import { challengeProgress, leaderboardEntries, members } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { leaderboardMonth, rankStandings } from "@/lib/domain/gamification/leaderboard";
import { anonymizeMyAccount } from "@/lib/services/members/anonymize-member";
import { createMember } from "@/lib/services/members/create-member";
import { exportMyData } from "@/lib/services/members/export-my-data";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { setLeaderboardEnabled } from "./leaderboard-settings";
import { createChallenge, listProgramChallenges, setChallengeStatus } from "./manage-challenges";
import { getMyChallenges } from "./member-challenges";
import { getMyLeaderboard, getMyLeaderboardChoice, updateMyLeaderboard } from "./my-leaderboard";

/**
 * The opt-in leaderboard: a program setting marketers switch (audited), a
 * member's own choice to appear (masked name by default), and a monthly board
 * that only ever lists opted-in, active members of the same program.
 */
let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const NOW = new Date("2026-06-15T18:00:00Z");
const JUNE = (day: number, minute = 0) => new Date(Date.UTC(2026, 5, day, 15, minute));
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({ kind: "user", userId: randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }] });
const self = (p: ProgramRow, memberId: string): Actor => ({ kind: "member", programId: p.id, memberId });

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  other = await makeProgram(database);
});
afterAll(async () => database.close());

const person = (p: ProgramRow, name: string | undefined) => createMember(database.db, { programId: p.id, name, email: `${randomUUID().slice(0, 8)}@example.com`, phone: `+5255${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` });

/** Challenges to complete (drafts are enough: the board counts stored completions). */
async function challengesOf(p: ProgramRow, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await createChallenge(database.db, user(p, "marketer"), { programId: p.id, name: { es: `Reto ${i}`, en: `Challenge ${i}` }, description: { es: "", en: "" }, kind: "purchases", count: 1, badgeName: { es: "Insignia", en: "Badge" }, badgeIcon: "star", rewardPoints: 0, startsAt: JUNE(1) }, JUNE(1));
    ids.push(c.id);
  }
  return ids;
}

/** Stores completions as the purchase hook would (the scoring reads only completed_at). */
async function complete(p: ProgramRow, memberId: string, challengeIds: string[], at: Date[]) {
  await database.db.insert(challengeProgress).values(at.map((when, i) => ({ programId: p.id, challengeId: challengeIds[i]!, memberId, progress: 1, target: 1, completedAt: when, createdAt: when, updatedAt: when })));
}

const join = (p: ProgramRow, memberId: string, extra: Record<string, string> = {}) => updateMyLeaderboard(database.db, self(p, memberId), { visible: "yes", nameChoice: "masked", ...extra }, NOW);
const leave = (p: ProgramRow, memberId: string) => updateMyLeaderboard(database.db, self(p, memberId), { visible: "no" }, NOW);
const board = (p: ProgramRow, memberId: string) => getMyLeaderboard(database.db, self(p, memberId), NOW);

describe("the program setting", () => {
  it("is off by default, switched by marketers and admins with an audit entry each time, and refused to everyone else", async () => {
    const p = await makeProgram(database);
    const m = await person(p, "Lía Torres");
    expect(await board(p, m.id)).toBeNull();
    expect((await listProgramChallenges(database.db, user(p, "analyst"), { programId: p.id })).leaderboardEnabled).toBe(false);

    // Refused before the input is even read: analysts and staff (forbidden), another program's marketer and members (not found).
    await expect(setLeaderboardEnabled(database.db, user(p, "analyst"), { programId: p.id, enabled: "on" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setLeaderboardEnabled(database.db, user(p, "staff"), { programId: p.id, enabled: "nonsense" as never })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setLeaderboardEnabled(database.db, user(other, "marketer"), { programId: p.id, enabled: "on" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setLeaderboardEnabled(database.db, user(other, "admin"), { programId: p.id, enabled: "on" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setLeaderboardEnabled(database.db, self(p, m.id), { programId: p.id, enabled: "on" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "maybe" as never })).rejects.toMatchObject({ code: "validation_failed", fields: { enabled: expect.any(Array) } });
    expect(await listAuditEntries(database.db, { programId: p.id, action: "program.leaderboard", limit: 10 })).toEqual([]);

    expect(await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW)).toEqual({ changed: true, enabled: true });
    expect(await setLeaderboardEnabled(database.db, user(p, "admin"), { programId: p.id, enabled: true }, NOW)).toEqual({ changed: false, enabled: true });
    expect(await board(p, m.id)).toMatchObject({ top: [], participants: 0 });
    await setLeaderboardEnabled(database.db, user(p, "admin"), { programId: p.id, enabled: "off" }, NOW);
    expect(await board(p, m.id)).toBeNull();

    const audit = await listAuditEntries(database.db, { programId: p.id, action: "program.leaderboard", limit: 10 });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ["program.leaderboard_disable", { leaderboard: { enabled: true } }, { leaderboard: { enabled: false } }],
      ["program.leaderboard_enable", { leaderboard: { enabled: false } }, { leaderboard: { enabled: true } }],
    ]);
  });

  it("keeps the program's other settings when it switches", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    const { leaderboardEnabled } = await listProgramChallenges(database.db, user(p, "marketer"), { programId: p.id });
    expect(leaderboardEnabled).toBe(true);
    const m = await person(p, "Luis");
    expect((await getMyChallenges(database.db, self(p, m.id), NOW)).leaderboard).toBe(true);
  });
});

describe("a member's choice", () => {
  it("opts in with the masked name, renames, opts out at once, and is audited without the name", async () => {
    const p = await makeProgram(database);
    const [c] = await challengesOf(p, 1);
    const ana = await person(p, "Ana García López");
    await complete(p, ana.id, [c!], [JUNE(3)]);
    await expect(join(p, ana.id)).rejects.toMatchObject({ code: "not_found" });
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);

    // Not on it yet: her score and no rank, nobody listed.
    expect(await board(p, ana.id)).toMatchObject({ top: [], score: 1, rank: null, choice: { joined: false, maskedName: "Ana G." } });
    expect(await join(p, ana.id)).toEqual({ enabled: true, joined: true, displayName: null, maskedName: "Ana G." });
    expect(await board(p, ana.id)).toMatchObject({ top: [{ rank: 1, name: "Ana G.", score: 1, you: true }], rank: 1, participants: 1 });

    await expect(join(p, ana.id, { nameChoice: "custom", displayName: "ana@example.com" })).rejects.toMatchObject({ code: "validation_failed", fields: { displayName: expect.any(Array) } });
    await expect(join(p, ana.id, { nameChoice: "custom", displayName: "Llámame 5512345678" })).rejects.toMatchObject({ code: "validation_failed" });
    await join(p, ana.id, { nameChoice: "custom", displayName: "  La   Cafetera " });
    expect((await board(p, ana.id))!.top).toEqual([{ rank: 1, name: "La Cafetera", score: 1, you: true }]);
    expect(await getMyLeaderboardChoice(database.db, self(p, ana.id))).toMatchObject({ joined: true, displayName: "La Cafetera" });

    expect(await leave(p, ana.id)).toMatchObject({ joined: false, displayName: null });
    expect(await board(p, ana.id)).toMatchObject({ top: [], participants: 0, rank: null, score: 1 });
    expect(await database.db.select().from(leaderboardEntries).where(eq(leaderboardEntries.memberId, ana.id))).toEqual([]);
    await leave(p, ana.id); // leaving twice changes nothing and logs nothing

    const audit = (await listAuditEntries(database.db, { programId: p.id, action: "member.leaderboard", limit: 10 })).reverse();
    expect(audit.map((a) => [a.action, a.actorType, a.before, a.after])).toEqual([
      ["member.leaderboard_join", "member", { visible: false }, { visible: true, name: "masked" }],
      ["member.leaderboard_rename", "member", { visible: true, name: "masked" }, { visible: true, name: "custom" }],
      ["member.leaderboard_leave", "member", { visible: true, name: "custom" }, { visible: false }],
    ]);
    expect(JSON.stringify(audit)).not.toContain("Cafetera");
  });

  it("can always leave, even after the program turned the board off, and is kept when the board is only paused", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    const [c] = await challengesOf(p, 1);
    const [a, b] = [await person(p, "Bruno Díaz"), await person(p, "Carmen Ruiz")];
    await complete(p, a.id, [c!], [JUNE(2)]);
    await complete(p, b.id, [c!], [JUNE(4)]);
    await join(p, a.id);
    await join(p, b.id);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "off" }, NOW);
    expect(await getMyLeaderboardChoice(database.db, self(p, a.id))).toMatchObject({ enabled: false, joined: true });
    await leave(p, a.id);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    expect((await board(p, b.id))!.top.map((l) => l.name)).toEqual(["Carmen R."]);
  });

  it("is only the member's own: console users and other members find nothing to change", async () => {
    const m = await person(program, "Dora");
    await expect(updateMyLeaderboard(database.db, user(program, "admin"), { visible: "yes" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getMyLeaderboard(database.db, user(program, "marketer"))).rejects.toMatchObject({ code: "not_found" });
    await expect(updateMyLeaderboard(database.db, { kind: "member", programId: other.id, memberId: m.id }, { visible: "yes" })).rejects.toMatchObject({ code: "not_found" });
    // Validation comes after the session check, so an empty post from a member is a field error, not a change.
    await expect(updateMyLeaderboard(database.db, self(program, m.id), {})).rejects.toMatchObject({ code: "validation_failed", fields: { visible: expect.any(Array) } });
  });
});

describe("the board", () => {
  it("ranks by challenges completed this month, ties to whoever got there first, and agrees with the domain's order", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    const ch = await challengesOf(p, 4);
    const people = {
      two_early: await person(p, "Elena Soto"),
      two_late: await person(p, "Fabio Mora"),
      three: await person(p, "Gina Paz"),
      one: await person(p, "Hugo Luna"),
      tie_a: await person(p, "Iván Rey"),
      tie_b: await person(p, "Julia Vega"),
      last_month: await person(p, "Karla Ríos"),
    };
    await complete(p, people.two_early.id, ch, [JUNE(1), JUNE(5, 10)]);
    await complete(p, people.two_late.id, ch, [JUNE(1), JUNE(5, 40)]);
    await complete(p, people.three.id, ch, [JUNE(2), JUNE(9), JUNE(14)]);
    await complete(p, people.one.id, ch, [JUNE(1)]);
    await complete(p, people.tie_a.id, ch, [JUNE(7, 0)]);
    await complete(p, people.tie_b.id, ch, [JUNE(7, 0)]);
    // May in Mexico City (the 31st, 23:00 local) counts for nothing in June.
    await complete(p, people.last_month.id, ch, [new Date("2026-06-01T05:00:00Z"), new Date("2026-05-20T15:00:00Z")]);
    for (const m of Object.values(people)) await join(p, m.id);

    const view = (await board(p, people.one.id))!;
    expect(view.top.slice(0, 4).map((l) => [l.rank, l.name, l.score])).toEqual([
      [1, "Gina P.", 3],
      [2, "Elena S.", 2],
      [3, "Fabio M.", 2],
      [4, "Hugo L.", 1],
    ]);
    // Same score at the same instant: one shared rank (listed in the order they joined, which here is the same too).
    expect(view.top.slice(4).map((l) => [l.rank, l.name, l.score]).sort()).toEqual([
      [5, "Iván R.", 1],
      [5, "Julia V.", 1],
    ]);
    expect(view).toMatchObject({ participants: 6, rank: 4, score: 1, month: { key: "2026-06" } });
    expect(view.top.filter((l) => l.you).map((l) => l.name)).toEqual(["Hugo L."]);
    expect(await board(p, people.last_month.id)).toMatchObject({ rank: null, score: 0 });

    const month = leaderboardMonth(NOW, p.timeZone);
    const rows = await listLeaderboard(database.db, { programId: p.id, memberId: null, start: month.start, end: month.end, limit: 10 });
    expect(rows.map((r) => [r.memberId, r.rank])).toEqual(rankStandings(rows).map((r) => [r.memberId, r.rank]));
  });

  it("lists ten and still shows a member further down their own rank", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    const ch = await challengesOf(p, 1);
    const twelve = [];
    for (let i = 0; i < 12; i++) {
      const m = await person(p, `Socio${i} Prueba`);
      await complete(p, m.id, ch, [JUNE(2, i)]);
      await join(p, m.id);
      twelve.push(m);
    }
    const last = (await board(p, twelve[11]!.id))!;
    expect(last.top).toHaveLength(10);
    expect(last.top.some((l) => l.you)).toBe(false);
    expect(last).toMatchObject({ rank: 12, participants: 12 });
    expect(last.top.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("never lists members who stayed off, left, were suspended or anonymized, or belong to another program", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    await setLeaderboardEnabled(database.db, user(other, "marketer"), { programId: other.id, enabled: "on" }, NOW);
    const ch = await challengesOf(p, 1);
    const theirs = await challengesOf(other, 1);
    const shown = await person(p, "Laura Núñez");
    const stayedOff = await person(p, "Mario Ortiz");
    const suspended = await person(p, "Nora Pinto");
    const anonymized = await person(p, "Óscar Quiroga");
    const stranger = await person(other, "Pablo Ramos");
    for (const m of [shown, stayedOff, suspended, anonymized]) await complete(p, m.id, ch, [JUNE(3)]);
    await complete(other, stranger.id, theirs, [JUNE(1)]);
    for (const m of [shown, suspended, anonymized]) await join(p, m.id);
    await join(other, stranger.id, { nameChoice: "custom", displayName: "Pablo del otro" });

    await database.db.update(members).set({ status: "suspended" }).where(and(eq(members.programId, p.id), eq(members.id, suspended.id)));
    await anonymizeMyAccount(database.db, self(p, anonymized.id), { confirm: "yes" }, NOW);
    expect(await database.db.select().from(leaderboardEntries).where(eq(leaderboardEntries.memberId, anonymized.id))).toEqual([]);

    const view = (await board(p, stayedOff.id))!;
    expect(view.top).toEqual([{ rank: 1, name: "Laura N.", score: 1, you: false }]);
    expect(view).toMatchObject({ participants: 1, rank: null, score: 1, choice: { joined: false } });
    expect((await board(other, stranger.id))!.top.map((l) => l.name)).toEqual(["Pablo del otro"]);
  });

  it("shows other members only a public name and numbers: no ids, no contacts, no full names", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    const ch = await challengesOf(p, 1);
    const known = await person(p, "Quetzalli Salinas Uribe");
    const viewer = await person(p, "Rita");
    await complete(p, known.id, ch, [JUNE(4)]);
    await join(p, known.id);
    const view = (await board(p, viewer.id))!;
    expect(view.top).toEqual([{ rank: 1, name: "Quetzalli S.", score: 1, you: false }]);
    const text = JSON.stringify(view);
    for (const secret of [known.id, known.email!, known.phone!, known.cardNumber, "Salinas", "Uribe"]) expect(text).not.toContain(secret);
  });

  it("counts a challenge completed through a real purchase, and the data download shows the member's place", async () => {
    const p = await makeProgram(database);
    await setLeaderboardEnabled(database.db, user(p, "marketer"), { programId: p.id, enabled: "on" }, NOW);
    const c = await createChallenge(database.db, user(p, "marketer"), { programId: p.id, name: { es: "Una compra", en: "One purchase" }, description: { es: "", en: "" }, kind: "purchases", count: 1, badgeName: { es: "Primera", en: "First" }, badgeIcon: "star", rewardPoints: 10, startsAt: JUNE(1) }, JUNE(1));
    await setChallengeStatus(database.db, user(p, "marketer"), { programId: p.id, challengeId: c.id, status: "active" }, JUNE(1));
    const m = await person(p, "Sofía Téllez");
    await join(p, m.id);
    await recordPurchase(database.db, { kind: "system", label: "test" }, { programId: p.id, memberId: m.id, orderId: `LB-${m.id}`, amountMinor: 10_000, currency: "MXN", channel: "pos", occurredAt: JUNE(10) }, JUNE(10));
    expect((await board(p, m.id))!.top).toEqual([{ rank: 1, name: "Sofía T.", score: 1, you: true }]);
    expect((await exportMyData(database.db, self(p, m.id), NOW)).leaderboard).toMatchObject({ displayName: null });
  });
});

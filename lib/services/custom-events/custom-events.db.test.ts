import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { customEvents, ledgerEntries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { createBusinessAccount } from "@/lib/services/business-accounts/create-business-account";
import { getBusinessAccountView } from "@/lib/services/business-accounts/get-business-account";
import { getBalance } from "@/lib/services/ledger/get-balance";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { recordCustomEvent } from "./record-custom-event";

let database: Database;
let program: ProgramRow;
const system: Actor = { kind: "system", label: "events" };
const NOW = new Date("2026-11-23T18:00:00Z");

const plan: PlanDefinition = {
  ...defaultPlan(),
  eventRules: [
    { id: "quiz", name: { es: "Quiz de producto", en: "Product quiz" }, eventType: "quiz.completed", points: 50, oncePer: "quizId", active: true },
    { id: "survey", name: { es: "Encuesta", en: "Survey" }, eventType: "survey.answered", points: 20, active: true },
  ],
};

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database, { plan });
});
afterAll(async () => database.close());

let n = 0;
const eventId = () => `evt-${Date.now().toString(36)}-${n++}`;
const quiz = (memberId: string, id: string, quizId: string) => ({ programId: program.id, memberId, type: "quiz.completed", eventId: id, properties: { quizId } });

async function entriesOf(memberId: string) {
  return database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.programId, program.id), eq(ledgerEntries.memberId, memberId)));
}

describe("recordCustomEvent", () => {
  it("credits a quiz's 50 points once per event id: the second call returns the first result", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const id = eventId();
    const first = await recordCustomEvent(database.db, system, quiz(memberId, id, "q-1"), NOW);
    expect(first).toMatchObject({ eventId: id, pointsEarned: 50, replayed: false, account: null, balance: { available: 50 }, rules: [{ ruleId: "quiz", fired: true, points: 50, onceKey: "q-1" }] });
    const again = await recordCustomEvent(database.db, system, quiz(memberId, id, "q-1"), NOW);
    expect(again).toEqual({ ...first, replayed: true });
    // A different body under the same event id is still that event: the first result, no credit.
    const changed = await recordCustomEvent(database.db, system, { ...quiz(memberId, id, "q-2") }, NOW);
    expect(changed).toEqual({ ...first, replayed: true });
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(50);
    expect(await entriesOf(memberId)).toHaveLength(1);
  });

  it("credits a quiz once per member even under new event ids, and another quiz again", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    await recordCustomEvent(database.db, system, quiz(memberId, eventId(), "q-1"), NOW);
    const repeat = await recordCustomEvent(database.db, system, quiz(memberId, eventId(), "q-1"), NOW);
    expect(repeat).toMatchObject({ pointsEarned: 0, entryId: null, rules: [{ ruleId: "quiz", fired: false, miss: "already_credited" }] });
    expect((await recordCustomEvent(database.db, system, quiz(memberId, eventId(), "q-2"), NOW)).pointsEarned).toBe(50);
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(100);
  });

  it("records events no rule pays for, with no ledger entry", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const result = await recordCustomEvent(database.db, system, { programId: program.id, memberId, type: "catalog.viewed", eventId: eventId() }, NOW);
    expect(result).toMatchObject({ pointsEarned: 0, entryId: null, rules: [] });
    const rows = await database.db.select().from(customEvents).where(and(eq(customEvents.programId, program.id), eq(customEvents.memberId, memberId)));
    expect(rows).toHaveLength(1);
  });

  it("refuses the same event id for another member", async () => {
    const [a, b] = await Promise.all([makeMember(database, program.id), makeMember(database, program.id)]);
    const id = eventId();
    await recordCustomEvent(database.db, system, quiz(a.id, id, "q-1"), NOW);
    await expect(recordCustomEvent(database.db, system, quiz(b.id, id, "q-1"), NOW)).rejects.toMatchObject({ code: "event_exists", status: 409 });
  });

  it("credits once when the same event id races with itself", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const id = eventId();
    const results = await Promise.all(Array.from({ length: 20 }, () => recordCustomEvent(database.db, system, quiz(memberId, id, "q-9"), NOW)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(50);
    expect(await entriesOf(memberId)).toHaveLength(1);
  });

  it("credits one quiz once when different event ids for it race", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const results = await Promise.all(Array.from({ length: 12 }, () => recordCustomEvent(database.db, system, quiz(memberId, eventId(), "q-race"), NOW)));
    expect(results.map((r) => r.pointsEarned).sort((x, y) => y - x)).toEqual([50, ...Array(11).fill(0)]);
    expect((await getBalance(database.db, { programId: program.id, memberId })).available).toBe(50);
    expect((await verifyLedger(database.db, { programSlug: program.slug })).problems).toEqual([]);
  });

  it("credits a business account's pool for its user's events", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    const account = await createBusinessAccount(database.db, system, { programId: program.id, name: "Distribuidora Sur", adminMemberId: memberId }, NOW);
    const result = await recordCustomEvent(database.db, system, { programId: program.id, memberId, type: "survey.answered", eventId: eventId() }, NOW);
    expect(result).toMatchObject({ pointsEarned: 20, account: { id: account.id, name: "Distribuidora Sur" } });
    expect((await getBusinessAccountView(database.db, system, { programId: program.id, accountId: account.id })).balance.available).toBe(20);
  });

  it("refuses unknown fields and malformed types", async () => {
    const { id: memberId } = await makeMember(database, program.id);
    await expect(recordCustomEvent(database.db, system, { programId: program.id, memberId, type: "Quiz Completed", eventId: eventId() }, NOW)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(recordCustomEvent(database.db, system, { ...quiz(memberId, eventId(), "q"), points: 999 } as never, NOW)).rejects.toMatchObject({ code: "validation_failed" });
  });
});

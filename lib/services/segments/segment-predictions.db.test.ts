import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { countSegment } from "@/db/queries/segments";
import { memberPredictions, members, segmentMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SegmentCondition, SegmentDefinition } from "@/lib/domain/segments/definition";
import { createMember } from "@/lib/services/members/create-member";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createSegment } from "./manage-segments";
import { previewSegment } from "./preview-segment";
import { refreshProgramSegments } from "./refresh-segments";

/** 12:00 on 23 November in Mexico City, the programs' zone: "today" is 2026-11-23 there. */
const NOW = new Date("2026-11-23T18:00:00Z");
const system: Actor = { kind: "system", label: "test" };

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
const ids: Record<string, string> = {};

/** What the predictions-refresh job would have stored for a member (only the columns the conditions read differ). */
type Known = { pAlive: number; clvMinor: number | null; replenishment: string | null };

async function memberWith(p: ProgramRow, name: string, known: Known | null, options: { anonymized?: boolean } = {}): Promise<string> {
  const m = await createMember(database.db, { programId: p.id, name, email: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com` });
  if (options.anonymized) await database.db.update(members).set({ status: "anonymized" }).where(and(eq(members.programId, p.id), eq(members.id, m.id)));
  if (known) await storePrediction(p, m.id, known);
  return m.id;
}

async function storePrediction(p: ProgramRow, memberId: string, k: Known) {
  const values = { asOf: "2026-11-22", frequency: 2, pAlive: k.pAlive, expectedPurchases90d: 1, expectedSpendMinor: null, clv12mMinor: k.clvMinor, rfmR: 3, rfmF: 3, rfmM: 3, rfmSegment: "loyal", replenishmentCategory: k.replenishment ? "coffee" : null, replenishmentDate: k.replenishment, fittedAt: NOW };
  await database.db
    .insert(memberPredictions)
    .values({ programId: p.id, memberId, ...values })
    .onConflictDoUpdate({ target: [memberPredictions.programId, memberPredictions.memberId], set: values });
}

beforeAll(async () => {
  // Isolated: the hourly refresh below sweeps every program of the database.
  database = await openTestDatabase({ isolated: true });
  program = await makeProgram(database);
  other = await makeProgram(database);
  ids.Ana = await memberWith(program, "Ana", { pAlive: 0.3, clvMinor: 120_000, replenishment: "2026-11-26" });
  ids.Beto = await memberWith(program, "Beto", { pAlive: 0.9, clvMinor: null, replenishment: "2026-11-21" });
  ids.Carla = await memberWith(program, "Carla", { pAlive: 0.5, clvMinor: 40_000, replenishment: "2026-12-13" });
  // No prediction yet (never bought, or enrolled since the last refresh): matches no prediction condition, either way.
  ids.Dani = await memberWith(program, "Dani", null);
  // Anonymized, with a prediction that matches everything: never selected.
  ids.Eva = await memberWith(program, "Eva", { pAlive: 0.01, clvMinor: 10_000_000, replenishment: "2026-11-23" }, { anonymized: true });
  // Another program's member who matches everything.
  ids.Otra = await memberWith(other, "Otra", { pAlive: 0.01, clvMinor: 10_000_000, replenishment: "2026-11-23" });
});
afterAll(async () => database.close());

const root = (...items: SegmentDefinition["items"]): SegmentDefinition => ({ type: "group", match: "all", items });
const scope = () => ({ programId: program.id, now: NOW, timeZone: program.timeZone });
const namesOf = async (definition: SegmentDefinition) => {
  const preview = await previewSegment(database.db, system, { programId: program.id, definition }, NOW);
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return preview.sample.map((s) => byId.get(s.id)).sort();
};

describe("prediction conditions", () => {
  it.each<[string, SegmentCondition, string[]]>([
    ["churn risk of at least 70 % (the boundary is in)", { type: "churnRisk", op: "gte", percent: 70 }, ["Ana"]],
    ["churn risk of at least 71 %", { type: "churnRisk", op: "gte", percent: 71 }, []],
    ["churn risk of at least 50 %", { type: "churnRisk", op: "gte", percent: 50 }, ["Ana", "Carla"]],
    ["churn risk of at most 50 % (no prediction is not low risk)", { type: "churnRisk", op: "lte", percent: 50 }, ["Beto", "Carla"]],
    // p(alive) 0.9 is a churn risk of 10 % exactly; in floating point (1 − 0.9) × 100 is 9.999999999999998.
    ["churn risk of at least 10 % (the boundary is exact)", { type: "churnRisk", op: "gte", percent: 10 }, ["Ana", "Beto", "Carla"]],
    ["churn risk of at least 0 % (everyone with a prediction)", { type: "churnRisk", op: "gte", percent: 0 }, ["Ana", "Beto", "Carla"]],
    ["churn risk of at most 100 % (still nobody without one)", { type: "churnRisk", op: "lte", percent: 100 }, ["Ana", "Beto", "Carla"]],
    ["predicted CLV of MXN 1,000 or more", { type: "predictedClv", op: "gte", amountMinor: 100_000 }, ["Ana"]],
    ["predicted CLV of exactly the boundary", { type: "predictedClv", op: "gte", amountMinor: 120_000 }, ["Ana"]],
    ["predicted CLV of MXN 500 or less (no spend model is not a low value)", { type: "predictedClv", op: "lte", amountMinor: 50_000 }, ["Carla"]],
    ["predicted CLV of 0 or more", { type: "predictedClv", op: "gte", amountMinor: 0 }, ["Ana", "Carla"]],
    ["replenishment due within 7 days (overdue ones are not)", { type: "replenishmentDue", days: 7 }, ["Ana"]],
    ["replenishment due within 3 days (the last day is in)", { type: "replenishmentDue", days: 3 }, ["Ana"]],
    ["replenishment due within 2 days", { type: "replenishmentDue", days: 2 }, []],
    ["replenishment due within 30 days", { type: "replenishmentDue", days: 30 }, ["Ana", "Carla"]],
  ])("%s", async (_name, condition, expected) => {
    expect(await namesOf(root(condition))).toEqual(expected);
    expect(await countSegment(database.db, { ...scope(), definition: root(condition) })).toBe(expected.length);
  });

  it("combines with other conditions in AND and OR groups", async () => {
    const atRiskOrValuable = root({ type: "group", match: "any", items: [{ type: "churnRisk", op: "gte", percent: 60 }, { type: "predictedClv", op: "lte", amountMinor: 40_000 }] }, { type: "replenishmentDue", days: 30 });
    expect(await namesOf(atRiskOrValuable)).toEqual(["Ana", "Carla"]);
    const noPredictionNeeded = root({ type: "group", match: "any", items: [{ type: "churnRisk", op: "gte", percent: 95 }, { type: "pointsBalance", op: "lte", points: 0 }] });
    expect(await namesOf(noPredictionNeeded)).toEqual(["Ana", "Beto", "Carla", "Dani"]);
  });

  it("saves a segment with the right count, and the hourly refresh follows new predictions", async () => {
    const atRisk = root({ type: "churnRisk", op: "gte", percent: 50 });
    const saved = await createSegment(database.db, system, { programId: program.id, name: "En riesgo", definition: atRisk }, NOW);
    expect(saved.memberCount).toBe(2);
    // The next predictions refresh gives Dani a prediction, and Ana a better outlook.
    await storePrediction(program, ids.Dani!, { pAlive: 0.2, clvMinor: 5_000, replenishment: null });
    await storePrediction(program, ids.Ana!, { pAlive: 0.8, clvMinor: 120_000, replenishment: "2026-11-26" });
    await refreshProgramSegments(database.db, { programId: program.id, now: NOW });
    const stored = await database.db.select().from(segmentMembers).where(eq(segmentMembers.segmentId, saved.id));
    expect(stored.map((r) => r.memberId).sort()).toEqual([ids.Carla, ids.Dani].sort());
  });
});

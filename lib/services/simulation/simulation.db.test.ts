import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { auditLog, programs, segmentMembers, segments } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { createQueue } from "@/lib/jobs/queue";
import { enqueueSimulation, workSimulations } from "@/lib/jobs/simulation-job";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { savePlanDraft } from "@/lib/services/plans/save-plan-draft";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { runPlanSimulation } from "./run-simulation";
import { getPlanSimulationProgress, getPlanSimulationView, getSimulationsPage } from "./read-simulations";
import { simulationCsvStream } from "./simulation-csv";
import { startPlanSimulation, type EnqueueSimulation } from "./start-simulation";

const system: Actor = { kind: "system", label: "test" };
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({ kind: "user", userId: randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }] });

/** Tiers by spend, so both plans climb the same ladder; the draft doubles every purchase's points with a rule (×2 on top of the tier's multiplier). */
const LIVE: PlanDefinition = {
  baseRate: { points: 1, perMinor: 100, rounding: "floor" },
  pendingDays: 0,
  expiry: { kind: "none" },
  tierQualification: { metric: "spend", window: "rolling_12_months" },
  tiers: [
    { key: "bronze", name: { es: "Bronce", en: "Bronze" }, threshold: 0, earnMultiplier: 1 },
    { key: "gold", name: { es: "Oro", en: "Gold" }, threshold: 50_000, earnMultiplier: 1.5 },
  ],
};
const DOUBLED: PlanDefinition = { ...LIVE, rules: [{ id: "double", name: { es: "Puntos dobles", en: "Double points" }, priority: 1, stacking: "combinable", conditions: {}, effect: { kind: "multiplier", factor: 2 }, active: true }] };
const WINDOW = { from: "2026-01-01", to: "2026-03-31" };
const NOW = new Date("2026-12-04T18:00:00Z");
const at = (iso: string) => new Date(iso);

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
let draftId: string;
let segmentId: string;
/** What the live plan actually credited for the window's purchases, purchase by purchase. */
let recordedInWindow = 0;
const jobs: { programId: string; simulationId: string }[] = [];
const enqueue: EnqueueSimulation = async (job) => void jobs.push(job);

async function buy(p: ProgramRow, memberId: string, orderId: string, occurredAt: Date, amountMinor: number, lines?: { sku?: string; category?: string; quantity: number; unitPriceMinor: number }[]) {
  const done = await recordPurchase(database.db, system, { programId: p.id, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", occurredAt, ...(lines ? { lines } : {}) });
  return (done as unknown as { pointsEarned: number }).pointsEarned;
}

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database, { plan: LIVE });
  other = await makeProgram(database, { plan: LIVE });
  await database.db.update(programs).set({ settings: { pointValueMilli: 10_000 } }).where(eq(programs.id, program.id));
  const [a, b, c] = [await makeMember(database, program.id), await makeMember(database, program.id), await makeMember(database, program.id)];
  await buy(program, a.id, "A-0", at("2025-12-10T18:00:00Z"), 10_000);
  recordedInWindow += await buy(program, a.id, "A-1", at("2026-01-10T18:00:00Z"), 20_000);
  recordedInWindow += await buy(program, b.id, "B-1", at("2026-01-15T18:00:00Z"), 20_000, [{ category: "music", quantity: 2, unitPriceMinor: 5_000 }, { sku: "GIFT-1", quantity: 1, unitPriceMinor: 10_000 }]);
  recordedInWindow += await buy(program, a.id, "A-2", at("2026-02-10T18:00:00Z"), 40_000);
  recordedInWindow += await buy(program, c.id, "C-1", at("2026-02-20T18:00:00Z"), 10_000);
  recordedInWindow += await buy(program, a.id, "A-3", at("2026-03-10T18:00:00Z"), 20_000);
  // The last local day of the window (March 31st, 23:30 in Mexico City) is in; April 1st is not.
  recordedInWindow += await buy(program, c.id, "C-2", at("2026-04-01T05:30:00Z"), 10_000);
  await buy(program, c.id, "C-3", at("2026-04-01T06:30:00Z"), 10_000);
  await redeemPoints(database.db, { programId: program.id, memberId: a.id, points: 300, reason: "Canje", channel: "portal", idempotencyKey: `redeem-${randomUUID()}` });
  // Another program's member buys in the same window: never part of this program's run.
  const stranger = await makeMember(database, other.id);
  await buy(other, stranger.id, "X-1", at("2026-02-01T18:00:00Z"), 90_000);
  const [segment] = await database.db.insert(segments).values({ programId: program.id, name: "Discos", definition: { all: [] }, memberCount: 1 }).returning();
  segmentId = segment!.id;
  await database.db.insert(segmentMembers).values({ programId: program.id, segmentId, memberId: b.id });
  draftId = (await savePlanDraft(database.db, user(program, "marketer"), { programId: program.id, name: "Doble", definition: DOUBLED })).id;
}, 120_000);
afterAll(async () => database.close());

describe("plan simulation", () => {
  it("replays the window's purchases in pages: the draft with double multipliers issues exactly twice the live plan's points", async () => {
    const { id } = await startPlanSimulation(database.db, user(program, "marketer"), { programId: program.id, versionId: draftId, ...WINDOW }, enqueue, NOW);
    expect(jobs.at(-1)).toEqual({ programId: program.id, simulationId: id });
    const seen: [number, number][] = [];
    const done = await runPlanSimulation(database.db, jobs.at(-1)!, { batchSize: 2, onProgress: (processed, total) => seen.push([processed, total]) });
    expect(done).toEqual({ status: "completed", processed: 6 });
    expect(seen).toEqual([[2, 6], [4, 6], [6, 6]]);

    const run = await getPlanSimulationView(database.db, user(program, "analyst"), { programId: program.id, simulationId: id });
    const results = run.results!;
    expect(results.purchases).toBe(6);
    expect(results.members).toBe(3);
    // 200 + 200 + 400 + 100 + 300 (gold from the second purchase on) + 100 — what the live plan really credited.
    expect(results.outcomes.baseline.pointsIssued).toBe(1_300);
    expect(results.outcomes.baseline.pointsIssued).toBe(recordedInWindow);
    expect(results.outcomes.candidate.pointsIssued).toBe(2 * results.outcomes.baseline.pointsIssued);
    expect(results.months).toEqual([
      { month: "2026-01", candidate: 800, baseline: 400 },
      { month: "2026-02", candidate: 1_000, baseline: 500 },
      { month: "2026-03", candidate: 800, baseline: 400 },
    ]);
    expect(results.tiers).toEqual([
      { key: "bronze", name: LIVE.tiers[0]!.name, candidate: 2, baseline: 2 },
      { key: "gold", name: LIVE.tiers[1]!.name, candidate: 1, baseline: 1 },
    ]);
  });

  it("prices the points with the observed redemption rate and the point value, per member and per segment", async () => {
    const { id } = await startPlanSimulation(database.db, user(program, "admin"), { programId: program.id, versionId: draftId, ...WINDOW }, enqueue, NOW);
    await runPlanSimulation(database.db, jobs.at(-1)!);
    const { results } = await getPlanSimulationView(database.db, user(program, "analyst"), { programId: program.id, simulationId: id });
    // 300 redeemed of 1,500 issued all-time (1,300 in the window, 200 outside it) = 20 %; a point is MXN 0.10.
    expect(results!.assumptions.redemptionRate).toBeCloseTo(0.2, 10);
    expect(results!.outcomes.baseline).toMatchObject({ expectedRedeemedPoints: 260, expectedRedemptionCostMinor: 2_600, outstandingPoints: 1_040, liabilityMinor: 10_400, costPerMemberMinor: 867 });
    expect(results!.outcomes.candidate.expectedRedemptionCostMinor).toBe(5_200);
    expect(results!.segments).toEqual([{ segmentId, name: "Discos", members: 1, candidate: { pointsIssued: 400, expectedRedemptionCostMinor: 800, costPerMemberMinor: 800 }, baseline: { pointsIssued: 200, expectedRedemptionCostMinor: 400, costPerMemberMinor: 400 } }]);
    const csv = new TextDecoder().decode(await new Response((await simulationCsvStream(database.db, user(program, "analyst"), { programId: program.id, simulationId: id })).stream).arrayBuffer());
    expect(csv).toContain("summary,expectedRedemptionCostMinor,,expectedRedemptionCostMinor,5200,2600,2600,minor_MXN");
    expect(csv).toContain("segment,");
  });

  it("reaches 100 % and lists the run; another program's people see nothing of it", async () => {
    const { id } = await startPlanSimulation(database.db, user(program, "marketer"), { programId: program.id, versionId: draftId, ...WINDOW }, enqueue, NOW);
    expect(await getPlanSimulationProgress(database.db, user(program, "analyst"), { programId: program.id, simulationId: id })).toEqual({ status: "queued", percent: 0, processed: 0, total: null });
    await runPlanSimulation(database.db, jobs.at(-1)!);
    expect(await getPlanSimulationProgress(database.db, user(program, "analyst"), { programId: program.id, simulationId: id })).toEqual({ status: "completed", percent: 100, processed: 6, total: 6 });
    // A second delivery of the same job changes nothing.
    expect(await runPlanSimulation(database.db, jobs.at(-1)!)).toEqual({ status: "completed", processed: 6 });
    const page = await getSimulationsPage(database.db, user(program, "analyst"), { programId: program.id }, NOW);
    expect(page.canStart).toBe(false);
    expect(page.runs.map((r) => r.id)).toContain(id);
    expect(page.candidates.map((c) => c.id)).toEqual([draftId]);
    await expect(getPlanSimulationView(database.db, user(other, "admin"), { programId: program.id, simulationId: id })).rejects.toMatchObject({ status: 404 });
    await expect(getPlanSimulationView(database.db, user(other, "admin"), { programId: other.id, simulationId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(simulationCsvStream(database.db, user(program, "staff"), { programId: program.id, simulationId: id })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is started only by those who edit the plan, audited, with a valid window and a version other than the live one", async () => {
    const before = jobs.length;
    await expect(startPlanSimulation(database.db, user(program, "analyst"), { programId: program.id, versionId: draftId, ...WINDOW }, enqueue, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(startPlanSimulation(database.db, user(program, "marketer"), { programId: program.id, versionId: draftId, from: "2026-03-01", to: "2026-02-01" }, enqueue, NOW)).rejects.toMatchObject({ fields: { to: [expect.any(String)] } });
    await expect(startPlanSimulation(database.db, user(program, "marketer"), { programId: program.id, versionId: draftId, from: "2026-11-01", to: "2026-12-05" }, enqueue, NOW)).rejects.toMatchObject({ fields: { to: [expect.stringContaining("today")] } });
    await expect(startPlanSimulation(database.db, user(program, "marketer"), { programId: program.id, versionId: draftId, from: "2020-01-01", to: "2026-01-01" }, enqueue, NOW)).rejects.toMatchObject({ fields: { from: [expect.any(String)] } });
    await expect(startPlanSimulation(database.db, user(other, "marketer"), { programId: other.id, versionId: draftId, ...WINDOW }, enqueue, NOW)).rejects.toMatchObject({ code: "not_found" });
    expect(jobs.length).toBe(before);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.programId, program.id));
    expect(audit.filter((e) => e.action === "plan.simulation_start").length).toBeGreaterThanOrEqual(3);
  });

  it("a run whose queue refuses the job is failed, not left queued", async () => {
    await expect(startPlanSimulation(database.db, user(program, "marketer"), { programId: program.id, versionId: draftId, ...WINDOW }, async () => { throw new Error("queue down"); }, new Date(NOW.getTime() + 60_000))).rejects.toThrow("queue down");
    const page = await getSimulationsPage(database.db, user(program, "marketer"), { programId: program.id }, NOW);
    expect(page.runs[0]!.status).toBe("failed");
  });
});

describe("plan simulation on the job queue", () => {
  let isolated: Database;
  beforeAll(async () => {
    isolated = await openTestDatabase({ isolated: true });
  }, 60_000);
  afterAll(async () => isolated.close());

  it("runs as a pg-boss job and finishes at 100 %", async () => {
    const p = await makeProgram(isolated, { plan: LIVE });
    const m = await makeMember(isolated, p.id);
    await recordPurchase(isolated.db, system, { programId: p.id, memberId: m.id, orderId: "Q-1", amountMinor: 30_000, currency: "MXN", channel: "pos", occurredAt: at("2026-02-01T18:00:00Z") });
    const draft = await savePlanDraft(isolated.db, user(p, "marketer"), { programId: p.id, definition: DOUBLED });
    const boss = createQueue(isolated);
    await boss.start();
    try {
      await workSimulations(boss, isolated.db, () => {});
      const { id } = await startPlanSimulation(isolated.db, user(p, "marketer"), { programId: p.id, versionId: draft.id, ...WINDOW }, (job) => enqueueSimulation(boss, job), NOW);
      await expect.poll(async () => (await getPlanSimulationProgress(isolated.db, user(p, "analyst"), { programId: p.id, simulationId: id })).percent, { timeout: 30_000, interval: 250 }).toBe(100);
      const { results } = await getPlanSimulationView(isolated.db, user(p, "analyst"), { programId: p.id, simulationId: id });
      expect(results!.outcomes).toMatchObject({ candidate: { pointsIssued: 600 }, baseline: { pointsIssued: 300 } });
    } finally {
      await boss.stop({ graceful: true, wait: true });
    }
  }, 90_000);
});

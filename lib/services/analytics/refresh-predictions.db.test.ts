import { randomUUID } from "node:crypto";
import path from "node:path";
import { readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { getProgramBySlug, type ProgramRow } from "@/db/queries/programs";
import { binClv, type KpiQueryFilter } from "@/db/queries/kpi-dashboard";
import { memberPredictions, members, predictionFits, purchaseLines, purchases } from "@/db/schema";
import type { Actor, Grant } from "@/lib/auth/actor";
import { findJob } from "@/lib/jobs/lifecycle-jobs";
import { ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { importCdnow } from "@/lib/services/imports/import-cdnow";
import { refreshKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { readPredictions } from "./read-predictions";
import { predictForCli, refreshPredictions, refreshProgramPredictions } from "./refresh-predictions";

const SAMPLE = path.resolve("db/seed-data/cdnow/CDNOW_sample.txt");
const user = (p: ProgramRow, role: Grant["role"]): Actor => ({
  kind: "user",
  userId: randomUUID(),
  email: `${role}@example.com`,
  grants: [{ organizationId: p.organizationId, programId: p.id, role, storeIds: [], extraPermissions: [] }],
});

let database: Database;
let cdnow: ProgramRow;

beforeAll(async () => {
  database = await openTestDatabase();
  const slug = `cdnow-${randomUUID().slice(0, 8)}`;
  await importCdnow(database.db, { file: SAMPLE, programSlug: slug, now: new Date("1998-07-01T12:00:00Z") });
  cdnow = (await getProgramBySlug(database.db, slug))!;
}, 240_000);
afterAll(async () => database.close());

describe("refreshProgramPredictions on the CDNOW sample", () => {
  it("stores one prediction per customer and a fit whose holdout is the papers' weeks 1–39 / 40–78, and replaces them on a second run", async () => {
    const first = await refreshProgramPredictions(database.db, { programId: cdnow.id, now: new Date(), asOf: "1998-06-30" });
    expect(first).toMatchObject({ members: 2357, asOf: "1998-06-30" });
    const again = await refreshProgramPredictions(database.db, { programId: cdnow.id, now: new Date(), asOf: "1998-06-30" });
    expect(again.members).toBe(2357);

    const rows = await database.db.select().from(memberPredictions).where(eq(memberPredictions.programId, cdnow.id));
    expect(rows).toHaveLength(2357);
    for (const r of rows) {
      expect(r.pAlive).toBeGreaterThanOrEqual(0);
      expect(r.pAlive).toBeLessThanOrEqual(1);
      expect(r.expectedPurchases90d).toBeGreaterThanOrEqual(0);
      expect(r.clv12mMinor).not.toBeNull();
      expect([r.rfmR, r.rfmF, r.rfmM].every((s) => s >= 1 && s <= 5)).toBe(true);
      expect(r.favouriteCategory).toBeNull(); // CDNOW has no lines
    }
    const fits = await database.db.select().from(predictionFits).where(eq(predictionFits.programId, cdnow.id));
    expect(fits).toHaveLength(2);

    const view = await readPredictions(database.db, user(cdnow, "analyst"), { programId: cdnow.id });
    expect(view.fit?.id).toBe(again.fitId);
    const holdout = view.fit!.holdout!;
    expect(holdout).toMatchObject({ calibrationStart: "1997-01-01", calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30", calibrationWeeks: 39, holdoutWeeks: 39, customers: 2357, actualTotal: 1882 });
    expect(holdout.params.r).toBeCloseTo(0.243, 3);
    expect(holdout.params.alpha).toBeCloseTo(4.414, 2);
    expect(holdout.params.a).toBeCloseTo(0.793, 3);
    expect(holdout.params.b).toBeCloseTo(2.426, 2);
    expect(holdout.buckets.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(holdout.tracking).toHaveLength(78);
    expect(holdout.tracking[38]!.actual).toBe(2457); // week 39, as in docs/ANALYTICS.md
    expect(holdout.tracking[77]!.actual).toBe(4339);
    expect(holdout.tracking[77]!.predicted / 4339 - 1).toBeCloseTo(-0.04, 2);
    const segments = view.fit!.distributions!.segments;
    expect(Object.values(segments).reduce((s, n) => s + n, 0)).toBe(2357);
    expect(view.fit!.distributions!.pAlive.reduce((s, b) => s + b.count, 0)).toBe(2357);
    expect(view.fit!.distributions!.clv.reduce((s, b) => s + b.count, 0)).toBe(2357);

    // The dashboard's CLV bins are the fit's, counted from the totals the job's refresh kept; a tier shows its own members on that scale.
    const f: KpiQueryFilter = { programId: cdnow.id, timeZone: cdnow.timeZone, from: "1997-01-01", to: "1998-06-30" };
    const bins = await binClv(database.db, f);
    expect(bins.map((b) => ({ from: b.fromMinor, to: b.upperMinor, count: b.members }))).toEqual(view.fit!.distributions!.clv);
    expect(bins.filter((b) => b.members > 0).length).toBeGreaterThan(3);
    const tiered = rows.filter((_, i) => i % 3 === 0).map((r) => r.memberId);
    await database.db.update(members).set({ tierKey: "gold" }).where(and(eq(members.programId, cdnow.id), inArray(members.id, tiered)));
    await refreshKpiRollups(database.db, { programId: cdnow.id });
    const gold = await binClv(database.db, { ...f, tierKey: "gold" });
    expect(gold).toEqual(await binClv(database.db, { ...f, tierKey: "gold" }, { fromFacts: true }));
    expect(gold.reduce((n, b) => n + b.members, 0)).toBe(tiered.length);
    expect(gold.map((b) => b.fromMinor)).toEqual(bins.map((b) => b.fromMinor));

    // Predictions stored before migration 0050 get their bin from their fit: the same bins, once recounted.
    await database.db.update(memberPredictions).set({ clvBin: null }).where(eq(memberPredictions.programId, cdnow.id));
    await refreshKpiRollups(database.db, { programId: cdnow.id });
    expect(await binClv(database.db, f)).toEqual([]);
    const backfill = readFileSync("db/migrations/0050_kpi_member_clv_touches.sql", "utf8").split("--> statement-breakpoint").at(-1)!
      .replace("FROM prediction_fits ORDER BY", `FROM prediction_fits WHERE program_id = '${cdnow.id}' ORDER BY`);
    expect(backfill).toContain(cdnow.id);
    await database.db.execute(sql.raw(backfill));
    await refreshKpiRollups(database.db, { programId: cdnow.id });
    expect(await binClv(database.db, f)).toEqual(bins);
  }, 240_000);

  it("fits the published parameters as of 1997-09-30 and reads the holdout from the purchases after it", async () => {
    const run = await predictForCli(database.db, { programSlug: cdnow.slug, asOf: "1997-09-30" });
    expect(run.customers).toBe(2357);
    expect(run.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(run.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(run.gammaGamma).toMatchObject({ customers: 946 });
    expect(run.gammaGamma!.p).toBeCloseTo(6.25, 1);
    expect(run.gammaGamma!.q).toBeCloseTo(3.74, 1);
    expect(run.gammaGamma!.gamma).toBeCloseTo(15.44, 1);
    expect(run.holdout!.relativeError).toBeGreaterThan(-0.15);
    expect(run.holdout!.relativeError).toBeLessThan(-0.08);
  }, 120_000);

  it("refuses unknown programs, impossible dates and dates before any purchase", async () => {
    await expect(predictForCli(database.db, { programSlug: "no-such-program", asOf: "1997-09-30" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(predictForCli(database.db, { programSlug: cdnow.slug, asOf: "1997-02-30" })).rejects.toBeInstanceOf(ValidationError);
    await expect(predictForCli(database.db, { programSlug: cdnow.slug, asOf: "30/09/1997" })).rejects.toBeInstanceOf(ValidationError);
    await expect(predictForCli(database.db, { programSlug: cdnow.slug, asOf: "1996-12-31" })).rejects.toBeInstanceOf(UnprocessableError);
  });
});

describe("refreshPredictions from the console", () => {
  it("needs analytics:read in the program, validates after authorizing, and audits", async () => {
    const program = await makeProgram(database);
    await expect(refreshPredictions(database.db, user(program, "staff"), { programId: program.id, asOf: "nonsense" })).rejects.toBeInstanceOf(ForbiddenError);
    // Another organization's program is "not found", not "forbidden".
    await expect(refreshPredictions(database.db, user(cdnow, "analyst"), { programId: program.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(readPredictions(database.db, user(program, "staff"), { programId: program.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refreshPredictions(database.db, user(program, "analyst"), { programId: program.id, asOf: "nonsense" })).rejects.toBeInstanceOf(ValidationError);

    // No purchases yet: nothing stored, the page shows its empty state.
    const empty = await refreshPredictions(database.db, user(program, "analyst"), { programId: program.id });
    expect(empty).toMatchObject({ members: 0, fitId: null });
    expect((await readPredictions(database.db, user(program, "analyst"), { programId: program.id })).fit).toBeNull();
    const audit = await listAuditEntries(database.db, { programId: program.id, action: "predictions.refresh", limit: 10 });
    expect(audit).toHaveLength(1);
  });

  it("predicts favourite category and replenishment from purchase lines, net of refunds", async () => {
    const program = await makeProgram(database);
    const regular = await makeMember(database, program.id);
    const once = await makeMember(database, program.id);
    const buy = async (memberId: string, day: string, lines: { category: string; price: number }[], status: "completed" | "refunded" = "completed") => {
      const id = randomUUID();
      const amount = lines.reduce((s, l) => s + l.price, 0);
      await database.db.insert(purchases).values({ programId: program.id, id, memberId, orderId: randomUUID(), channel: "pos", amountMinor: amount, refundedMinor: status === "refunded" ? amount : 0, status, currency: "MXN", occurredAt: new Date(`${day}T18:00:00Z`) });
      await database.db.insert(purchaseLines).values(lines.map((l, i) => ({ programId: program.id, purchaseId: id, lineNo: i + 1, category: l.category, quantity: "1", unitPriceMinor: l.price })));
    };
    // Coffee every 7 days; one big refunded electronics purchase must not make it the favourite.
    for (const day of ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22"]) await buy(regular.id, day, [{ category: "coffee", price: 5000 }, { category: "bakery", price: 1000 }]);
    await buy(regular.id, "2026-10-10", [{ category: "electronics", price: 900_000 }], "refunded");
    await buy(once.id, "2026-10-20", [{ category: "bakery", price: 2000 }]);

    const done = await refreshProgramPredictions(database.db, { programId: program.id, now: new Date("2026-10-31T18:00:00Z") });
    expect(done).toMatchObject({ members: 2, asOf: "2026-10-31" });
    const rows = await database.db.select().from(memberPredictions).where(and(eq(memberPredictions.programId, program.id)));
    const byMember = new Map(rows.map((r) => [r.memberId, r]));
    const r = byMember.get(regular.id)!;
    expect(r).toMatchObject({ frequency: 3, favouriteCategory: "coffee", replenishmentCategory: "bakery", replenishmentDate: "2026-10-29" });
    const o = byMember.get(once.id)!;
    expect(o).toMatchObject({ frequency: 0, favouriteCategory: "bakery", replenishmentDate: null });
    expect(r.pAlive).toBeGreaterThan(0);
  }, 60_000);

  it("runs as the daily predictions-refresh job", async () => {
    const job = findJob("predictions-refresh");
    expect(job?.cron).toBe("5 2 * * *");
  });
});

import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import type { Executor } from "@/db/types";
import { deleteExpiredIdempotencyKeysNow, deleteOldApiRateWindows } from "@/lib/services/maintenance/delete-expired-keys";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { applyInactivityPolicy } from "@/lib/services/ledger/apply-inactivity-policy";
import { reviewTiers } from "@/lib/services/tiers/review-tiers";
import { expireCoupons } from "@/lib/services/coupons/expire-coupons";
import { listAllProgramIdsForJobs } from "@/lib/services/programs/list-programs";
import { announceExpiringPoints } from "@/lib/services/webhooks/announce-expiring-points";
import { dispatchWebhooks } from "@/lib/services/webhooks/dispatch-webhooks";
import { createQueue } from "./queue";
import { startWebhookPoller } from "./webhook-poller";
import { workSimulations } from "./simulation-job";
import { forgetExpiredEndedSessions } from "@/lib/services/auth/ended-sessions";
import { refreshProgramSegments } from "@/lib/services/segments/refresh-segments";
import { refreshAllKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { refreshProgramPredictions } from "@/lib/services/analytics/refresh-predictions";
import { runProgramCampaigns, ZERO_RUN_COUNTS } from "@/lib/services/campaigns/run-campaigns";
import { releaseAndRewardReferrals } from "@/lib/services/referrals/release-and-reward";

type Job = { name: string; cron: string; run: (db: Executor, now: Date) => Promise<Record<string, number>> };

/** Runs `work` for every program and adds up its counts (starting from `zero`, so an empty sweep still reports every count). */
async function eachProgram<T extends Record<string, number>>(db: Executor, zero: T, work: (programId: string) => Promise<T>): Promise<T & { programs: number }> {
  const total: Record<string, number> = { programs: 0, ...zero };
  for (const programId of await listAllProgramIdsForJobs(db)) {
    const done = await work(programId);
    total.programs! += 1;
    for (const [key, n] of Object.entries(done)) total[key] = (total[key] ?? 0) + n;
  }
  return total as T & { programs: number };
}

const NO_LOTS = { accounts: 0, lots: 0, points: 0 };

/**
 * The time-based work of the ledger and of tiers. Each job is safe to run twice or twice at
 * once (it re-reads under row locks), so a missed or repeated schedule is harmless.
 */
export const LIFECYCLE_JOBS: Job[] = [
  // Referral rewards wait for the qualifying purchase's release, so they are paid right after it, in the same run.
  { name: "points-release", cron: "*/10 * * * *", run: (db, now) => eachProgram(db, { ...NO_LOTS, referrals: 0 }, (programId) => releaseAndRewardReferrals(db, { programId, now })) },
  { name: "points-expire", cron: "*/10 * * * *", run: (db, now) => eachProgram(db, NO_LOTS, (programId) => expireDuePoints(db, { programId, now })) },
  // Programs whose plan expires the whole balance after N months without activity; hourly is plenty for a months-long clock.
  { name: "points-expire-inactive", cron: "43 * * * *", run: (db, now) => eachProgram(db, NO_LOTS, (programId) => applyInactivityPolicy(db, { programId, now })) },
  // Issued coupons past their expiry become expired (the counter already refuses them; this makes lists and counts say so).
  { name: "coupons-expire", cron: "*/10 * * * *", run: (db, now) => eachProgram(db, { coupons: 0 }, (programId) => expireCoupons(db, { programId, now })) },
  // Tier downgrades wait for the plan's review date; daily, so a review date is never missed by more than a day.
  { name: "tiers-review", cron: "30 3 * * *", run: (db, now) => eachProgram(db, { reviewed: 0, downgraded: 0 }, (programId) => reviewTiers(db, { programId, now })) },
  // points.expiring: lots entering the 30-day window, each announced once.
  { name: "points-expiring", cron: "15 4 * * *", run: (db, now) => eachProgram(db, { members: 0, lots: 0, points: 0 }, (programId) => announceExpiringPoints(db, { programId, now })) },
  // Saved segments follow their members' purchases, balances and birthdays; hourly keeps rules, rewards and campaigns close enough.
  { name: "segments-refresh", cron: "23 * * * *", run: (db, now) => eachProgram(db, { segments: 0, members: 0, added: 0, removed: 0 }, (programId) => refreshProgramSegments(db, { programId, now })) },
  // Trigger campaigns (birthdays, milestones, inactivity…), one-off grants and offers (coupons to a segment); each award once per member and period, so re-runs are harmless.
  { name: "campaigns-run", cron: "37 * * * *", run: (db, now) => eachProgram(db, ZERO_RUN_COUNTS, (programId) => runProgramCampaigns(db, { programId, now })) },
  // Member predictions (BG/NBD, Gamma-Gamma, RFM) as of the program's today; daily, before the hourly segment refresh reads them.
  { name: "predictions-refresh", cron: "5 2 * * *", run: (db, now) => eachProgram(db, { members: 0, fits: 0 }, async (programId) => { const done = await refreshProgramPredictions(db, { programId, now }); return { members: done.members, fits: done.fitId ? 1 : 0 }; }) },
  // Days whose KPI rollup a write made stale (marks added by triggers in the writer's transaction) are recomputed; safe to overlap.
  { name: "kpi-rollups-refresh", cron: "* * * * *", run: (db) => refreshAllKpiRollups(db) },
  // A safety net and a CLI handle (`jobs run webhooks-dispatch`); workers also poll every few seconds (webhook-poller.ts).
  { name: "webhooks-dispatch", cron: "* * * * *", run: (db, now) => dispatchWebhooks(db, { now }) },
  { name: "idempotency-cleanup", cron: "17 * * * *", run: async (db, now) => ({ deleted: await deleteExpiredIdempotencyKeysNow(db, now), rateWindows: await deleteOldApiRateWindows(db, now), endedSessions: await forgetExpiredEndedSessions(db, now) }) },
];

export function findJob(name: string): Job | undefined {
  return LIFECYCLE_JOBS.find((j) => j.name === name);
}

/** Starts the queue with every job scheduled and a worker for each; returns the stop function. */
export async function startJobWorker(database: Database, log: (line: string) => void = () => {}): Promise<{ boss: PgBoss; stop: () => Promise<void> }> {
  const boss = createQueue(database);
  boss.on("error", (error) => log(`Lazo jobs: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  for (const job of LIFECYCLE_JOBS) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work(job.name, async () => {
      const result = await job.run(database.db, new Date());
      if (Object.values(result).some((n) => n > 0)) log(`Lazo jobs: ${job.name} ${JSON.stringify(result)}`);
      return result;
    });
  }
  // Plan simulations are started from the console (enqueueSimulation), not on a schedule.
  await workSimulations(boss, database.db, log);
  const poller = startWebhookPoller(database.db, log);
  return {
    boss,
    stop: async () => {
      await poller.stop();
      await boss.stop({ graceful: true, wait: true });
    },
  };
}

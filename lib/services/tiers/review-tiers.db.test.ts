import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { getMember } from "@/db/queries/members";
import { members, memberTierHistory } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type TierReview } from "@/lib/domain/plan/plan-definition";
import { findJob } from "@/lib/jobs/lifecycle-jobs";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { reviewTiers } from "./review-tiers";

let database: Database;
const system: Actor = { kind: "system", label: "test" };
const d = (iso: string) => new Date(iso);
// Default plan: bronze 0, silver 500, gold 1500 points over a rolling 12 months; 1 point per 100 minor units.
// Review dates are local midnights in the program's zone (America/Mexico_City, UTC−6): this is 03:30 on January 1st there.
const REVIEW_2026 = d("2026-01-01T09:30:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function programWith(tierReview: TierReview) {
  return (await makeProgram(database, { plan: { ...defaultPlan(), tierReview } })).id;
}

/** A member with one purchase per [date, points] — tiers upgrade as the purchases qualify. */
async function memberWith(programId: string, purchases: [string, number][]) {
  const { id: memberId } = await makeMember(database, programId);
  for (const [date, points] of purchases) {
    const at = d(date);
    const orderId = `ORD-${Math.random().toString(36).slice(2, 10)}`;
    await recordPurchase(database.db, system, { programId, memberId, orderId, amountMinor: points * 100, currency: "MXN", channel: "pos", occurredAt: at }, at);
  }
  return memberId;
}

async function tierOf(programId: string, memberId: string) {
  return (await getMember(database.db, { programId, memberId }))!.tierKey;
}

async function historyOf(programId: string, memberId: string) {
  return database.db
    .select({ from: memberTierHistory.fromTier, to: memberTierHistory.toTier, reason: memberTierHistory.reason, at: memberTierHistory.createdAt })
    .from(memberTierHistory)
    .where(and(eq(memberTierHistory.programId, programId), eq(memberTierHistory.memberId, memberId)))
    .orderBy(asc(memberTierHistory.createdAt));
}

describe("reviewTiers", () => {
  it("keeps a gold member below gold until the review date, then drops them to the tier their points reach", async () => {
    const programId = await programWith({ every: "year", graceMonths: 0 });
    // Gold since Dec 2024; by Dec 20 2025 those points leave the rolling window, leaving 600 (silver).
    const toSilver = await memberWith(programId, [["2024-12-20T12:00:00Z", 1600], ["2025-06-01T12:00:00Z", 600]]);
    const toBronze = await memberWith(programId, [["2024-12-20T12:00:00Z", 1600]]);
    const staysGold = await memberWith(programId, [["2025-02-01T12:00:00Z", 1600]]);
    expect(await tierOf(programId, toSilver)).toBe("gold");

    const before = await reviewTiers(database.db, { programId, now: d("2025-12-31T12:00:00Z"), batchSize: 2 });
    expect(before).toEqual({ reviewed: 3, downgraded: 0 });
    expect(await tierOf(programId, toSilver)).toBe("gold");

    expect(await reviewTiers(database.db, { programId, now: REVIEW_2026, batchSize: 2 })).toEqual({ reviewed: 3, downgraded: 2 });
    expect(await tierOf(programId, toSilver)).toBe("silver");
    expect(await tierOf(programId, toBronze)).toBe("bronze");
    expect(await tierOf(programId, staysGold)).toBe("gold");
    expect((await historyOf(programId, toSilver)).at(-1)).toEqual({ from: "gold", to: "silver", reason: "review", at: REVIEW_2026 });
    expect((await historyOf(programId, toBronze)).at(-1)).toEqual({ from: "gold", to: "bronze", reason: "review", at: REVIEW_2026 });
  });

  it("changes nothing when run again, at the same moment or later before the next review", async () => {
    const programId = await programWith({ every: "year", graceMonths: 0 });
    const memberId = await memberWith(programId, [["2024-12-20T12:00:00Z", 1600], ["2025-06-01T12:00:00Z", 600]]);
    expect(await reviewTiers(database.db, { programId, now: REVIEW_2026 })).toEqual({ reviewed: 1, downgraded: 1 });
    expect(await reviewTiers(database.db, { programId, now: REVIEW_2026 })).toEqual({ reviewed: 1, downgraded: 0 });
    expect(await reviewTiers(database.db, { programId, now: d("2026-12-31T12:00:00Z") })).toEqual({ reviewed: 1, downgraded: 0 });
    expect(await tierOf(programId, memberId)).toBe("silver");
    expect((await historyOf(programId, memberId)).filter((h) => h.reason === "review")).toHaveLength(1);
  });

  it("lets a member upgraded within the grace months keep the tier until the next review", async () => {
    const programId = await programWith({ every: "year", graceMonths: 3 });
    // Gold on Dec 10 2025 (1000 from Dec 2024 + 600); at the review only the 600 are in the window.
    const recent = await memberWith(programId, [["2024-12-20T12:00:00Z", 1000], ["2025-12-10T12:00:00Z", 600]]);
    const longAgo = await memberWith(programId, [["2024-06-01T12:00:00Z", 1600], ["2025-06-01T12:00:00Z", 600]]);
    expect(await tierOf(programId, recent)).toBe("gold");

    expect(await reviewTiers(database.db, { programId, now: REVIEW_2026 })).toEqual({ reviewed: 2, downgraded: 1 });
    expect(await tierOf(programId, recent)).toBe("gold");
    expect(await tierOf(programId, longAgo)).toBe("silver");

    await reviewTiers(database.db, { programId, now: d("2027-01-01T09:30:00Z") });
    expect(await tierOf(programId, recent)).toBe("bronze");
  });

  it("keeps the tier while an override is in force, and reviews it once the override ends", async () => {
    const programId = await programWith({ every: "year", graceMonths: 0 });
    const memberId = await memberWith(programId, [["2024-12-20T12:00:00Z", 1600]]);
    await database.db.update(members).set({ tierOverrideUntil: d("2026-02-01T00:00:00Z") }).where(and(eq(members.programId, programId), eq(members.id, memberId)));

    expect(await reviewTiers(database.db, { programId, now: REVIEW_2026 })).toEqual({ reviewed: 1, downgraded: 0 });
    expect(await tierOf(programId, memberId)).toBe("gold");
    expect(await reviewTiers(database.db, { programId, now: d("2026-02-02T03:30:00Z") })).toEqual({ reviewed: 1, downgraded: 1 });
    expect(await tierOf(programId, memberId)).toBe("bronze");
  });

  it("only touches the program it is given", async () => {
    const programId = await programWith({ every: "year", graceMonths: 0 });
    const otherId = await programWith({ every: "year", graceMonths: 0 });
    const other = await memberWith(otherId, [["2024-12-20T12:00:00Z", 1600]]);
    expect(await reviewTiers(database.db, { programId, now: REVIEW_2026 })).toEqual({ reviewed: 0, downgraded: 0 });
    expect(await tierOf(otherId, other)).toBe("gold");
  });

  it("is scheduled daily as a lifecycle job", () => {
    expect(findJob("tiers-review")).toMatchObject({ cron: "30 3 * * *" });
  });
});

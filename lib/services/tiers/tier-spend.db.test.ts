import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getMember } from "@/db/queries/members";
import type { Actor } from "@/lib/auth/actor";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { getMemberDetail } from "@/lib/services/members/get-member-detail";
import { getMyHome } from "@/lib/services/members/get-my-home";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { refundPurchase } from "@/lib/services/purchases/refund-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { reviewTiers } from "./review-tiers";

/**
 * Tiers qualified by spend (purchase amounts net of refunds, minor units), on
 * a controlled clock. Test programs are in America/Mexico_City (UTC−6).
 * Ladder: bronze 0, silver 5,000 MXN, gold 15,000 MXN.
 */
let database: Database;
const system: Actor = { kind: "system", label: "test" };
const d = (iso: string) => new Date(iso);

const bySpend = (patch: Partial<PlanDefinition> = {}): PlanDefinition => ({
  ...defaultPlan(),
  tierQualification: { metric: "spend", window: "rolling_12_months" },
  tiers: defaultPlan().tiers.map((t) => ({ ...t, threshold: t.threshold * 1000 })),
  ...patch,
});

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function buy(programId: string, memberId: string, at: string, amountMinor: number) {
  const when = d(at);
  const orderId = `ORD-${Math.random().toString(36).slice(2, 10)}`;
  const result = await recordPurchase(database.db, system, { programId, memberId, orderId, amountMinor, currency: "MXN", channel: "pos", occurredAt: when }, when);
  return { ...result, orderId };
}

async function tierOf(programId: string, memberId: string) {
  return (await getMember(database.db, { programId, memberId }))!.tierKey;
}

describe("tiers qualified by spend", () => {
  it("upgrades on the purchase that takes the spend over a threshold, whatever the points", async () => {
    // One point per 1,000 MXN: points alone would never reach silver (500).
    const programId = (await makeProgram(database, { plan: bySpend({ baseRate: { points: 1, perMinor: 100_000, rounding: "floor" } }) })).id;
    const { id: memberId } = await makeMember(database, programId);
    expect((await buy(programId, memberId, "2026-03-02T18:00:00Z", 300_000)).tierChange).toEqual({ from: null, to: "bronze" });
    expect((await buy(programId, memberId, "2026-03-09T18:00:00Z", 150_000)).tierChange).toBeNull();
    const qualifying = await buy(programId, memberId, "2026-03-16T18:00:00Z", 50_000);
    expect(qualifying.tierChange).toEqual({ from: "bronze", to: "silver" });
    expect(qualifying.pointsEarned).toBe(0);
    expect(await tierOf(programId, memberId)).toBe("silver");
  });

  it("drops at the review after grace to the tier the spend net of refunds reaches", async () => {
    const programId = (await makeProgram(database, { plan: bySpend({ tierReview: { every: "year", graceMonths: 3 } }) })).id;
    // Gold in December 2024; in the 2025 window only 6,000 MXN: silver.
    const toSilver = await makeMember(database, programId);
    await buy(programId, toSilver.id, "2024-12-20T18:00:00Z", 1_600_000);
    await buy(programId, toSilver.id, "2025-06-01T18:00:00Z", 600_000);
    // Gold in 2025 by spend, but most of it refunded: 16,000 − 12,000 = 4,000 MXN net, bronze.
    const refunded = await makeMember(database, programId);
    const big = await buy(programId, refunded.id, "2025-02-01T18:00:00Z", 1_600_000);
    await refundPurchase(database.db, system, { programId, orderId: big.orderId, amount: 12_000 }, d("2025-02-10T18:00:00Z"));
    // Gold on December 10th 2025, less than three months before the review: kept until the next one.
    const inGrace = await makeMember(database, programId);
    await buy(programId, inGrace.id, "2024-12-20T18:00:00Z", 1_000_000);
    await buy(programId, inGrace.id, "2025-12-10T18:00:00Z", 600_000);
    for (const m of [toSilver, refunded, inGrace]) expect(await tierOf(programId, m.id)).toBe("gold");

    // December 31st: not a review date, nobody moves.
    expect(await reviewTiers(database.db, { programId, now: d("2025-12-31T18:00:00Z") })).toEqual({ reviewed: 3, downgraded: 0 });
    // 03:30 on January 1st 2026 in Mexico City.
    expect(await reviewTiers(database.db, { programId, now: d("2026-01-01T09:30:00Z") })).toEqual({ reviewed: 3, downgraded: 2 });
    expect(await tierOf(programId, toSilver.id)).toBe("silver");
    expect(await tierOf(programId, refunded.id)).toBe("bronze");
    expect(await tierOf(programId, inGrace.id)).toBe("gold");
    // The next yearly review finds 0 spend in 2026.
    await reviewTiers(database.db, { programId, now: d("2027-01-01T09:30:00Z") });
    expect(await tierOf(programId, inGrace.id)).toBe("bronze");
  });

  it("counts the calendar year on the program's clock: 23:00 on December 31st is still the old year", async () => {
    const programId = (await makeProgram(database, { plan: bySpend({ tierQualification: { metric: "spend", window: "calendar_year" } }) })).id;
    const lateBuyer = await makeMember(database, programId);
    await buy(programId, lateBuyer.id, "2025-07-01T18:00:00Z", 400_000);
    // 23:00 on December 31st 2025 in Mexico City is already 2026 in UTC: it still counts for 2025 and upgrades.
    expect((await buy(programId, lateBuyer.id, "2026-01-01T05:00:00Z", 100_000)).tierChange).toEqual({ from: "bronze", to: "silver" });

    const earlyBuyer = await makeMember(database, programId);
    await buy(programId, earlyBuyer.id, "2025-07-01T18:00:00Z", 400_000);
    // 01:00 on January 1st 2026 locally: a new year, the 4,000 MXN of 2025 no longer count.
    expect((await buy(programId, earlyBuyer.id, "2026-01-01T07:00:00Z", 100_000)).tierChange).toBeNull();
    expect(await tierOf(programId, earlyBuyer.id)).toBe("bronze");

    // The January 1st review judges the local year 2025, where the late buyer spent 5,000 MXN.
    expect(await reviewTiers(database.db, { programId, now: d("2026-01-01T09:30:00Z") })).toMatchObject({ downgraded: 0 });
    expect(await tierOf(programId, lateBuyer.id)).toBe("silver");
  });

  it("counts the calendar year of points on the program's clock too", async () => {
    const programId = (await makeProgram(database, { plan: { ...defaultPlan(), tierQualification: { metric: "points", window: "calendar_year" } } })).id;
    const { id: memberId } = await makeMember(database, programId);
    await buy(programId, memberId, "2025-07-01T18:00:00Z", 40_000);
    // 400 + 100 points, both earned in the local year 2025.
    expect((await buy(programId, memberId, "2026-01-01T05:00:00Z", 10_000)).tierChange).toEqual({ from: "bronze", to: "silver" });
  });

  it("shows the progress to the next tier in money, for the marketer and for the member", async () => {
    const program = await makeProgram(database, { plan: bySpend() });
    const { id: memberId } = await makeMember(database, program.id);
    await buy(program.id, memberId, "2026-03-02T18:00:00Z", 620_000);
    const now = d("2026-03-03T18:00:00Z");
    const detail = await getMemberDetail(database.db, system, { programId: program.id, memberId }, now);
    expect(detail).toMatchObject({ metric: "spend", currency: "MXN", qualifying: 620_000, progress: { current: { key: "silver" }, next: { key: "gold" }, missing: 880_000 } });
    const home = await getMyHome(database.db, { kind: "member", programId: program.id, memberId }, now);
    expect(home.standing).toMatchObject({ metric: "spend", window: "rolling_12_months", qualifying: 620_000, missing: 880_000, keep: { threshold: 500_000, missing: 0 } });
  });
});

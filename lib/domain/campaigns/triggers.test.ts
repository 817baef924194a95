import { describe, expect, it } from "vitest";
import type { CampaignTrigger } from "./definition";
import { evaluateTrigger, yearlyDate, type MemberFacts, type TriggerContext } from "./triggers";

const TZ = "America/Mexico_City";
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

function facts(over: Partial<MemberFacts> = {}): MemberFacts {
  return {
    memberId: "m1",
    status: "active",
    enrolledAt: at("2020-03-10T17:00:00Z"),
    birthday: "1990-06-15",
    purchaseTimes: [],
    lifetimeEarned: 0,
    lastActivityAt: null,
    lastUpgrade: null,
    nextExpiry: null,
    ...over,
  };
}
const ctx = (now: string, startsAt: string | null = "2026-01-01T00:00:00Z"): TriggerContext => ({ now: at(now), timeZone: TZ, startsAt: startsAt ? at(startsAt) : null });
const fire = (t: CampaignTrigger, m: MemberFacts, c: TriggerContext) => evaluateTrigger(t, m, c)?.periodKey ?? null;

describe("evaluateTrigger on a controlled clock", () => {
  it.each([
    ["before the birthday", "2026-06-14T18:00:00Z", null],
    ["on the birthday (program time)", "2026-06-15T18:00:00Z", "y2026"],
    ["still on the birthday at 23:30 local, already the 16th in UTC", "2026-06-16T05:30:00Z", "y2026"],
    ["six days after", "2026-06-21T18:00:00Z", "y2026"],
    ["seven days after: window over", "2026-06-22T18:00:00Z", null],
  ])("birthday %s", (_label, now, key) => {
    expect(fire({ type: "birthday" }, facts(), ctx(now))).toBe(key);
  });

  it("gives the birthday a new period each year, so it fires once per year", () => {
    const t = { type: "birthday" } as const;
    expect(fire(t, facts(), ctx("2026-06-15T18:00:00Z"))).toBe("y2026");
    expect(fire(t, facts(), ctx("2027-06-15T18:00:00Z"))).toBe("y2027");
  });

  it("celebrates 29 February on the 28th in common years", () => {
    expect(yearlyDate("02-29", 2027)).toBe("2027-02-28");
    expect(yearlyDate("02-29", 2028)).toBe("2028-02-29");
    expect(fire({ type: "birthday", windowDays: 0 }, facts({ birthday: "2000-02-29" }), ctx("2027-02-28T18:00:00Z"))).toBe("y2027");
  });

  it("does not fire the birthday for a member without one, or not active", () => {
    expect(fire({ type: "birthday" }, facts({ birthday: null }), ctx("2026-06-15T18:00:00Z"))).toBeNull();
    expect(fire({ type: "birthday" }, facts({ status: "suspended" }), ctx("2026-06-15T18:00:00Z"))).toBeNull();
  });

  it("rewards only the current year's enrolment anniversary after a long absence (no stacking)", () => {
    const t = { type: "anniversary" } as const;
    // Enrolled 2020-03-10; six anniversaries passed, but only 2026's counts.
    expect(fire(t, facts(), ctx("2026-03-12T18:00:00Z"))).toBe("y2026");
    expect(fire(t, facts(), ctx("2026-05-01T18:00:00Z"))).toBeNull();
  });

  it("does not treat the enrolment day itself as an anniversary", () => {
    expect(fire({ type: "anniversary" }, facts({ enrolledAt: at("2026-03-10T17:00:00Z") }), ctx("2026-03-10T20:00:00Z"))).toBeNull();
  });

  it("fires first purchase only for a first purchase inside the campaign", () => {
    const t = { type: "first_purchase" } as const;
    expect(fire(t, facts(), ctx("2026-02-01T00:00:00Z"))).toBeNull();
    expect(fire(t, facts({ purchaseTimes: [at("2025-12-01T00:00:00Z")] }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
    expect(fire(t, facts({ purchaseTimes: [at("2026-01-05T00:00:00Z"), at("2026-01-06T00:00:00Z")] }), ctx("2026-02-01T00:00:00Z"))).toBe("once");
  });

  it("fires the Nth purchase once the Nth falls inside the campaign", () => {
    const three = [at("2025-12-01T00:00:00Z"), at("2026-01-05T00:00:00Z"), at("2026-01-09T00:00:00Z")];
    expect(fire({ type: "nth_purchase", n: 3 }, facts({ purchaseTimes: three.slice(0, 2) }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
    expect(fire({ type: "nth_purchase", n: 3 }, facts({ purchaseTimes: three }), ctx("2026-02-01T00:00:00Z"))).toBe("n3");
    expect(fire({ type: "nth_purchase", n: 1 }, facts({ purchaseTimes: three }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
  });

  it("fires a points milestone once lifetime points reach it", () => {
    expect(fire({ type: "points_milestone", points: 100 }, facts({ lifetimeEarned: 99 }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
    expect(fire({ type: "points_milestone", points: 100 }, facts({ lifetimeEarned: 100 }), ctx("2026-02-01T00:00:00Z"))).toBe("p100");
  });

  it("fires a tier upgrade per tier reached, optionally only for one tier", () => {
    const up = { toTier: "gold", at: at("2026-01-20T00:00:00Z") };
    expect(fire({ type: "tier_upgrade" }, facts({ lastUpgrade: up }), ctx("2026-02-01T00:00:00Z"))).toBe("tier:gold");
    expect(fire({ type: "tier_upgrade", toTier: "silver" }, facts({ lastUpgrade: up }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
    expect(fire({ type: "tier_upgrade" }, facts({ lastUpgrade: { ...up, at: at("2025-01-20T00:00:00Z") } }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
  });

  it("fires inactivity once per spell, named by the day the spell began", () => {
    const t = { type: "inactivity", days: 30 } as const;
    const last = at("2026-01-01T18:00:00Z");
    expect(fire(t, facts({ lastActivityAt: last }), ctx(new Date(last.getTime() + 29 * DAY).toISOString()))).toBeNull();
    expect(fire(t, facts({ lastActivityAt: last }), ctx(new Date(last.getTime() + 30 * DAY).toISOString()))).toBe("since:2026-01-01");
    expect(fire(t, facts({ lastActivityAt: last }), ctx(new Date(last.getTime() + 90 * DAY).toISOString()))).toBe("since:2026-01-01");
  });

  it("fires points about to expire once per expiry date inside the window", () => {
    const t = { type: "points_expiring", withinDays: 7, minPoints: 10 } as const;
    const e = { points: 50, at: at("2026-02-05T06:00:00Z") };
    expect(fire(t, facts({ nextExpiry: e }), ctx("2026-01-20T00:00:00Z"))).toBeNull();
    expect(fire(t, facts({ nextExpiry: e }), ctx("2026-02-01T00:00:00Z"))).toBe("exp:2026-02-05");
    expect(fire(t, facts({ nextExpiry: { ...e, points: 9 } }), ctx("2026-02-01T00:00:00Z"))).toBeNull();
    expect(fire(t, facts({ nextExpiry: e }), ctx("2026-02-06T00:00:00Z"))).toBeNull();
  });
});

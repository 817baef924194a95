import { addMonths } from "@/lib/domain/plan/base-points";
import type { ExpiryPolicy } from "@/lib/domain/plan/plan-definition";
import { zonedDayStart } from "@/lib/domain/audit/zoned-day";
import { localTime } from "@/lib/domain/rules/local-time";

/**
 * Expiry dates of earned points, pure: `now` and the program's time zone are passed in.
 *
 * `end_of_period`: points expire at the end of the period that FOLLOWS the one they
 * were earned in, on the program's own calendar — earned any day of 2026 → expire when
 * 2027 ends (the first instant of 2028-01-01, local time); earned in Q1 2026 → expire
 * when Q2 ends (2026-07-01 00:00 local). Expiring at the end of the earning period
 * itself would give a point earned on December 31st one day of life; one whole extra
 * period gives every point at least a full period and keeps one expiry date per period.
 *
 * `inactivity`: lots carry no date; the whole available balance expires once a member
 * has had no qualifying activity (an earn or a redemption) for N months (see
 * `inactivityCutoff`), which the points-expire-inactive job applies.
 */
export function lotExpiry(policy: ExpiryPolicy, earnedAt: Date, timeZone: string): Date | null {
  switch (policy.kind) {
    case "rolling":
      return addMonths(earnedAt, policy.months);
    case "end_of_period":
      return endOfFollowingPeriod(earnedAt, policy.period, timeZone);
    case "inactivity":
    case "none":
      return null;
  }
}

/** The first local instant after the period following the one `earnedAt` falls in. */
export function endOfFollowingPeriod(earnedAt: Date, period: "year" | "quarter", timeZone: string): Date {
  const [year, month] = localTime(earnedAt, timeZone).date.split("-").map(Number) as [number, number];
  if (period === "year") return zonedDayStart(`${year + 2}-01-01`, timeZone);
  // Quarter index 0..3 of the earn; the end of the next quarter is the start of the one after it.
  const quarterAfterNext = Math.floor((month - 1) / 3) + 2;
  const startYear = year + Math.floor(quarterAfterNext / 4);
  const startMonth = (quarterAfterNext % 4) * 3 + 1;
  return zonedDayStart(`${startYear}-${String(startMonth).padStart(2, "0")}-01`, timeZone);
}

/** When a member's whole balance lapses under an inactivity policy: N calendar months (UTC) after their last qualifying activity. */
export function inactivityExpiryDate(lastActivityAt: Date, months: number): Date {
  return addMonths(lastActivityAt, months);
}

/**
 * Whether the inactivity policy has caught up with a member at `now`. The job's SQL
 * applies the same test (UTC month arithmetic, clamped to the month's last day).
 */
export function isInactive(lastActivityAt: Date, months: number, now: Date): boolean {
  return inactivityExpiryDate(lastActivityAt, months) <= now;
}

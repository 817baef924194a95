import type { CampaignTrigger } from "./definition";

/** What the trigger engine knows about one member at `now` (read by the service, evaluated here). */
export type MemberFacts = {
  memberId: string;
  status: "active" | "suspended" | "anonymized";
  enrolledAt: Date;
  /** YYYY-MM-DD or null. */
  birthday: string | null;
  /** Completed purchases, oldest first (only their instants matter). */
  purchaseTimes: Date[];
  lifetimeEarned: number;
  lastActivityAt: Date | null;
  /** The member's latest tier change upwards, if any. */
  lastUpgrade: { toTier: string; at: Date } | null;
  /** Available points in lots expiring soonest, and that date. */
  nextExpiry: { points: number; at: Date } | null;
};

export type TriggerContext = {
  now: Date;
  timeZone: string;
  /** The campaign's start: events before it (a first purchase last year) do not fire it. */
  startsAt: Date | null;
};

export type TriggerHit = { periodKey: string };

const DAY = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** This year's occurrence of a yearly date: 29 February falls on the 28th in common years. */
export function yearlyDate(monthDay: string, year: number): string {
  const md = monthDay === "02-29" && !isLeap(year) ? "02-28" : monthDay;
  return `${year}-${md}`;
}

/** Whole days from date a to date b (both YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

const afterStart = (at: Date, ctx: TriggerContext) => !ctx.startsAt || at >= ctx.startsAt;

/**
 * The current year's occurrence of a yearly date, when today is on it or at
 * most `windowDays` after it (a job that missed a day still catches it). Only
 * this year's occurrence is ever considered, so a member absent for years gets
 * one award, not one per missed year.
 */
function yearlyHit(monthDay: string, ctx: TriggerContext, windowDays: number): TriggerHit | null {
  const today = localDateOf(ctx.now, ctx.timeZone);
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const day = yearlyDate(monthDay, y);
    const late = daysBetween(day, today);
    if (late >= 0 && late <= windowDays) return { periodKey: `y${y}` };
  }
  return null;
}

/**
 * Does `trigger` fire for this member now, and for which period? A campaign
 * awards at most once per (member, period key): the key is what makes a
 * re-run, or two runs at once, award nothing new.
 */
export function evaluateTrigger(trigger: CampaignTrigger, m: MemberFacts, ctx: TriggerContext): TriggerHit | null {
  if (m.status !== "active") return null;
  switch (trigger.type) {
    case "first_purchase": {
      const first = m.purchaseTimes[0];
      return first && afterStart(first, ctx) && first <= ctx.now ? { periodKey: "once" } : null;
    }
    case "nth_purchase": {
      const nth = m.purchaseTimes[trigger.n - 1];
      return nth && afterStart(nth, ctx) && nth <= ctx.now ? { periodKey: `n${trigger.n}` } : null;
    }
    case "points_milestone":
      return m.lifetimeEarned >= trigger.points ? { periodKey: `p${trigger.points}` } : null;
    case "tier_upgrade": {
      const up = m.lastUpgrade;
      if (!up || !afterStart(up.at, ctx) || up.at > ctx.now) return null;
      if (trigger.toTier && up.toTier !== trigger.toTier) return null;
      return { periodKey: `tier:${up.toTier}` };
    }
    case "birthday":
      return m.birthday ? yearlyHit(m.birthday.slice(5), ctx, trigger.windowDays ?? 6) : null;
    case "anniversary": {
      const enrolled = localDateOf(m.enrolledAt, ctx.timeZone);
      const hit = yearlyHit(enrolled.slice(5), ctx, trigger.windowDays ?? 6);
      // The enrolment day itself is not an anniversary.
      return hit && Number(hit.periodKey.slice(1)) > Number(enrolled.slice(0, 4)) ? hit : null;
    }
    case "inactivity": {
      const last = m.lastActivityAt ?? m.enrolledAt;
      if (ctx.now.getTime() - last.getTime() < trigger.days * DAY) return null;
      // One award per spell of inactivity: the spell is named by the day it began.
      return { periodKey: `since:${localDateOf(last, ctx.timeZone)}` };
    }
    case "points_expiring": {
      const e = m.nextExpiry;
      if (!e || e.points < Math.max(1, trigger.minPoints ?? 1)) return null;
      if (e.at <= ctx.now || e.at.getTime() - ctx.now.getTime() > trigger.withinDays * DAY) return null;
      return { periodKey: `exp:${localDateOf(e.at, ctx.timeZone)}` };
    }
  }
}

/**
 * Challenges as pure rules: what a member has to do, and how far a member's
 * purchases and profile have come. No database, no clock: `now` and the
 * program's time zone are passed in.
 */
import { localTime } from "@/lib/domain/rules/local-time";

export const CHALLENGE_KINDS = ["purchases", "profile", "stores", "streak"] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** Profile fields a "complete your profile" challenge may ask for (columns of members). */
export const PROFILE_FIELDS = ["name", "email", "phone", "birthday", "city", "consentMarketing", "consentPersonalization"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ChallengeRule =
  | { kind: "purchases"; count: number; windowDays: number | null; category: string | null; minAmountMinor: number | null }
  | { kind: "stores"; count: number; windowDays: number | null }
  | { kind: "profile"; fields: ProfileField[] }
  | { kind: "streak"; weeks: number; category: string | null; minAmountMinor: number | null };

/** A purchase as challenges see it: net amount (after refunds), its store, and every category of its lines with their ancestors. */
export type PurchaseFact = { at: Date; amountMinor: number; storeId: string | null; categories: string[] };
export type ProfileFacts = Record<ProfileField, boolean>;
export type MemberFacts = { purchases: PurchaseFact[]; profile: ProfileFacts };

export type ChallengeWindow = { startsAt: Date; endsAt: Date | null; timeZone: string };

export type ChallengeProgress = {
  /** What the progress bar shows (the target once completed). */
  current: number;
  target: number;
  completed: boolean;
  /** Streak challenges: consecutive weeks with a purchase up to now (this week may still come). */
  streak: number;
};

const DAY_MS = 86_400_000;

export function targetOf(rule: ChallengeRule): number {
  if (rule.kind === "profile") return rule.fields.length;
  if (rule.kind === "streak") return rule.weeks;
  return rule.count;
}

/** Whether a challenge counts events at `now`: active, started and not yet ended. */
export function isChallengeLive(c: { status: string; startsAt: Date; endsAt: Date | null }, now: Date): boolean {
  return c.status === "active" && c.startsAt <= now && (c.endsAt === null || now < c.endsAt);
}

/** Purchases inside the challenge's dates (and not after `now`) that meet its ticket and category terms. */
function qualifying(purchases: PurchaseFact[], window: ChallengeWindow, now: Date, terms: { category: string | null; minAmountMinor: number | null }): PurchaseFact[] {
  const end = window.endsAt && window.endsAt < now ? window.endsAt : now;
  return purchases
    .filter((p) => p.at >= window.startsAt && p.at <= end && p.amountMinor > 0)
    .filter((p) => terms.minAmountMinor === null || p.amountMinor >= terms.minAmountMinor)
    .filter((p) => terms.category === null || p.categories.includes(terms.category))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The most distinct keys seen inside any window of `days` days (a span of
 * less than `days` × 24 h), or over everything when there is no window.
 * Sliding two pointers over purchases sorted by time.
 */
function bestWindow(sorted: PurchaseFact[], days: number | null, keyOf: (p: PurchaseFact, i: number) => string | null): number {
  const keys = sorted.map(keyOf);
  if (days === null) return new Set(keys.filter((k) => k !== null)).size;
  const counts = new Map<string, number>();
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    const k = keys[end];
    if (k !== null && k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    while (sorted[end]!.at.getTime() - sorted[start]!.at.getTime() >= days * DAY_MS) {
      const old = keys[start];
      if (old !== null && old !== undefined) {
        const left = counts.get(old)! - 1;
        if (left === 0) counts.delete(old);
        else counts.set(old, left);
      }
      start += 1;
    }
    best = Math.max(best, counts.size);
  }
  return best;
}

/** Distinct keys among the purchases of the last `days` days before `now` (all of them without a window). */
function recentWindow(sorted: PurchaseFact[], days: number | null, now: Date, keyOf: (p: PurchaseFact, i: number) => string | null): number {
  const from = days === null ? -Infinity : now.getTime() - days * DAY_MS;
  return new Set(sorted.map((p, i) => (p.at.getTime() > from ? keyOf(p, i) : null)).filter((k) => k !== null)).size;
}

/** Monday-based week number of an instant on the program's clock (1970-01-01 was a Thursday). */
export function localWeek(at: Date, timeZone: string): number {
  const [y, m, d] = localTime(at, timeZone).date.split("-").map(Number);
  const days = Date.UTC(y!, m! - 1, d!) / DAY_MS;
  return Math.floor((days + 3) / 7);
}

/** Longest run of consecutive weeks, and the run that reaches this week (or last week: this one may still come). */
export function streaksOf(weeks: Set<number>, thisWeek: number): { best: number; current: number } {
  let best = 0;
  for (const w of weeks) {
    if (weeks.has(w - 1)) continue;
    let run = 1;
    while (weeks.has(w + run)) run += 1;
    best = Math.max(best, run);
  }
  let end = weeks.has(thisWeek) ? thisWeek : thisWeek - 1;
  let current = 0;
  while (weeks.has(end)) {
    current += 1;
    end -= 1;
  }
  return { best, current };
}

/**
 * How far a member is on a challenge at `now`. Completion looks for the best
 * window ever reached (a rolling window of `windowDays`), so it can only grow
 * as purchases are added; the bar shows the last `windowDays` days, what the
 * member can still build on.
 */
export function challengeProgress(rule: ChallengeRule, window: ChallengeWindow, facts: MemberFacts, now: Date): ChallengeProgress {
  const target = targetOf(rule);
  const done = (best: number, recent: number, streak = 0): ChallengeProgress => {
    const completed = best >= target;
    return { current: completed ? target : Math.min(recent, target), target, completed, streak };
  };
  switch (rule.kind) {
    case "profile": {
      const filled = rule.fields.filter((f) => facts.profile[f]).length;
      return done(filled, filled);
    }
    case "purchases": {
      const sorted = qualifying(facts.purchases, window, now, rule);
      const each = (_: PurchaseFact, i: number) => String(i);
      return done(bestWindow(sorted, rule.windowDays, each), recentWindow(sorted, rule.windowDays, now, each));
    }
    case "stores": {
      const sorted = qualifying(facts.purchases, window, now, { category: null, minAmountMinor: null });
      const store = (p: PurchaseFact) => p.storeId;
      return done(bestWindow(sorted, rule.windowDays, store), recentWindow(sorted, rule.windowDays, now, store));
    }
    case "streak": {
      const weeks = new Set(qualifying(facts.purchases, window, now, rule).map((p) => localWeek(p.at, window.timeZone)));
      const { best, current } = streaksOf(weeks, localWeek(now, window.timeZone));
      return done(best, current, current);
    }
  }
}

/** Whether this evaluation completes the challenge: only the first time the member gets there. */
export function completesNow(progress: ChallengeProgress, alreadyCompleted: boolean): boolean {
  return progress.completed && !alreadyCompleted;
}

/** The profile as challenges see it: which fields are filled or consented. */
export function profileFactsOf(m: { name: string | null; email: string | null; phone: string | null; birthday: string | null; city: string | null; consentMarketing: boolean; consentPersonalization: boolean }): ProfileFacts {
  const filled = (v: string | null) => v !== null && v.trim() !== "";
  return { name: filled(m.name), email: filled(m.email), phone: filled(m.phone), birthday: filled(m.birthday), city: filled(m.city), consentMarketing: m.consentMarketing, consentPersonalization: m.consentPersonalization };
}

/** Period of a challenge's completion: each challenge completes once per member (the key leaves room for repeating ones). */
export const ONCE = "once";

/** The ledger idempotency key of a completion's points: even past the progress row, it never credits twice. */
export const challengeKey = (challengeId: string, memberId: string, periodKey: string) => `challenge:${challengeId}:${memberId}:${periodKey}`;

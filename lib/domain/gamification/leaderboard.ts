import { zonedDayStart } from "../audit/zoned-day";
import { localDateOf } from "../campaigns/triggers";

/**
 * The opt-in leaderboard of a program's challenges: who shows, under which
 * name, and which month counts. Pure: the clock and the zone come in.
 */

/** How many members the board lists; a member further down still sees their own rank. */
export const LEADERBOARD_SIZE = 10;

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 24;

/** The program setting, off unless a marketer turned it on (settings JSON: `leaderboard.enabled`). */
export function leaderboardEnabled(settings: { leaderboard?: { enabled?: boolean } } | null | undefined): boolean {
  return settings?.leaderboard?.enabled === true;
}

/**
 * The calendar month that contains `now` in the program's zone, as the
 * instants it starts and ends (end exclusive): a completion at 23:30 on the
 * 31st in Mexico City counts for that month, not the next.
 */
export function leaderboardMonth(now: Date, timeZone: string): { key: string; start: Date; end: Date } {
  const [year, month] = localDateOf(now, timeZone).split("-").map(Number) as [number, number];
  const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}-01`;
  const next = month === 12 ? iso(year + 1, 1) : iso(year, month + 1);
  return { key: iso(year, month).slice(0, 7), start: zonedDayStart(iso(year, month), timeZone), end: zonedDayStart(next, timeZone) };
}

// Surname particles a masked name skips: "María de la Cruz" → "María C.", not "María d.".
const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di", "van", "von", "der", "le"]);

/**
 * The default public name: the first name and the initial of the first
 * surname ("Ana García López" → "Ana G."). Nothing that reaches a contact:
 * a "name" that is an address or a number gives null, and so does no name.
 */
export function maskedName(fullName: string | null | undefined): string | null {
  const words = (fullName ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.some((w) => w.includes("@")) || /\d/.test(words[0]!)) return null;
  const first = capitalize(Array.from(words[0]!).slice(0, 20).join(""));
  const surname = words.slice(1).find((w) => !PARTICLES.has(w.toLocaleLowerCase("es")) && /^\p{L}/u.test(w));
  return surname ? `${first} ${Array.from(surname)[0]!.toLocaleUpperCase("es")}.` : first;
}

function capitalize(word: string): string {
  const [head = "", ...rest] = Array.from(word);
  return head.toLocaleUpperCase("es") + rest.join("");
}

/** What others see: the name the member picked, else the masked default (null: the page shows a generic "Member"). */
export function publicName(entry: { displayName: string | null }, memberName: string | null): string | null {
  return entry.displayName ?? maskedName(memberName);
}

export type DisplayNameProblem = "too_short" | "too_long" | "contact";

/**
 * Why a chosen display name cannot be shown, or null. It must not carry a way
 * to reach the member (an address, a phone number): the board is public to
 * every member of the program.
 */
export function displayNameProblem(name: string): DisplayNameProblem | null {
  const length = Array.from(name.trim()).length;
  if (length < DISPLAY_NAME_MIN) return "too_short";
  if (length > DISPLAY_NAME_MAX) return "too_long";
  if (/[@]|https?:|www\./i.test(name) || (name.match(/\d/g)?.length ?? 0) >= 6) return "contact";
  return null;
}

/** One line of the board: a rank shared only by members tied on both score and time. */
export type Standing = { score: number; reachedAt: Date };

/**
 * The board's order: more challenges completed this month first; between
 * equal scores, whoever reached that score first (their latest completion is
 * earlier). The database ranks with the same order (db/queries/leaderboard.ts);
 * this is its statement for the tests and for anything ranking in memory.
 */
export function compareStandings(a: Standing, b: Standing): number {
  return b.score - a.score || a.reachedAt.getTime() - b.reachedAt.getTime();
}

/** Competition ranks over standings in board order ("1, 2, 2, 4"): a shared rank needs the same score and the same instant. */
export function rankStandings<T extends Standing>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort(compareStandings);
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || compareStandings(sorted[i - 1]!, row) !== 0) rank = i + 1;
    return { ...row, rank };
  });
}

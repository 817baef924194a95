/** Weekday (0 = Sunday … 6 = Saturday), minutes since midnight and calendar date of an instant in a time zone. */
export type LocalTime = { weekday: number; minutes: number; date: string; month: string };

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Where a purchase falls on the program's own clock: "weekends" and "after 6 pm" mean the store's time, not UTC. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { weekday: WEEKDAYS[parts.weekday!]!, minutes: Number(parts.hour) * 60 + Number(parts.minute), date, month: date.slice(0, 7) };
}

/** "HH:MM" → minutes since midnight. */
export function parseClock(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h! * 60 + m!;
}

/**
 * The instant a local wall-clock time ("2026-11-21T12:00") names in a time
 * zone. Two passes settle the offset, DST changes included; a time skipped by
 * a DST jump lands just after it.
 */
export function localToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const seen = localTime(new Date(instant), timeZone);
    const seenWall = Date.parse(`${seen.date}T00:00:00Z`) + seen.minutes * 60_000;
    instant += wall - seenWall;
  }
  return new Date(instant);
}

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countSegment, sampleSegment } from "@/db/queries/segments";
import { members, pointAccounts, purchases, segmentMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { seededRandom } from "@/lib/domain/generate/synthetic-data";
import type { SegmentCondition, SegmentDefinition, SegmentItem } from "@/lib/domain/segments/definition";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { createSegment, updateSegment } from "./manage-segments";

// The purchase conditions (last purchase, purchases and spend in a window) are compiled several ways: from the
// purchase summary, from the window's purchases, as joins under "all" groups and as hashed sets under "any".
// Each way must select exactly the members that a plain reading of the rules does. The reference below reads
// the rules straight off the fixture; the members are drawn at random (seeded) so that every case occurs: no
// purchase, all purchases inside the window, some before it, all before it, refunded and partly refunded ones.
// Point balances ride along (members without an account have 0 points), as they are joined the same way.

const NOW = new Date("2026-11-23T18:00:00Z");
const DAY = 86_400_000;

type Bought = { daysAgo: number; amountMinor: number; refundedMinor: number };
/** `points`: the account's balance; null: no account (0 points). */
type Person = { id: string; tier: "gold" | "silver" | null; marketing: boolean; anonymized: boolean; points: number | null; bought: Bought[] };

let database: Database;
let programId: string;
let timeZone: string;
const people: Person[] = [];

/** Whole days plus a quarter or three quarters: never on a window's edge, whatever the session's time zone does to "N days". */
const someDaysAgo = (random: () => number, max: number) => Math.floor(random() * max) + (random() < 0.5 ? 0.25 : 0.75);

function drawPerson(random: () => number): Omit<Person, "id"> {
  const shape = random();
  // A fifth buy nothing; the rest buy 1–7 times, recently, long ago or both.
  const n = shape < 0.2 ? 0 : 1 + Math.floor(random() * 7);
  const spread = shape < 0.45 ? 25 : shape < 0.7 ? 80 : 500;
  const bought = Array.from({ length: n }, (): Bought => {
    const amountMinor = 1_000 * (1 + Math.floor(random() * 150));
    const refund = random();
    return { daysAgo: someDaysAgo(random, spread), amountMinor, refundedMinor: refund < 0.12 ? amountMinor : refund < 0.25 ? Math.floor(amountMinor / 3) : 0 };
  });
  const tier = random();
  const points = random();
  return { tier: tier < 0.2 ? "gold" : tier < 0.4 ? "silver" : null, marketing: random() < 0.5, anonymized: random() < 0.05, points: points < 0.3 ? null : Math.floor(points * 3000), bought };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const program = await makeProgram(database);
  programId = program.id;
  timeZone = program.timeZone;
  const random = seededRandom(20_261_123);
  // Written directly, in two statements (the summary triggers run as they do for imports): only these columns matter here.
  const drawn = Array.from({ length: 60 }, () => drawPerson(random));
  const rows = await database.db
    .insert(members)
    .values(drawn.map((d, i) => ({ programId, cardNumber: `W-${randomUUID()}`, name: `Persona ${i}`, enrolledAt: new Date(NOW.getTime() - 600 * DAY), consentMarketing: d.marketing, tierKey: d.tier, status: d.anonymized ? ("anonymized" as const) : ("active" as const) })))
    .returning({ id: members.id, name: members.name });
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  drawn.forEach((d, i) => people.push({ id: idOf.get(`Persona ${i}`)!, ...d }));
  await database.db.insert(purchases).values(
    people.flatMap((p) =>
      p.bought.map((b) => ({
        programId,
        memberId: p.id,
        orderId: `O-${randomUUID()}`,
        channel: "pos" as const,
        amountMinor: b.amountMinor,
        refundedMinor: b.refundedMinor,
        status: b.refundedMinor === b.amountMinor ? ("refunded" as const) : b.refundedMinor > 0 ? ("partially_refunded" as const) : ("completed" as const),
        currency: "MXN",
        occurredAt: new Date(NOW.getTime() - b.daysAgo * DAY),
      })),
    ),
  );
  // Balances through the ledger (other files verify its invariants on a shared PostgreSQL database).
  const holders = people.filter((p) => p.points !== null);
  await database.db.insert(pointAccounts).values(holders.map((p) => ({ programId, memberId: p.id })));
  for (const p of holders.filter((h) => h.points! > 0)) await earnPoints(database.db, { programId, memberId: p.id, points: p.points! }, NOW);
  // A non-member ticket in every window: it belongs to nobody.
  await database.db.insert(purchases).values({ programId, memberId: null, orderId: `O-${randomUUID()}`, channel: "pos", amountMinor: 500_000, currency: "MXN", occurredAt: new Date(NOW.getTime() - 2 * DAY) });
});
afterAll(async () => database.close());

/** What the rules say: refunded purchases do not count, partly refunded ones count for what was kept. */
function inWindow(p: Person, days: number): { count: number; kept: number; last: number | null } {
  const kept = p.bought.filter((b) => b.refundedMinor < b.amountMinor);
  const inside = kept.filter((b) => b.daysAgo <= days);
  return {
    count: inside.length,
    kept: inside.reduce((sum, b) => sum + b.amountMinor - b.refundedMinor, 0),
    last: kept.length ? Math.min(...kept.map((b) => b.daysAgo)) : null,
  };
}

function matches(p: Person, item: SegmentItem): boolean {
  if (item.type === "group") return item.match === "all" ? item.items.every((i) => matches(p, i)) : item.items.some((i) => matches(p, i));
  switch (item.type) {
    case "tier":
      return p.tier !== null && item.tiers.includes(p.tier);
    case "consent":
      return p.marketing === item.value;
    case "pointsBalance":
      return item.op === "gte" ? (p.points ?? 0) >= item.points : (p.points ?? 0) <= item.points;
    case "lastPurchase": {
      const { last } = inWindow(p, item.days);
      return last !== null && (item.op === "lte" ? last <= item.days : last >= item.days);
    }
    case "purchaseCount": {
      const { count } = inWindow(p, item.days);
      return item.op === "gte" ? count >= item.count : count <= item.count;
    }
    case "spend": {
      const { kept } = inWindow(p, item.days);
      return item.op === "gte" ? kept >= item.amountMinor : kept <= item.amountMinor;
    }
    default:
      throw new Error(`no reference for ${item.type}`);
  }
}

const expected = (definition: SegmentDefinition) => people.filter((p) => !p.anonymized && matches(p, definition)).map((p) => p.id).sort();

async function selected(definition: SegmentDefinition): Promise<{ ids: string[]; count: number }> {
  const scope = { programId, now: NOW, timeZone, definition };
  const rows = await sampleSegment(database.db, { ...scope, limit: 1000 });
  return { ids: rows.map((r) => r.id).sort(), count: await countSegment(database.db, scope) };
}

const WINDOWS = [30, 90, 365];
const CONDITIONS: SegmentCondition[] = WINDOWS.flatMap((days): SegmentCondition[] => [
  { type: "lastPurchase", op: "lte", days },
  { type: "lastPurchase", op: "gte", days },
  ...[0, 1, 2, 3].map((count): SegmentCondition => ({ type: "purchaseCount", op: "gte", count, days })),
  ...[0, 1, 2].map((count): SegmentCondition => ({ type: "purchaseCount", op: "lte", count, days })),
  ...[0, 1, 60_000, 150_000].map((amountMinor): SegmentCondition => ({ type: "spend", op: "gte", amountMinor, days })),
  ...[0, 60_000, 150_000].map((amountMinor): SegmentCondition => ({ type: "spend", op: "lte", amountMinor, days })),
]).concat([0, 1, 1_500].flatMap((points): SegmentCondition[] => [
  { type: "pointsBalance", op: "gte", points },
  { type: "pointsBalance", op: "lte", points },
]));

const all = (...items: SegmentItem[]): SegmentDefinition => ({ type: "group", match: "all", items });
const any = (...items: SegmentItem[]): SegmentDefinition => ({ type: "group", match: "any", items });
const gold: SegmentCondition = { type: "tier", tiers: ["gold"] };
const silver: SegmentCondition = { type: "tier", tiers: ["silver"] };
const consent: SegmentCondition = { type: "consent", consent: "marketing", value: true };

describe("purchase conditions agree with the rules, whichever way they are compiled", () => {
  it("has a fixture where the windows split the members (every case occurs)", () => {
    const sizes = CONDITIONS.map((c) => expected(all(c)).length);
    const active = people.filter((p) => !p.anonymized).length;
    expect(sizes.filter((n) => n > 0 && n < active).length).toBeGreaterThan(CONDITIONS.length * 0.8);
    // Some members straddle a window (purchases before and inside it), some have every purchase inside, some refunds count.
    const straddles = people.filter((p) => p.bought.some((b) => b.daysAgo > 90) && p.bought.some((b) => b.daysAgo < 90));
    expect(straddles.length).toBeGreaterThan(3);
    expect(people.filter((p) => p.bought.length > 0 && p.bought.every((b) => b.daysAgo < 90)).length).toBeGreaterThan(3);
    expect(people.filter((p) => p.bought.some((b) => b.refundedMinor === b.amountMinor) && p.bought.some((b) => b.refundedMinor > 0 && b.refundedMinor < b.amountMinor)).length).toBeGreaterThan(0);
  });

  it.each<[string, (c: SegmentCondition) => SegmentDefinition]>([
    ["alone", (c) => all(c)],
    ["under an 'any' group", (c) => any(c, gold)],
    ["in an 'any' inside an 'all' (the builder's mix)", (c) => all(consent, any(gold, c), { type: "lastPurchase", op: "lte", days: 400 })],
    ["in an 'all' inside an 'any'", (c) => any(all(c, silver), gold)],
    ["next to another purchase condition under 'any'", (c) => any(c, { type: "spend", op: "gte", amountMinor: 200_000, days: 90 })],
  ])("%s", async (_shape, shape) => {
    const wrong: string[] = [];
    for (const condition of CONDITIONS) {
      const definition = shape(condition);
      const want = expected(definition);
      const got = await selected(definition);
      if (JSON.stringify(got.ids) !== JSON.stringify(want) || got.count !== want.length) wrong.push(`${JSON.stringify(condition)}: ${got.count} selected, ${want.length} expected`);
    }
    expect(wrong).toEqual([]);
  });

  it("stores on save, and keeps on refresh, exactly the members the count selects", async () => {
    const system: Actor = { kind: "system", label: "test" };
    const stored = async (segmentId: string) => (await database.db.select().from(segmentMembers).where(eq(segmentMembers.segmentId, segmentId))).map((r) => r.memberId).sort();
    const wide = all(any(gold, { type: "spend", op: "gte", amountMinor: 60_000, days: 90 }), { type: "purchaseCount", op: "lte", count: 4, days: 365 });
    const segment = await createSegment(database.db, system, { programId, name: "Ventana", definition: wide }, NOW);
    expect(await stored(segment.id)).toEqual(expected(wide));
    // Narrowed: the refresh's delete drops the members who no longer match, its insert adds none.
    const narrow = all(wide, consent, { type: "pointsBalance", op: "lte", points: 1_500 });
    expect(expected(narrow).length).toBeLessThan(expected(wide).length);
    const updated = await updateSegment(database.db, system, { programId, segmentId: segment.id, name: "Ventana", definition: narrow }, NOW);
    expect(await stored(segment.id)).toEqual(expected(narrow));
    expect(updated.memberCount).toBe(expected(narrow).length);
  });
});

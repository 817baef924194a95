import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { adjustPoints } from "./adjust-points";
import { earnPoints } from "./earn-points";
import { getBalance } from "./get-balance";
import { holdPoints } from "./hold-points";
import { expireDuePoints, releaseDuePoints } from "./process-due-lots";
import { redeemPoints } from "./redeem-points";
import { reverseEntry } from "./reverse-entry";
import { captureHold, voidHold } from "./settle-hold";
import { verifyLedger } from "./verify-ledger";

/**
 * Random sequences of every ledger operation on one member, on a moving clock.
 * After each sequence the ledger must verify (cached balances = entries = lots,
 * nothing negative, reversals bounded), and replays must write nothing.
 */
const command = fc.oneof(
  fc.record({ op: fc.constant("earn" as const), points: fc.integer({ min: 1, max: 500 }), expiresInDays: fc.option(fc.integer({ min: 1, max: 120 })), pendingDays: fc.constantFrom(0, 0, 7) }),
  fc.record({ op: fc.constant("redeem" as const), points: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant("adjust" as const), points: fc.integer({ min: -200, max: 200 }).filter((n) => n !== 0) }),
  fc.record({ op: fc.constant("reverse" as const), pick: fc.nat(), points: fc.option(fc.integer({ min: 1, max: 300 })) }),
  fc.record({ op: fc.constant("hold" as const), points: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant("capture" as const), pick: fc.nat(), points: fc.option(fc.integer({ min: 1, max: 300 })) }),
  fc.record({ op: fc.constant("void" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("tick" as const), days: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant("replay" as const), pick: fc.nat() }),
);

/** Refusals the ledger may legitimately answer; anything else is a bug. */
const EXPECTED = new Set(["insufficient_points", "reversal_exceeds_original", "already_reversed", "entry_not_reversible", "hold_not_active", "capture_exceeds_hold"]);

let database: Database;
let programId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  programId = (await makeProgram(database)).id;
});
afterAll(async () => database.close());

describe("ledger invariants under random operation sequences", () => {
  it("keeps cached balances equal to the entries and lots, never negative, replays free", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const { id: memberId } = await makeMember(database, programId);
        const db = database.db;
        let now = new Date("2026-03-01T12:00:00Z");
        const entries: number[] = [];
        const holds: string[] = [];
        const keyed: { run: () => Promise<{ entryId: number; replayed: boolean }>; entryId: number }[] = [];
        let n = 0;
        for (const c of commands) {
          const key = `p-${memberId}-${n++}`;
          try {
            if (c.op === "earn") {
              const input = { programId, memberId, points: c.points, idempotencyKey: key, expiresAt: c.expiresInDays ? new Date(now.getTime() + c.expiresInDays * 86_400_000) : undefined, pendingUntil: c.pendingDays ? new Date(now.getTime() + c.pendingDays * 86_400_000) : undefined };
              const at = now;
              const r = await earnPoints(db, input, at);
              entries.push(r.entryId);
              keyed.push({ run: () => earnPoints(db, input, at), entryId: r.entryId });
            } else if (c.op === "redeem") {
              const input = { programId, memberId, points: c.points, idempotencyKey: key };
              const r = await redeemPoints(db, input, now);
              entries.push(r.entryId);
              keyed.push({ run: () => redeemPoints(db, input, now), entryId: r.entryId });
            } else if (c.op === "adjust") {
              entries.push((await adjustPoints(db, { programId, memberId, points: c.points, reason: "property test" }, now)).entryId);
            } else if (c.op === "reverse" && entries.length) {
              const entryId = entries[c.pick % entries.length]!;
              entries.push((await reverseEntry(db, { programId, entryId, points: c.points ?? undefined }, now)).entryId);
            } else if (c.op === "hold") {
              holds.push((await holdPoints(db, { programId, memberId, points: c.points }, now)).holdId);
            } else if (c.op === "capture" && holds.length) {
              entries.push((await captureHold(db, { programId, holdId: holds[c.pick % holds.length]!, points: c.points ?? undefined }, now)).entryId);
            } else if (c.op === "void" && holds.length) {
              await voidHold(db, { programId, holdId: holds[c.pick % holds.length]! }, now);
            } else if (c.op === "tick") {
              now = new Date(now.getTime() + c.days * 86_400_000);
              await releaseDuePoints(db, { programId, now });
              await expireDuePoints(db, { programId, now });
            } else if (c.op === "replay" && keyed.length) {
              const target = keyed[c.pick % keyed.length]!;
              const before = await entryCount(memberId);
              const again = await target.run();
              expect(again).toMatchObject({ replayed: true, entryId: target.entryId });
              expect(await entryCount(memberId)).toBe(before);
            }
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !EXPECTED.has(code)) throw error;
          }
        }
        const balance = await getBalance(db, { programId, memberId });
        for (const value of [balance.available, balance.pending, balance.held, balance.lifetimeEarned, balance.lifetimeRedeemed, balance.lifetimeExpired]) {
          expect(value).toBeGreaterThanOrEqual(0);
        }
        const verification = await verifyLedger(db);
        expect(verification.problems).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

async function entryCount(memberId: string) {
  const [row] = await database.db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.memberId, memberId));
  return row!.n;
}

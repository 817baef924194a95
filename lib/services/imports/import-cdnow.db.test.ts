import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/rows";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { openTestDatabase } from "@/tests/support/database";
import { importCdnow } from "./import-cdnow";

const SAMPLE = path.resolve("db/seed-data/cdnow/CDNOW_sample.txt");
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("importCdnow", () => {
  it("imports the CDNOW sample into a new program, verifiably, and adds nothing on a second run", async () => {
    const slug = `cdnow-${randomUUID().slice(0, 8)}`;
    const now = new Date("1998-07-01T12:00:00Z");
    const first = await importCdnow(database.db, { file: SAMPLE, programSlug: slug, now });
    expect(first).toMatchObject({ customers: 2357, lines: 6919, dayShift: 0 });
    expect(first.occasions).toBeGreaterThan(6000);
    expect(first.occasions).toBeLessThan(6919);
    expect(first.pointsCredited).toBeGreaterThan(0);
    // Twelve-month rolling expiry: lots from before 1997-07-01 are gone by 1998-07-01 — expired week by week at their
    // own dates (each within a week after its lot's expiry), not all on the import's day.
    expect(first.pointsExpired).toBeGreaterThan(0);
    const [expiries] = await selectRows<{ points: string; weeks: number; late: number; allocated: number; first: string }>(database.db, sql`
      select sum(-e.points)::text as points, count(distinct date_trunc('week', e.occurred_at))::int as weeks,
        (select count(*) from lot_allocations la join point_lots l on l.program_id = la.program_id and l.id = la.lot_id
          where la.program_id = p.id and la.entry_id in (select id from ledger_entries where program_id = p.id and kind = 'expire')
            and (select x.occurred_at from ledger_entries x where x.program_id = p.id and x.id = la.entry_id) not between l.expires_at and l.expires_at + interval '7 days')::int as late,
        (select count(*) from lot_allocations la where la.program_id = p.id and la.entry_id in (select id from ledger_entries where program_id = p.id and kind = 'expire'))::int as allocated,
        min(e.occurred_at)::text as first
      from programs p join ledger_entries e on e.program_id = p.id and e.kind = 'expire' where p.slug = ${slug} group by p.id`);
    expect(Math.abs(Number(expiries!.points))).toBe(first.pointsExpired);
    expect(expiries!.weeks).toBeGreaterThan(20);
    expect(expiries!.allocated).toBeGreaterThan(100);
    expect(expiries!.late).toBe(0);
    expect(Date.parse(expiries!.first)).toBeLessThan(Date.parse("1998-02-01"));

    const again = await importCdnow(database.db, { file: SAMPLE, programSlug: slug, now });
    expect(again.pointsCredited).toBe(0);
    expect(again.pointsExpired).toBe(0);

    const verification = await verifyLedger(database.db, { programSlug: slug });
    expect(verification).toEqual({ ok: true, accounts: 2357, problems: [] });
  });

  it("shifts the history so the last purchase was yesterday", async () => {
    const result = await importCdnow(database.db, { file: SAMPLE, programSlug: `shift-${randomUUID().slice(0, 8)}`, shiftToToday: true, now: new Date("2026-11-23T15:00:00Z") });
    expect(result.dayShift).toBe(Math.round((Date.parse("2026-11-22") - Date.parse("1998-06-30")) / 86_400_000));
  });
});

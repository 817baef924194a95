import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database } from "../client";

/**
 * Raw bulk loading for the synthetic data generator, below Drizzle: COPY is an
 * order of magnitude faster than INSERT for millions of rows. PostgreSQL gets
 * COPY FROM STDIN through postgres.js; embedded PGlite gets the same text
 * through its /dev/blob COPY. Everything runs in one transaction, so a failed
 * run leaves nothing behind.
 */
export type BulkWriter = {
  /** Loads rows already encoded as COPY text (tab-separated, `\N` for null, one row a line). */
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
};

export async function inBulkTransaction<T>(database: Database, run: (writer: BulkWriter) => Promise<T>): Promise<T> {
  if (database.postgresClient) {
    return (await database.postgresClient.begin(async (sql) =>
      run({
        async copy(table, columns, text) {
          if (!text) return;
          const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
          await pipeline(Readable.from([text]), stream);
        },
        async query<R>(text: string, params: unknown[] = []) {
          return (await sql.unsafe(text, params as never[])) as unknown as R[];
        },
      }),
    )) as T;
  }
  if (database.pglite) {
    return database.pglite.transaction(async (tx) =>
      run({
        async copy(table, columns, text) {
          if (!text) return;
          await tx.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], { blob: new Blob([text]) });
        },
        async query<R>(text: string, params: unknown[] = []) {
          return (await tx.query<R>(text, params)).rows;
        },
      }),
    );
  }
  throw new Error(`Bulk loading needs PostgreSQL or PGlite (${database.location}).`);
}

/**
 * Reserves `count` consecutive ledger entry ids so the generator can name each
 * entry before writing it (lots and purchases point at their entry). The SHARE
 * lock waits for every transaction that may hold an id from the sequence and
 * keeps new ones out until the sequence has moved past the block.
 */
export async function reserveLedgerEntryIds(database: Database, count: number): Promise<number> {
  return inBulkTransaction(database, async (w) => {
    await w.query("lock table ledger_entries in share mode");
    const [row] = await w.query<{ last: string }>(
      `select setval(s, coalesce(pg_sequence_last_value(s::regclass), 0) + $1::bigint)::text as last
         from pg_get_serial_sequence('ledger_entries', 'id') as s`,
      [Math.max(count, 1)],
    );
    return Number(row!.last) - Math.max(count, 1) + 1;
  });
}

/** Refreshes planner statistics after a bulk load (stale stats turn index scans into sequential ones). */
export async function analyzeLoadedTables(database: Database): Promise<void> {
  for (const table of ["members", "point_accounts", "purchases", "member_purchase_stats", "kpi_member_months", "kpi_cohort_counts", "member_dimension_stats", "kpi_dimension_member_months", "kpi_dimension_cohort_counts", "ledger_entries", "point_lots", "member_tier_history"]) {
    await inBulkTransaction(database, (w) => w.query(`analyze ${table}`));
  }
}

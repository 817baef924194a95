import PgBoss from "pg-boss";
import type { Database } from "@/db/client";

/**
 * The job queue is pg-boss, in the same PostgreSQL as everything else (its own
 * `pgboss` schema), so it needs no extra server and survives restarts. On the
 * embedded database it talks to PGlite through a small adapter: statements
 * with parameters go through `query`, multi-statement scripts (pg-boss's own
 * migrations) through `exec`.
 */
export function createQueue(database: Database, extra: { supervise?: boolean; schedule?: boolean } = {}): PgBoss {
  const common = { schema: "pgboss", monitorStateIntervalSeconds: 60, maintenanceIntervalSeconds: 120, ...extra } as const;
  if (database.kind === "postgres" && database.url) return new PgBoss({ ...common, connectionString: database.url, max: 4 });
  const pglite = database.pglite;
  if (!pglite) throw new Error("The job queue needs the PGlite client of an embedded database.");
  return new PgBoss({
    ...common,
    db: {
      async executeSql(text: string, values: unknown[] = []) {
        if (values.length) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
  });
}

import { sql } from "drizzle-orm";
import type { Executor } from "../types";

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** The views of schema bi, by name (the BI contract; see docs/BI.md). */
export async function listBiViews(db: Executor): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(await db.execute(sql`select viewname as name from pg_views where schemaname = 'bi' order by viewname`));
  return rows.map((r) => r.name);
}

export type ExistingRole = { name: string; superuser: boolean; isCurrentUser: boolean };

export async function findRole(db: Executor, name: string): Promise<ExistingRole | null> {
  const rows = rowsOf<{ name: string; superuser: boolean; is_current: boolean }>(
    await db.execute(sql`select rolname as name, rolsuper as superuser, rolname = current_user as is_current from pg_roles where rolname = ${name}`),
  );
  const row = rows[0];
  return row ? { name: row.name, superuser: Boolean(row.superuser), isCurrentUser: Boolean(row.is_current) } : null;
}

/**
 * Creates or updates a login role that can read schema bi and nothing else.
 * Utility statements take no bind parameters, so each statement is built by
 * the server's own format() (%I quotes the identifier, %L the password) and
 * then run: no quoting is done in TypeScript.
 */
export async function applyBiReadonlyRole(tx: Executor, p: { role: string; password?: string; create: boolean }): Promise<void> {
  const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION";
  const templates = [
    `${p.create ? "CREATE" : "ALTER"} ROLE %1$I WITH ${attributes}`,
    ...(p.password === undefined ? [] : ["ALTER ROLE %1$I WITH PASSWORD %2$L"]),
    "GRANT CONNECT ON DATABASE %3$I TO %1$I",
    "GRANT USAGE ON SCHEMA bi TO %1$I",
    "GRANT SELECT ON ALL TABLES IN SCHEMA bi TO %1$I",
    // Views added by later migrations (run by this same owner) become readable too.
    "ALTER DEFAULT PRIVILEGES IN SCHEMA bi GRANT SELECT ON TABLES TO %1$I",
    // Nothing in public: revoke anything granted to this role by hand earlier.
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1$I",
    "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %1$I",
    // Belt and braces: even a view that someone makes writable stays read-only for this role.
    "ALTER ROLE %1$I SET default_transaction_read_only = on",
    "ALTER ROLE %1$I SET search_path = bi",
  ];
  for (const template of templates) {
    const rows = rowsOf<{ statement: string }>(await tx.execute(sql`select format(${template}, ${p.role}::text, ${p.password ?? null}::text, current_database()) as statement`));
    await tx.execute(sql.raw(rows[0]!.statement));
  }
}

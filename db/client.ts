import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import type { Executor } from "./types";
import { acquireDataDirLock } from "./data-dir-lock";
import { preferPreparedStatements } from "./prepared-statements";

export type DatabaseKind = "postgres" | "pglite";

export type Database = {
  db: Executor;
  kind: DatabaseKind;
  /** Where the data lives, for messages ("PostgreSQL at host/db" or the PGlite folder). */
  location: string;
  /** The postgres.js client, for the few things Drizzle cannot do (reserved connections). */
  postgresClient?: postgres.Sql;
  /** The server URL, for libraries that bring their own driver (the job queue). */
  url?: string;
  /** The embedded client, for libraries that need raw multi-statement SQL (the job queue). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** PostgreSQL URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** Who holds the embedded folder (shown to a second process that is refused). */
  holder?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** For an in-memory PGlite: start from this dump of a data folder instead of an empty one (skips initdb). */
  loadDataDir?: Blob;
};

export function defaultDataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.LAZO_DATA_DIR || ".data");
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? defaultDataDir(), options.holder ?? "another Lazo process", options.loadDataDir);
}

function openPostgres(url: string, max: number): Database {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: "lazo" } });
  const db = drizzlePostgres(preferPreparedStatements(client), { schema, casing: "snake_case" }) as unknown as Executor;
  const { host, pathname } = new URL(url);
  return {
    db,
    kind: "postgres",
    location: `PostgreSQL at ${host}${pathname}`,
    postgresClient: client,
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string, holder: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir, holder);
  try {
    const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm }, ...(inMemory && loadDataDir ? { loadDataDir } : {}) });
    const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Executor;
    return {
      db,
      kind: "pglite",
      location: inMemory ? "embedded PGlite in memory" : `embedded PGlite in ${dataDir}`,
      pglite: client,
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

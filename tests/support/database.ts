import { randomUUID } from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { ProgramRow } from "@/db/queries/programs";
import { createMember } from "@/lib/services/members/create-member";
import { createProgram } from "@/lib/services/programs/create-program";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";

/**
 * The database for a test file: the PostgreSQL server in DATABASE_URL when set
 * (each test makes its own program, so files never see each other's rows),
 * otherwise a fresh embedded PGlite in memory.
 *
 * `isolated` is for files that run the scheduled jobs, which sweep every
 * program: on PostgreSQL they get a database of their own (dropped on close),
 * so a sweep never touches another file's rows halfway through its test and
 * counts only its own file's work.
 */
export async function openTestDatabase(options: { isolated?: boolean } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  if (url && options.isolated) return openIsolatedDatabase(url);
  const database = await openDatabase(url ? { url, maxConnections: 20 } : { dataDir: "memory://", loadDataDir: migratedSnapshot() });
  await migrateDatabase(database);
  return database;
}

/** The migrated embedded database the global setup dumped (tests/support/pglite-snapshot.ts), when there is one. */
function migratedSnapshot(): Blob | undefined {
  const file = inject("pgliteSnapshot");
  return file ? new Blob([fs.readFileSync(file)]) : undefined;
}

async function openIsolatedDatabase(serverUrl: string): Promise<Database> {
  const target = new URL(serverUrl);
  const name = `${target.pathname.slice(1)}_iso_${randomUUID().slice(0, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  // Like CI's own database (.ci/run): a throwaway, so commits need not wait for the disk.
  await admin.unsafe(`alter database "${name}" set synchronous_commit = off`);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), maxConnections: 20 });
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export async function makeProgram(database: Database, options: { plan?: PlanDefinition; settings?: never } = {}): Promise<ProgramRow> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  return createProgram(database.db, { slug, name: `Test ${slug}`, currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { plan: options.plan });
}

export async function makeMember(database: Database, programId: string) {
  return createMember(database.db, { programId, name: "Test Member", email: `${randomUUID().slice(0, 8)}@example.com` });
}

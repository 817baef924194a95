import { randomUUID } from "node:crypto";
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
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL || undefined;
  const database = await openDatabase(url ? { url, maxConnections: 20 } : { dataDir: "memory://" });
  await migrateDatabase(database);
  return database;
}

export async function makeProgram(database: Database, options: { plan?: PlanDefinition; settings?: never } = {}): Promise<ProgramRow> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  return createProgram(database.db, { slug, name: `Test ${slug}`, currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { plan: options.plan });
}

export async function makeMember(database: Database, programId: string) {
  return createMember(database.db, { programId, name: "Test Member", email: `${randomUUID().slice(0, 8)}@example.com` });
}

import { asc, eq, inArray } from "drizzle-orm";
import { organizations, programs } from "../schema";
import type { Executor } from "../types";

export type ProgramRow = typeof programs.$inferSelect;

export async function getProgramById(db: Executor, programId: string): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(programs).where(eq(programs.id, programId));
  return row;
}

export async function getProgramBySlug(db: Executor, slug: string): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(programs).where(eq(programs.slug, slug));
  return row;
}

/** The oldest program: what single-program installs (and the demo) show by default. */
export async function getFirstProgram(db: Executor): Promise<ProgramRow | undefined> {
  const [row] = await db.select().from(programs).orderBy(asc(programs.createdAt), asc(programs.slug)).limit(1);
  return row;
}

export async function findOrganizationBySlug(db: Executor, slug: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row;
}

export async function insertOrganization(db: Executor, values: typeof organizations.$inferInsert) {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

export async function insertProgram(db: Executor, values: typeof programs.$inferInsert): Promise<ProgramRow> {
  const [row] = await db.insert(programs).values(values).returning();
  return row!;
}

/** Programs of the given organizations, oldest first (the console's default program is the first one allowed). */
export async function listProgramsOfOrganizations(db: Executor, organizationIds: string[]): Promise<ProgramRow[]> {
  if (organizationIds.length === 0) return [];
  return db.select().from(programs).where(inArray(programs.organizationId, organizationIds)).orderBy(asc(programs.createdAt), asc(programs.slug));
}

export async function listProgramIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: programs.id }).from(programs).orderBy(asc(programs.createdAt));
  return rows.map((r) => r.id);
}

/** The program row, locked until the transaction ends: a settings change reads "before" and writes "after" with nobody in between. */
export async function getProgramForUpdate(tx: Executor, programId: string): Promise<ProgramRow | undefined> {
  const [row] = await tx.select().from(programs).where(eq(programs.id, programId)).for("update");
  return row;
}

export type ProgramSettingsValues = Pick<ProgramRow, "name" | "pointName" | "locale" | "timeZone" | "settings">;

/** Writes the editable settings of a program (name, point name, locale, zone, settings JSON); currency and slug never change here. */
export async function updateProgramSettingsRow(tx: Executor, input: { programId: string; values: ProgramSettingsValues; now: Date }): Promise<ProgramRow> {
  const [row] = await tx.update(programs).set({ ...input.values, updatedAt: input.now }).where(eq(programs.id, input.programId)).returning();
  return row!;
}

import { findOrganizationBySlug, getProgramBySlug, insertOrganization, insertProgram, type ProgramRow } from "@/db/queries/programs";
import { insertPlanVersion } from "@/db/queries/plans";
import type { ProgramSettings } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createProgramSchema, type CreateProgramInput } from "@/lib/validation/program";

/**
 * Creates a program (and its organization when new) with a published default
 * plan, effective from the beginning of time so imported history earns too.
 * `settings` (point value, clawback policy) come from trusted callers (the
 * demo seed); people change them later through updateProgramSettings.
 */
export async function createProgram(
  db: Executor,
  input: CreateProgramInput,
  options: { plan?: PlanDefinition; settings?: ProgramSettings; now?: Date } = {},
): Promise<ProgramRow> {
  const data = parseInput(createProgramSchema, input);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    if (await getProgramBySlug(tx, data.slug)) {
      throw new ConflictError("slug_taken", `A program with slug "${data.slug}" already exists.`, { fields: { slug: ["This slug is taken."] } });
    }
    const orgSlug = data.organizationSlug ?? data.slug;
    const organization = (await findOrganizationBySlug(tx, orgSlug)) ?? (await insertOrganization(tx, { slug: orgSlug, name: data.name }));
    const program = await insertProgram(tx, {
      organizationId: organization.id,
      slug: data.slug,
      name: data.name,
      currency: data.currency,
      locale: data.locale,
      timeZone: data.timeZone,
      ...(data.pointName ? { pointName: data.pointName } : {}),
      ...(options.settings ? { settings: options.settings } : {}),
    });
    await insertPlanVersion(tx, {
      programId: program.id,
      version: 1,
      status: "published",
      name: "Plan base",
      definition: options.plan ?? defaultPlan(),
      createdAt: now,
      publishedAt: now,
      effectiveFrom: new Date(0),
    });
    return program;
  });
}

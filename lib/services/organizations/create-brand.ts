import { getOrganizationById } from "@/db/queries/coalitions";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { ownsOrganization, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { createProgram } from "@/lib/services/programs/create-program";
import type { CreateProgramInput } from "@/lib/validation/program";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A new brand (program) in an organization, for its owners only: it starts
 * with the default plan, and the owners' organization-wide grant covers it at
 * once; everyone else is added to it from its Team page. Audited in the new program.
 */
export async function createBrand(db: Executor, actor: Actor, input: { organizationId: string } & Omit<CreateProgramInput, "organizationSlug">): Promise<ProgramRow> {
  const { organizationId, ...program } = input;
  const organization = UUID.test(organizationId ?? "") ? await getOrganizationById(db, organizationId) : undefined;
  const belongs = actor.kind === "user" && actor.grants.some((g) => g.organizationId === organizationId);
  if (!organization || (!belongs && actor.kind !== "system")) throw new NotFoundError("organization", organizationId);
  if (!ownsOrganization(actor, organizationId)) throw new ForbiddenError("organization:owner");
  return db.transaction(async (tx) => {
    const row = await createProgram(tx, { ...program, organizationSlug: organization.slug });
    await recordAudit(tx, actor, { program: row, action: "program.create", targetType: "program", targetId: row.id, after: { slug: row.slug, name: row.name, currency: row.currency, locale: row.locale, timeZone: row.timeZone } });
    return row;
  });
}

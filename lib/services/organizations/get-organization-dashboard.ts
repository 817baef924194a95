import { getOrganizationById, listCoalitionLinks } from "@/db/queries/coalitions";
import type { Executor } from "@/db/types";
import { can, ownsOrganization, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getKpiDashboard } from "@/lib/services/kpis/get-kpi-dashboard";
import { listProgramsWith, type ProgramContext } from "@/lib/services/programs/get-console-program";

type UserActor = Extract<Actor, { kind: "user" }>;

export type BrandKpis = {
  program: { id: string; name: string; slug: string; currency: string; locale: string };
  members: number;
  activeMembers: number;
  pointsIssued: number;
  pointsRedeemed: number;
  outstandingPoints: number;
  liabilityMinor: number | null;
  averageTicketMinor: number | null;
  range: { from: string; to: string };
};

export type OrganizationDashboard = {
  organization: { id: string; name: string; slug: string };
  brands: BrandKpis[];
  /** Every program of the organization the user may read (the copy targets and coalition pairs come from these). */
  programs: ProgramContext[];
  links: Awaited<ReturnType<typeof listCoalitionLinks>>;
  canCreateBrand: boolean;
  canManageCoalition: boolean;
};

/**
 * The organization page: one row of KPIs per brand the user may analyse
 * (each from the same rollups as the program's own analytics, over its default
 * twelve months), the coalition's links and what the user may change. An
 * organization where the user reads no program is "not found".
 */
export async function getOrganizationDashboard(db: Executor, actor: UserActor, input: { organizationId: string }, now = new Date()): Promise<OrganizationDashboard> {
  const readable = (await listProgramsWith(db, actor, "program:read")).filter((p) => p.organizationId === input.organizationId);
  const organization = readable.length ? await getOrganizationById(db, input.organizationId) : undefined;
  if (!organization) throw new NotFoundError("organization", input.organizationId);
  const brands: BrandKpis[] = [];
  // One program at a time: each refreshes its rollups first, and the machine may be small.
  for (const p of readable.filter((x) => can(actor, "analytics:read", x))) {
    const d = await getKpiDashboard(db, actor, { programId: p.id, filters: {} }, now);
    brands.push({
      program: { id: p.id, name: p.name, slug: p.slug, currency: d.program.currency, locale: d.program.locale },
      members: d.kpis.members,
      activeMembers: d.kpis.active90,
      pointsIssued: d.kpis.pointsIssued,
      pointsRedeemed: d.kpis.pointsRedeemed,
      outstandingPoints: d.kpis.outstandingPoints,
      liabilityMinor: d.kpis.liabilityMinor,
      averageTicketMinor: d.kpis.averageTicketMinor,
      range: { from: d.filters.from, to: d.filters.to },
    });
  }
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    brands,
    programs: readable,
    links: await listCoalitionLinks(db, organization.id),
    canCreateBrand: ownsOrganization(actor, organization.id),
    canManageCoalition: readable.filter((p) => can(actor, "program:write", p)).length >= 2,
  };
}

import { getDraftPlanVersion, getLivePlanVersion, listCategoryOptions, listPublishedPlanVersions, listSegmentOptions } from "@/db/queries/plans";
import { listStores } from "@/db/queries/overview";
import { findUserById } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import { can, type Actor } from "@/lib/auth/actor";
import { isPilot } from "@/lib/domain/plan/pilot";
import { planProgram, planVersionView, type PlanVersionView } from "./plan-access";

export type PlanHistoryRow = PlanVersionView & { publishedByEmail: string | null; state: "live" | "pilot" | "superseded" | "scheduled" };

export type PlanOverview = {
  program: { currency: string; timeZone: string };
  /** Whether this actor may edit, publish and roll back (the page hides those controls otherwise). */
  canWrite: boolean;
  live: PlanVersionView | null;
  /** Pilot versions newer than the general one: they apply to their stores/segments now. */
  pilots: PlanVersionView[];
  draft: PlanVersionView | null;
  history: PlanHistoryRow[];
  options: { stores: { id: string; name: string; code: string }[]; categories: { code: string; name: string; level: number }[]; segments: { id: string; name: string }[] };
};

/** The plan page: what earns today, the draft being edited, every published version, and the pickers' options. */
export async function getPlanOverview(db: Executor, actor: Actor, input: { programId: string }, now = new Date()): Promise<PlanOverview> {
  const program = await planProgram(db, actor, input.programId, "plans:read");
  const [liveRow, draftRow, rows, stores, categories, segments] = await Promise.all([
    getLivePlanVersion(db, { programId: program.id, at: now }),
    getDraftPlanVersion(db, { programId: program.id }),
    listPublishedPlanVersions(db, { programId: program.id, limit: 100 }),
    listStores(db, program.id),
    listCategoryOptions(db, { programId: program.id }),
    listSegmentOptions(db, { programId: program.id }),
  ]);
  const emails = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.publishedBy ? [r.publishedBy] : [])))) {
    const user = await findUserById(db, id);
    if (user) emails.set(id, user.email);
  }
  const liveFrom = liveRow?.effectiveFrom?.getTime() ?? -Infinity;
  const history: PlanHistoryRow[] = rows.map((row) => {
    const view = planVersionView(row);
    const from = row.effectiveFrom?.getTime() ?? Infinity;
    const state = from > now.getTime() ? "scheduled" : row.id === liveRow?.id ? "live" : isPilot(view.pilot) && from >= liveFrom ? "pilot" : "superseded";
    return { ...view, publishedByEmail: row.publishedBy ? (emails.get(row.publishedBy) ?? null) : null, state };
  });
  return {
    program: { currency: program.currency, timeZone: program.timeZone },
    canWrite: can(actor, "plans:write", program),
    live: liveRow ? planVersionView(liveRow) : null,
    pilots: history.filter((h) => h.state === "pilot"),
    draft: draftRow ? planVersionView(draftRow) : null,
    history,
    options: { stores: stores.map((s) => ({ id: s.id, name: s.name, code: s.code })), categories, segments },
  };
}

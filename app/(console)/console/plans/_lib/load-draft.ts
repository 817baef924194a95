import "server-only";
import type { UserActor } from "@/lib/auth/session";
import { currencyMinorDigits } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getPlanOverview } from "@/lib/services/plans/get-plan-overview";
import { getPlanDraft } from "@/lib/services/plans/save-plan-draft";
import { ForbiddenError } from "@/lib/errors";
import { guardRead } from "../../_lib/guard-read";

/** What the draft editor pages read: the draft (or the live copy it starts from) and the pickers' options. */
export async function loadDraft(actor: UserActor, programId: string) {
  const db = await getAppDb();
  return guardRead(async () => {
    const [draft, overview] = await Promise.all([getPlanDraft(db, actor, { programId }), getPlanOverview(db, actor, { programId })]);
    // Editing is for writers; readers see the overview and the tester.
    if (!overview.canWrite) throw new ForbiddenError("plans:write");
    return { ...draft, overview, digits: currencyMinorDigits(overview.program.currency) };
  });
}

export function categoryHint(categories: { code: string; name: string }[], fallback: string, known: (list: string) => string): string {
  if (!categories.length) return fallback;
  const list = categories.slice(0, 12).map((c) => `${c.code} (${c.name})`).join(", ");
  return known(categories.length > 12 ? `${list}…` : list);
}

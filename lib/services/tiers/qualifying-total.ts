import { sumEarnedBetweenByMember, sumEarnedSince, sumSpendBetweenByMember, sumSpendSince } from "@/db/queries/purchases";
import type { Executor } from "@/db/types";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { qualificationSince } from "@/lib/domain/plan/tier-review";

type Qualification = PlanDefinition["tierQualification"];

/**
 * What a member has toward the tier ladder in the window running at `now`:
 * points earned, or spend net of refunds (minor units), as the plan's metric
 * says. The calendar-year window follows the program's local calendar.
 * Upgrades on purchase and the progress members and marketers see both read it.
 */
export async function qualifyingTotal(db: Executor, p: { programId: string; memberId: string; qualification: Qualification; timeZone: string; now: Date }): Promise<number> {
  const since = qualificationSince(p.qualification, p.now, p.timeZone);
  const ref = { programId: p.programId, memberId: p.memberId, since };
  return p.qualification.metric === "spend" ? sumSpendSince(db, ref) : sumEarnedSince(db, ref);
}

/** The same total for a batch of members over a closed window [since, until) (tier reviews). */
export async function qualifyingTotalsBetween(db: Executor, p: { programId: string; memberIds: string[]; metric: Qualification["metric"]; since: Date; until: Date }): Promise<Map<string, number>> {
  const { metric, ...window } = p;
  return metric === "spend" ? sumSpendBetweenByMember(db, window) : sumEarnedBetweenByMember(db, window);
}

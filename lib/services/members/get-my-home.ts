import { getAccountByMember, listUpcomingExpiries } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getLivePlanVersion } from "@/db/queries/plans";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorizeSelf, type Actor } from "@/lib/auth/actor";
import type { ExplainedEntry } from "@/lib/domain/ledger/explain-entry";
import { expiringSoon, pointsValueMinor, tierStanding, type TierStanding } from "@/lib/domain/members/member-home";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { tierReviewOf } from "@/lib/domain/plan/tier-review";
import { NotFoundError } from "@/lib/errors";
import { listExplainedHistory } from "@/lib/services/ledger/list-explained-history";
import { qualifyingTotal } from "@/lib/services/tiers/qualifying-total";

/** How far ahead the home warns about expiring points. */
export const EXPIRING_WITHIN_DAYS = 60;

export type MyBalance = { available: number; pending: number; availableValueMinor: number | null; currency: string };

export type MyHome = {
  name: string | null;
  cardNumber: string;
  balance: MyBalance;
  tiers: PlanDefinition["tiers"];
  /** null while the program has no tiers; by spend, its amounts are minor units of the balance's currency. */
  standing: TierStanding | null;
  tierKey: string | null;
  expiring: { lots: { expiresAt: string; points: number }[]; total: number; withinDays: number };
  latest: ExplainedEntry[];
};

async function loadSelf(db: Executor, actor: Actor) {
  if (actor.kind !== "member") throw new NotFoundError("member");
  const ref = { programId: actor.programId, memberId: actor.memberId };
  authorizeSelf(actor, ref);
  const [member, account, program] = await Promise.all([getMember(db, ref), getAccountByMember(db, ref), getProgramById(db, ref.programId)]);
  if (!member || member.status !== "active" || !account || !program) throw new NotFoundError("member", ref.memberId);
  return { ref, member, account, program };
}

/** The member's points and their money value: what the home polls to stay live. */
export async function getMyBalance(db: Executor, actor: Actor): Promise<MyBalance> {
  const { account, program } = await loadSelf(db, actor);
  return toBalance(account, program);
}

function toBalance(account: { available: number; pending: number }, program: { currency: string; settings: { pointValueMilli?: number } }): MyBalance {
  return { available: account.available, pending: account.pending, availableValueMinor: pointsValueMinor(account.available, program.settings.pointValueMilli), currency: program.currency };
}

/** Everything the member's home shows, for the signed-in member only. */
export async function getMyHome(db: Executor, actor: Actor, now = new Date()): Promise<MyHome> {
  const { ref, member, account, program } = await loadSelf(db, actor);
  const plan = (await getLivePlanVersion(db, { programId: ref.programId, at: now }))?.definition as PlanDefinition | undefined;
  const tiered = plan && plan.tiers.length > 0;
  const [qualifying, expiries, history] = await Promise.all([
    tiered ? qualifyingTotal(db, { ...ref, qualification: plan.tierQualification, timeZone: program.timeZone, now }) : Promise.resolve(0),
    listUpcomingExpiries(db, { programId: ref.programId, accountId: account.id, limit: 12 }),
    listExplainedHistory(db, { ...ref, limit: 3 }),
  ]);
  const soon = expiringSoon(expiries, now, EXPIRING_WITHIN_DAYS);
  return {
    name: member.name,
    cardNumber: member.cardNumber,
    balance: toBalance(account, program),
    tiers: plan?.tiers ?? [],
    standing: tiered ? tierStanding({ tiers: plan.tiers, currentKey: member.tierKey, qualifying, metric: plan.tierQualification.metric, window: plan.tierQualification.window, review: tierReviewOf(plan), now, timeZone: program.timeZone }) : null,
    tierKey: member.tierKey,
    expiring: { lots: soon.lots.map((l) => ({ expiresAt: l.expiresAt.toISOString(), points: l.points })), total: soon.total, withinDays: EXPIRING_WITHIN_DAYS },
    latest: history.entries,
  };
}

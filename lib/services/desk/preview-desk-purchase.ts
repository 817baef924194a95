import { readBudgetUsage } from "@/db/queries/desk-sales";
import { getAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getFirstPublishedPlanVersion, getLivePlanVersion, listMemberSegmentIds } from "@/db/queries/plans";
import { countMemberPurchases, findPurchaseByOrder } from "@/db/queries/purchases";
import { getMemberRuleUsage } from "@/db/queries/rule-usage";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { toEnginePlan, type PlanDefinition, type TierDefinition } from "@/lib/domain/plan/plan-definition";
import { evaluatePurchase } from "@/lib/domain/rules/evaluate";
import { localTime } from "@/lib/domain/rules/local-time";
import type { EarningRule, Evaluation } from "@/lib/domain/rules/types";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { deskPurchaseSchema, type DeskPurchaseInput } from "@/lib/validation/desk-sales";
import { basketLines } from "@/lib/services/purchases/record-purchase";
import { authorizeDesk } from "./desk-access";

export type DeskPurchasePreview = {
  evaluation: Evaluation;
  /** The live plan's rules, for their names and effects. */
  rules: EarningRule[];
  tiers: TierDefinition[];
  version: { id: string; version: number };
  member: { id: string; name: string | null; cardNumber: string; tier: string | null };
  currency: string;
  amountMinor: number;
  /** Points that stay pending (return window) rather than becoming available at once. */
  pointsPending: number;
  balance: { available: number; pending: number };
  balanceAfter: { available: number; pending: number };
  /** The order reference was already recorded with this member and amount: confirming shows that receipt, crediting nothing. */
  alreadyRecorded: boolean;
};

/**
 * What a purchase typed at the counter would earn, with the rules that fire
 * and the ones that do not (and why): the plan live for this member at this
 * store now (pilots included), their tier, segments, first-purchase fact and
 * cap usage — the same inputs recordPurchase evaluates. Writes nothing.
 */
export async function previewDeskPurchase(db: Executor, actor: Actor, input: DeskPurchaseInput, now = new Date()): Promise<DeskPurchasePreview> {
  const { program, store } = await authorizeDesk(db, actor, "points:earn", input);
  const data = parseInput(deskPurchaseSchema, input);
  const member = await getMember(db, { programId: program.id, memberId: data.memberId });
  if (!member || member.status === "anonymized") throw new NotFoundError("member", data.memberId);
  const existing = await findPurchaseByOrder(db, { programId: program.id, orderId: data.orderId });
  const alreadyRecorded = Boolean(existing && existing.memberId === member.id && existing.amountMinor === data.amountMinor);
  if (existing && !alreadyRecorded) throw new ConflictError("order_reference_used", `The order reference "${data.orderId}" was already used for another purchase.`, { orderId: data.orderId });

  const segmentIds = await listMemberSegmentIds(db, { programId: program.id, memberId: member.id });
  const version = (await getLivePlanVersion(db, { programId: program.id, at: now, audience: { storeId: store.id, segmentIds } })) ?? (await getFirstPublishedPlanVersion(db, program.id));
  if (!version) throw new NotFoundError("published plan", program.slug);
  const plan = version.definition as PlanDefinition;
  const engine = toEnginePlan(plan);
  const local = localTime(now, program.timeZone);
  const budgeted = engine.rules.filter((r) => r.active && r.caps?.budget !== undefined).map((r) => r.id);
  const evaluation = evaluatePurchase(engine, {
    lines: await basketLines(db, program.id, data),
    channel: "pos",
    storeId: store.id,
    occurredAt: now,
    timeZone: program.timeZone,
    member: { tier: member.tierKey, segmentIds, isFirstPurchase: (await countMemberPurchases(db, { programId: program.id, memberId: member.id })) === 0 },
    usage: { ...(await getMemberRuleUsage(db, { programId: program.id, memberId: member.id, day: local.date, month: local.month })), budget: await readBudgetUsage(db, { programId: program.id, ruleIds: budgeted }) },
  });
  const account = await getAccountByMember(db, { programId: program.id, memberId: member.id });
  const balance = { available: account?.available ?? 0, pending: account?.pending ?? 0 };
  // Only the parts with a return window wait: a rule's own pending period locks just its points.
  const pointsPending = evaluation.pendingParts.reduce((sum, part) => sum + (part.days > 0 ? part.points : 0), 0);
  const credited = alreadyRecorded ? 0 : evaluation.points;
  return {
    evaluation,
    rules: plan.rules ?? [],
    tiers: plan.tiers,
    version: { id: version.id, version: version.version },
    member: { id: member.id, name: member.name, cardNumber: member.cardNumber, tier: member.tierKey },
    currency: program.currency,
    amountMinor: data.amountMinor,
    pointsPending,
    balance,
    balanceAfter: pointsPending ? { ...balance, pending: balance.pending + credited } : { ...balance, available: balance.available + credited },
    alreadyRecorded,
  };
}

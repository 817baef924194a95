import { lookupMembers } from "@/db/queries/members";
import { getDraftPlanVersion, getLivePlanVersion, listMemberSegmentIds } from "@/db/queries/plans";
import { countMemberPurchases, loadCategoryPaths, productCategoriesBySku } from "@/db/queries/purchases";
import { getMemberRuleUsage } from "@/db/queries/rule-usage";
import { listStoreIds } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { toEnginePlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { evaluatePurchase } from "@/lib/domain/rules/evaluate";
import { localTime, localToInstant } from "@/lib/domain/rules/local-time";
import type { BasketLine, EarningRule, Evaluation } from "@/lib/domain/rules/types";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { testBasketSchema, type TestBasketInput } from "@/lib/validation/plan";
import { planProgram } from "./plan-access";

export type BasketTest = {
  evaluation: Evaluation;
  rules: EarningRule[];
  version: { id: string; version: number; status: string; name: string };
  member: { id: string; name: string | null; tier: string | null } | null;
  tier: string | null;
  occurredAt: string;
  lines: BasketLine[];
};

/**
 * The rule tester: evaluates a basket against the draft or the live plan with
 * the engine purchases use, for a real member (their tier, segments, first
 * purchase and cap usage so far) or just a tier. Writes nothing.
 */
export async function testPlanBasket(db: Executor, actor: Actor, input: TestBasketInput): Promise<BasketTest> {
  const program = await planProgram(db, actor, input.programId, "plans:read");
  const data = parseInput(testBasketSchema, input);
  if (data.storeId && !(await listStoreIds(db, program.id)).includes(data.storeId)) throw new NotFoundError("store", data.storeId);
  const occurredAt = localToInstant(data.at, program.timeZone);
  const row = data.source === "draft" ? await getDraftPlanVersion(db, { programId: program.id }) : await getLivePlanVersion(db, { programId: program.id, at: occurredAt });
  if (!row) throw new NotFoundError(data.source === "draft" ? "plan draft" : "published plan");
  const plan = row.definition as PlanDefinition;
  const member = data.member ? await findMember(db, program.id, data.member) : null;
  if (data.member && !member) throw new ValidationError({ member: ["memberNotFound"] });
  const local = localTime(occurredAt, program.timeZone);
  const tier = member ? member.tierKey : data.tier || null;
  const lines = await classify(db, program.id, data.lines);
  const evaluation = evaluatePurchase(toEnginePlan(plan), {
    lines,
    channel: data.channel,
    storeId: data.storeId,
    occurredAt,
    timeZone: program.timeZone,
    member: {
      tier,
      segmentIds: member ? await listMemberSegmentIds(db, { programId: program.id, memberId: member.id }) : [],
      isFirstPurchase: member ? (await countMemberPurchases(db, { programId: program.id, memberId: member.id })) === 0 : true,
    },
    usage: { ...(member ? await getMemberRuleUsage(db, { programId: program.id, memberId: member.id, day: local.date, month: local.month }) : { memberDay: {}, memberMonth: {} }), budget: {} },
  });
  return {
    evaluation,
    rules: plan.rules ?? [],
    version: { id: row.id, version: row.version, status: row.status, name: row.name },
    member: member ? { id: member.id, name: member.name, tier: member.tierKey } : null,
    tier,
    occurredAt: occurredAt.toISOString(),
    lines,
  };
}

async function findMember(db: Executor, programId: string, identifier: string) {
  const byEmail = identifier.includes("@");
  const [member] = await lookupMembers(db, { programId, limit: 1, ...(byEmail ? { email: identifier } : { cardNumber: identifier }) });
  return member;
}

/** Lines as purchases see them: a category expands to its path, a SKU alone takes its catalog category. */
async function classify(db: Executor, programId: string, lines: { sku?: string; category?: string; quantity: number; unitPriceMinor: number }[]): Promise<BasketLine[]> {
  const paths = await loadCategoryPaths(db, programId);
  const bySku = await productCategoriesBySku(db, { programId, skus: lines.flatMap((l) => (l.sku && !l.category ? [l.sku] : [])) });
  return lines.map((l) => {
    const category = l.category ?? (l.sku ? bySku.get(l.sku) : undefined) ?? undefined;
    return { sku: l.sku, categoryPath: category ? (paths.get(category) ?? [category]) : [], quantity: l.quantity, unitPriceMinor: l.unitPriceMinor };
  });
}

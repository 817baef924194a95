import { randomUUID } from "node:crypto";
import { findAccountByPointAccount } from "@/db/queries/business-accounts";
import { findCustomEvent, insertCustomEvent, insertEventCredits, listEventCredits, type CustomEventRow } from "@/db/queries/custom-events";
import { getMember } from "@/db/queries/members";
import { getFirstPublishedPlanVersion, getLivePlanVersion } from "@/db/queries/plans";
import type { Executor } from "@/db/types";
import { isUniqueViolation } from "@/db/rows";
import { actorRef, authorize, type Actor } from "@/lib/auth/actor";
import { expiryFor } from "@/lib/domain/plan/base-points";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { creditKey, evaluateEvent, onceKeyOf, type EventRuleOutcome } from "@/lib/domain/rules/event-rules";
import { ConflictError, isLazoError, NotFoundError } from "@/lib/errors";
import { locateMemberPoints } from "@/lib/services/business-accounts/pool";
import { creditEarnedLot } from "@/lib/services/ledger/earn-points";
import { runLedgerOperation, type OperationContext, type Replayable } from "@/lib/services/ledger/run-ledger-operation";
import { requireProgram } from "@/lib/services/rewards/reward-access";
import { parseInput } from "@/lib/validation/common";
import { recordCustomEventSchema, type RecordCustomEventInput } from "@/lib/validation/custom-events";

export type CustomEventResult = {
  id: string;
  eventId: string;
  memberId: string;
  type: string;
  occurredAt: string;
  pointsEarned: number;
  entryId: number | null;
  /** The business account whose pool earned, or null (the member's own account). */
  account: { id: string; name: string } | null;
  balance: { available: number; pending: number };
  rules: EventRuleOutcome[];
};

type Data = ReturnType<typeof recordCustomEventSchema.parse>;

/**
 * Records a custom event and credits what the plan's event rules give, in one
 * ledger transaction. Idempotent per event id, for ever: the same eventId again
 * (at once or months later, in a race or not) returns the first result and
 * credits nothing; the same eventId for another member or type is 409
 * event_exists. Once-only rules (`oncePer`) credit a member once per value.
 */
export async function recordCustomEvent(db: Executor, actor: Actor, input: RecordCustomEventInput, now = new Date()): Promise<Replayable<CustomEventResult>> {
  const data = parseInput(recordCustomEventSchema, input);
  const program = await requireProgram(db, data.programId);
  authorize(actor, "points:earn", program);
  const recorded = await findCustomEvent(db, { programId: program.id, eventId: data.eventId });
  if (recorded) return firstResult(recorded, data);
  const occurredAt = data.occurredAt ? new Date(data.occurredAt) : now;
  const version = (await getLivePlanVersion(db, { programId: program.id, at: occurredAt })) ?? (await getFirstPublishedPlanVersion(db, program.id));
  const plan = version?.definition as PlanDefinition | undefined;
  const request = { memberId: data.memberId, type: data.type, eventId: data.eventId, occurredAt: occurredAt.toISOString(), properties: data.properties ?? {} };
  return runLedgerOperation(
    db,
    { operation: "custom-event", programId: program.id, locate: async (tx) => (await locateMemberPoints(tx, { programId: program.id, memberId: data.memberId })).locator, idempotencyKey: `event:${data.eventId}`, request, now },
    (ctx) => credit(ctx, { actor, data, plan, timeZone: program.timeZone, occurredAt }),
  ).catch(async (error: unknown) => {
    // Another request with this event id won (a race, or a different body within the idempotency window).
    const reused = (isLazoError(error) && error.code === "idempotency_conflict") || isUniqueViolation(error, "custom_events_event_key");
    const first = reused ? await findCustomEvent(db, { programId: program.id, eventId: data.eventId }) : undefined;
    if (first) return firstResult(first, data);
    throw error;
  });
}

async function credit(ctx: OperationContext, p: { actor: Actor; data: Data; plan: PlanDefinition | undefined; timeZone: string; occurredAt: Date }): Promise<CustomEventResult> {
  const { tx, account } = ctx;
  const { data } = p;
  const programId = account.programId;
  const member = await getMember(tx, { programId, memberId: data.memberId });
  if (!member) throw new NotFoundError("member", data.memberId);
  const business = account.businessAccountId ? await findAccountByPointAccount(tx, { programId, pointAccountId: account.id }) : undefined;
  const properties = data.properties ?? {};
  const rules = (p.plan?.eventRules ?? []).filter((r) => r.eventType === data.type);
  const candidates = rules.flatMap((r) => {
    const key = onceKeyOf(r, properties);
    return key === null ? [] : [{ ruleId: r.id, key }];
  });
  const credited = await listEventCredits(tx, { programId, memberId: member.id, ruleIds: candidates.map((c) => c.ruleId), onceKeys: candidates.map((c) => c.key) });
  const evaluation = evaluateEvent(rules, { type: data.type, properties }, { tier: business ? business.tierKey : member.tierKey, credited: new Set(credited.map(([r, k]) => creditKey(r, k))) });
  const id = randomUUID();
  let entryId: number | null = null;
  let balance = ctx.balance;
  if (evaluation.points > 0) {
    const { actorType, actorId } = actorRef(p.actor);
    const earned = await creditEarnedLot(ctx, {
      memberId: member.id,
      points: evaluation.points,
      channel: "api",
      actorType,
      actorId,
      idempotencyKey: `event:${data.eventId}`,
      reason: `Evento: ${data.type}`,
      explanation: { customEvent: { id, eventId: data.eventId, type: data.type }, rules: evaluation.rules },
      occurredAt: p.occurredAt,
      expiresAt: p.plan ? expiryFor(p.plan, p.occurredAt, p.timeZone) : null,
    });
    entryId = earned.entryId;
    balance = earned.balance;
  }
  const result: CustomEventResult = {
    id,
    eventId: data.eventId,
    memberId: member.id,
    type: data.type,
    occurredAt: p.occurredAt.toISOString(),
    pointsEarned: evaluation.points,
    entryId,
    account: business ? { id: business.id, name: business.name } : null,
    balance: { available: balance.available, pending: balance.pending },
    rules: evaluation.rules,
  };
  await insertCustomEvent(tx, { id, programId, eventId: data.eventId, memberId: member.id, pointAccountId: account.id, type: data.type, properties, occurredAt: p.occurredAt, points: evaluation.points, entryId, result, createdAt: ctx.now });
  await insertEventCredits(tx, evaluation.rules.flatMap((o) => (o.fired && o.onceKey !== null ? [{ programId, ruleId: o.ruleId, memberId: member.id, onceKey: o.onceKey, customEventId: id, points: o.points, createdAt: ctx.now }] : [])));
  return result;
}

/** The first call's answer for a replayed event id; another member or type under the same id is a conflict. */
function firstResult(recorded: CustomEventRow, data: Data): Replayable<CustomEventResult> {
  if (recorded.memberId !== data.memberId || recorded.type !== data.type) {
    throw new ConflictError("event_exists", `The event "${data.eventId}" was already recorded for another member or type.`, { eventId: data.eventId, id: recorded.id });
  }
  return { ...(recorded.result as CustomEventResult), replayed: true };
}

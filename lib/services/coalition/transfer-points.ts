import { claimIdempotencyKey, storeIdempotentResponse } from "@/db/queries/idempotency";
import { findVerifiedMembersByEmail, getCoalitionLink, insertPointTransfer } from "@/db/queries/coalitions";
import { lockAccountByMember, updateAccountBalances, type AccountRow } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { actorRef, authorizeSelf, type Actor } from "@/lib/auth/actor";
import { convertPoints, type ExchangeRate } from "@/lib/domain/coalition/exchange-rate";
import { applyDelta, type Balance } from "@/lib/domain/ledger/balance";
import { ForbiddenError, IdempotencyConflictError, NotFoundError, UnprocessableError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { debitLots } from "@/lib/services/ledger/debit-lots";
import { creditEarnedLot } from "@/lib/services/ledger/earn-points";
import { balanceOf, IDEMPOTENCY_TTL_MS, requestHash, type OperationContext } from "@/lib/services/ledger/run-ledger-operation";
import { parseInput } from "@/lib/validation/common";
import { transferPointsSchema, type TransferPointsInput } from "@/lib/validation/coalition";

export type TransferResult = {
  transferId: string;
  fromProgramId: string;
  toProgramId: string;
  toMemberId: string;
  pointsDebited: number;
  pointsCredited: number;
  rate: ExchangeRate;
  balance: { available: number; pending: number };
  replayed: boolean;
};

/** Members move their own points; an API key only its program's members; people in the console never (no such screen). */
function authorizeTransfer(actor: Actor, p: { programId: string; memberId: string }): void {
  if (actor.kind === "member") return authorizeSelf(actor, p);
  if (actor.kind === "system") return;
  if (actor.kind === "api_key") {
    if (actor.programId !== p.programId) throw new NotFoundError("program", p.programId);
    if (!(actor.scopes as string[]).includes("points:redeem")) throw new ForbiddenError("points:redeem");
    return;
  }
  throw new ForbiddenError("points:redeem");
}

/** Context for the ledger helpers (debitLots, creditEarnedLot) over an account this transaction already locked. */
function lockedContext(tx: Executor, account: AccountRow, now: Date): OperationContext & { current: () => Balance } {
  let balance = balanceOf(account);
  return {
    tx,
    account,
    balance,
    now,
    current: () => balance,
    saveBalance: async (next) => {
      balance = next;
      await updateAccountBalances(tx, { programId: account.programId, accountId: account.id, now }, next);
    },
  };
}

/** The two programs, linked and of one organization, and the member on each side (same verified email). */
async function resolveSides(tx: Executor, data: { fromProgramId: string; toProgramId: string; memberId: string }) {
  const [from, to] = await Promise.all([getProgramById(tx, data.fromProgramId), getProgramById(tx, data.toProgramId)]);
  if (!from) throw new NotFoundError("program", data.fromProgramId);
  // Another organization's program is "not found": its existence is not ours to reveal.
  if (!to || to.organizationId !== from.organizationId) throw new NotFoundError("program", data.toProgramId);
  const link = await getCoalitionLink(tx, { fromProgramId: from.id, toProgramId: to.id });
  if (!link) throw new UnprocessableError("programs_not_linked", `${from.name} and ${to.name} are not linked for transfers.`);
  const member = await getMember(tx, { programId: from.id, memberId: data.memberId });
  if (!member || member.status !== "active") throw new NotFoundError("member", data.memberId);
  const sender = member.email ? await findVerifiedMembersByEmail(tx, { programId: from.id, email: member.email }) : [];
  const receivers = member.email ? await findVerifiedMembersByEmail(tx, { programId: to.id, email: member.email }) : [];
  if (!sender.some((m) => m.id === member.id) || receivers.length !== 1) {
    throw new UnprocessableError("member_not_linked", `The member has no account with the same verified email in ${to.name}.`);
  }
  return { from, to, link, toMemberId: receivers[0]!.id };
}

/**
 * Moves points to a sister program: a redeem entry in the source ledger and an
 * earn entry in the target's, in one transaction. Both accounts are locked in
 * a fixed order (program id, then member id), so transfers racing in opposite
 * directions queue up instead of deadlocking. The credit rounds down: a
 * transfer that would credit nothing is refused, never rounded up.
 */
export async function transferPoints(db: Executor, actor: Actor, input: TransferPointsInput, now = new Date()): Promise<TransferResult> {
  const data = parseInput(transferPointsSchema, input);
  authorizeTransfer(actor, { programId: data.fromProgramId, memberId: data.memberId });
  return db.transaction(async (tx) => {
    const key = data.idempotencyKey ? `transfer:${data.idempotencyKey}` : undefined;
    if (key) {
      const hash = requestHash("transfer", data);
      const stored = await claimIdempotencyKey(tx, { programId: data.fromProgramId, key, requestHash: hash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) });
      if (stored) {
        if (stored.requestHash !== hash) throw new IdempotencyConflictError(data.idempotencyKey!);
        return { ...(stored.response as TransferResult), replayed: true };
      }
    }
    const { from, to, link, toMemberId } = await resolveSides(tx, data);
    const rate = { numerator: link.rateNumerator, denominator: link.rateDenominator };
    const credited = convertPoints(data.points, rate);
    if (credited <= 0) throw new UnprocessableError("transfer_rounds_to_zero", `${data.points} points are worth less than one point of ${to.name} at this rate.`, { rate });

    const sides = [
      { programId: from.id, memberId: data.memberId },
      { programId: to.id, memberId: toMemberId },
    ].sort((a, b) => a.programId.localeCompare(b.programId) || a.memberId.localeCompare(b.memberId));
    const locked = new Map<string, AccountRow>();
    for (const side of sides) {
      const account = await lockAccountByMember(tx, side);
      if (!account) throw new NotFoundError("account");
      locked.set(side.programId, account);
    }
    const result = await moveLockedPoints(tx, actor, { from, to, data, toMemberId, rate, credited, source: locked.get(from.id)!, target: locked.get(to.id)!, now });
    if (key) await storeIdempotentResponse(tx, { programId: from.id, key, statusCode: 201, response: result });
    return { ...result, replayed: false };
  });
}

type Move = {
  from: ProgramRow;
  to: ProgramRow;
  data: ReturnType<typeof transferPointsSchema.parse>;
  toMemberId: string;
  rate: ExchangeRate;
  credited: number;
  source: AccountRow;
  target: AccountRow;
  now: Date;
};

async function moveLockedPoints(tx: Executor, actor: Actor, m: Move): Promise<Omit<TransferResult, "replayed">> {
  const { actorType, actorId } = actorRef(actor);
  const transferId = crypto.randomUUID();
  const explanation = { transfer: { id: transferId, fromProgramId: m.from.id, toProgramId: m.to.id, rate: m.rate, pointsDebited: m.data.points, pointsCredited: m.credited } };
  const common = { channel: m.data.channel, actorType, actorId, idempotencyKey: m.data.idempotencyKey, occurredAt: m.now, explanation };

  const sourceCtx = lockedContext(tx, m.source, m.now);
  const { entry: debit } = await debitLots(sourceCtx, m.data.points, { ...common, memberId: m.data.memberId, kind: "redeem", availableDelta: -m.data.points, reason: `Transfer to ${m.to.name}` });
  await sourceCtx.saveBalance(applyDelta(sourceCtx.balance, { available: -m.data.points, lifetimeRedeemed: m.data.points }));
  await recordEvent(tx, m.from.id, "points.redeemed", { memberId: m.data.memberId, points: m.data.points, entryId: debit.id, orderRef: null, holdId: null, transferId, balance: { available: sourceCtx.current().available, pending: sourceCtx.current().pending } }, m.now);

  const credit = await creditEarnedLot(lockedContext(tx, m.target, m.now), { ...common, memberId: m.toMemberId, points: m.credited, reason: `Transfer from ${m.from.name}` });
  await insertPointTransfer(tx, {
    programId: m.from.id,
    id: transferId,
    organizationId: m.from.organizationId,
    fromMemberId: m.data.memberId,
    toProgramId: m.to.id,
    toMemberId: m.toMemberId,
    pointsDebited: m.data.points,
    pointsCredited: m.credited,
    rateNumerator: m.rate.numerator,
    rateDenominator: m.rate.denominator,
    debitEntryId: debit.id,
    creditEntryId: credit.entryId,
    channel: m.data.channel,
    actorType,
    actorId,
    idempotencyKey: m.data.idempotencyKey,
    createdAt: m.now,
  });
  const balance = sourceCtx.current();
  return { transferId, fromProgramId: m.from.id, toProgramId: m.to.id, toMemberId: m.toMemberId, pointsDebited: m.data.points, pointsCredited: m.credited, rate: m.rate, balance: { available: balance.available, pending: balance.pending } };
}

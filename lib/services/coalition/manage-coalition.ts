import { deleteCoalitionPair, upsertCoalitionLink } from "@/db/queries/coalitions";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { inverseRate, reduceRate, type ExchangeRate } from "@/lib/domain/coalition/exchange-rate";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { idSchema, parseInput } from "@/lib/validation/common";
import { setCoalitionRateSchema, type SetCoalitionRateInput } from "@/lib/validation/coalition";
import { z } from "zod";

/**
 * Both programs, writable by the actor and of one organization (another
 * organization's program is "not found"). The program the actor works in is
 * authorized before the input is validated; the other one after.
 */
async function authorizePair(db: Executor, actor: Actor, fromProgramId: unknown, validate: () => { toProgramId: string }): Promise<[ProgramRow, ProgramRow]> {
  const from = await authorizeProgram(db, actor, "program:write", fromProgramId);
  const to = await authorizeProgram(db, actor, "program:write", validate().toProgramId);
  if (to.organizationId !== from.organizationId) throw new NotFoundError("program", to.id);
  if (to.id === from.id) throw new ValidationError({ toProgramId: ["Pick another program of the organization."] });
  return [from, to];
}

/**
 * Links two sister programs: `rate` points of B per point of A, and the
 * reciprocal back, so a round trip never creates points. Changing the rate of
 * a linked pair overwrites both directions. Audited in both programs.
 */
export async function setCoalitionRate(db: Executor, actor: Actor, input: SetCoalitionRateInput, now = new Date()): Promise<{ rate: ExchangeRate }> {
  let parsed: { toProgramId: string; rate: ExchangeRate } | undefined;
  const [from, to] = await authorizePair(db, actor, input?.fromProgramId, () => (parsed = parseInput(setCoalitionRateSchema, input)));
  const rate = reduceRate(parsed!.rate);
  const back = inverseRate(rate);
  const createdBy = actor.kind === "user" ? actorRef(actor).actorId : null;
  await db.transaction(async (tx) => {
    await upsertCoalitionLink(tx, { organizationId: from.organizationId, fromProgramId: from.id, toProgramId: to.id, rateNumerator: rate.numerator, rateDenominator: rate.denominator, createdBy, updatedAt: now });
    await upsertCoalitionLink(tx, { organizationId: from.organizationId, fromProgramId: to.id, toProgramId: from.id, rateNumerator: back.numerator, rateDenominator: back.denominator, createdBy, updatedAt: now });
    for (const [program, other, r] of [[from, to, rate], [to, from, back]] as const) {
      await recordAudit(tx, actor, { program, action: "coalition.link", targetType: "program", targetId: other.id, after: { toProgramId: other.id, rate: r } });
    }
  });
  return { rate };
}

const unlinkSchema = z.strictObject({ fromProgramId: idSchema, toProgramId: idSchema });

/** Ends a coalition link in both directions (transfers already made stay as they are). Audited in both programs. */
export async function removeCoalitionLink(db: Executor, actor: Actor, input: z.input<typeof unlinkSchema>): Promise<{ removed: number }> {
  const [from, to] = await authorizePair(db, actor, input?.fromProgramId, () => parseInput(unlinkSchema, input));
  return db.transaction(async (tx) => {
    const removed = await deleteCoalitionPair(tx, { a: from.id, b: to.id });
    if (!removed) throw new NotFoundError("coalition_link");
    for (const [program, other] of [[from, to], [to, from]] as const) {
      await recordAudit(tx, actor, { program, action: "coalition.unlink", targetType: "program", targetId: other.id });
    }
    return { removed };
  });
}

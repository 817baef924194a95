import { z } from "zod";
import { actorType, ledgerChannel } from "@/db/schema/ledger";
import { idempotencyKeySchema, idSchema, pointsSchema, reasonSchema } from "./common";

const actorSchema = z.object({ type: z.enum(actorType.enumValues), id: z.string().max(200).optional() }).strict();

/** What every ledger operation shares: whose points, who acts, and its retry key. */
const operationBase = {
  programId: idSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
  actor: actorSchema.optional(),
  channel: z.enum(ledgerChannel.enumValues).optional(),
  storeId: idSchema.optional(),
  orderRef: z.string().trim().min(1).max(200).optional(),
};

const memberOperation = { ...operationBase, memberId: idSchema };

export const earnPointsSchema = z
  .object({
    ...memberOperation,
    points: pointsSchema,
    reason: z.string().trim().max(500).optional(),
    purchaseId: idSchema.optional(),
    /** Points stay pending (not spendable) until this instant: the return window. */
    pendingUntil: z.date().optional(),
    expiresAt: z.date().optional(),
    occurredAt: z.date().optional(),
    explanation: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const redeemPointsSchema = z
  .object({ ...memberOperation, points: pointsSchema, reason: z.string().trim().max(500).optional() })
  .strict();

export const adjustPointsSchema = z
  .object({
    ...memberOperation,
    /** Signed: a credit or a debit. */
    points: z
      .number({ error: "Points must be a number." })
      .int({ error: "Points must be a whole number." })
      .refine((n) => n !== 0, { error: "An adjustment may not be zero." })
      .refine((n) => Math.abs(n) <= 100_000_000, { error: "Points may not exceed 100,000,000." }),
    reason: reasonSchema,
    expiresAt: z.date().optional(),
  })
  .strict();

export const reverseEntrySchema = z
  .object({
    ...operationBase,
    entryId: z.number({ error: "The entry id must be a number." }).int().positive(),
    /** Defaults to everything still reversible. */
    points: pointsSchema.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();

export const holdPointsSchema = z
  .object({ ...memberOperation, points: pointsSchema, expiresAt: z.date().optional() })
  .strict();

export const captureHoldSchema = z
  .object({ ...operationBase, holdId: idSchema, points: pointsSchema.optional() })
  .strict();

export const voidHoldSchema = z.object({ ...operationBase, holdId: idSchema }).strict();

export const memberRefSchema = z.object({ programId: idSchema, memberId: idSchema }).strict();

export const historyQuerySchema = z
  .object({
    programId: idSchema,
    memberId: idSchema,
    /** Entries older than this id (cursor pagination, newest first). */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export type EarnPointsInput = z.input<typeof earnPointsSchema>;
export type RedeemPointsInput = z.input<typeof redeemPointsSchema>;
export type AdjustPointsInput = z.input<typeof adjustPointsSchema>;
export type ReverseEntryInput = z.input<typeof reverseEntrySchema>;
export type HoldPointsInput = z.input<typeof holdPointsSchema>;
export type CaptureHoldInput = z.input<typeof captureHoldSchema>;
export type VoidHoldInput = z.input<typeof voidHoldSchema>;
export type HistoryQuery = z.input<typeof historyQuerySchema>;

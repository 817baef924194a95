import { z } from "zod";
import { idempotencyKeySchema, idSchema, pointsSchema } from "./common";

const atStore = { programId: idSchema, storeId: idSchema };

/** The end-of-day report of one store for one calendar day (default: today on the program's calendar). */
export const endOfDaySchema = z.strictObject({
  ...atStore,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Pick a day." })
    .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { error: "Pick a day." })
    .optional(),
});
export type EndOfDayInput = z.input<typeof endOfDaySchema>;

/** A reward for a member at the counter; `useNow` marks the coupon used on the spot. */
export const deskRewardSchema = z.strictObject({
  ...atStore,
  memberId: idSchema,
  rewardId: idSchema,
  useNow: z.boolean().default(false),
  idempotencyKey: idempotencyKeySchema,
});
export type DeskRewardInput = z.input<typeof deskRewardSchema>;

/** A hold of points as payment: either points, or a money amount (minor units) turned into points. */
export const deskHoldSchema = z.strictObject({
  ...atStore,
  memberId: idSchema,
  points: pointsSchema.optional(),
  amountMinor: z.number().int().positive({ error: "Enter an amount greater than zero." }).max(10_000_000_000).optional(),
  reference: z.string().trim().max(200).optional(),
  idempotencyKey: idempotencyKeySchema,
}).refine((v) => (v.points === undefined) !== (v.amountMinor === undefined), { error: "Enter points or an amount.", path: ["points"] });
export type DeskHoldInput = z.input<typeof deskHoldSchema>;

export const deskSettleSchema = z.strictObject({
  ...atStore,
  memberId: idSchema,
  holdId: idSchema,
  action: z.enum(["capture", "void"]),
  idempotencyKey: idempotencyKeySchema,
});
export type DeskSettleInput = z.input<typeof deskSettleSchema>;

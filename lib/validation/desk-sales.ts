import { z } from "zod";
import { idempotencyKeySchema, idSchema, reasonSchema } from "./common";
import { purchaseLineSchema } from "./purchase";

const MAX_AMOUNT_MINOR = 100_000_000_000;

const orderIdSchema = z.string({ error: "An order reference is required." }).trim().min(1, { error: "An order reference is required." }).max(120, { error: "The order reference is too long." });

/** Where the desk works: the program and the store named in the path. */
const deskBase = { programId: idSchema, storeId: idSchema };

/** A purchase typed at the counter (amount in minor units, converted by the action); lines are optional. */
export const deskPurchaseSchema = z
  .object({
    ...deskBase,
    memberId: idSchema,
    orderId: orderIdSchema,
    amountMinor: z.number({ error: "The amount must be a number." }).int({ error: "The amount must be a number." }).positive({ error: "The amount must be greater than zero." }).max(MAX_AMOUNT_MINOR, { error: "The amount is too large." }),
    lines: z.array(purchaseLineSchema).max(100, { error: "At most 100 lines." }).optional(),
  })
  .strict()
  .refine((p) => !p.lines?.length || Math.abs(p.lines.reduce((s, l) => s + Math.round(l.quantity * l.unitPriceMinor), 0) - p.amountMinor) <= p.lines.length, {
    error: "The amount must equal the sum of the lines.",
    path: ["amountMinor"],
  });

export type DeskPurchaseInput = z.input<typeof deskPurchaseSchema>;

export const deskOrderLookupSchema = z.object({ ...deskBase, orderId: orderIdSchema }).strict();
export type DeskOrderLookupInput = z.input<typeof deskOrderLookupSchema>;

/** A return: the rest of the purchase (neither amount nor lines), an amount in minor units, or SKU quantities. */
export const deskReturnSchema = z
  .object({
    ...deskBase,
    orderId: orderIdSchema,
    amountMinor: z.number({ error: "The amount must be a number." }).int({ error: "The amount must be a number." }).positive({ error: "The amount must be greater than zero." }).max(MAX_AMOUNT_MINOR).optional(),
    lines: z
      .array(z.object({ sku: z.string().trim().min(1).max(80), quantity: z.number({ error: "Quantity must be a number." }).positive({ error: "Quantity must be greater than zero." }).max(100_000) }).strict())
      .min(1, { error: "Pick at least one line." })
      .max(500)
      .optional(),
    reason: z.string().trim().max(500, { error: "The reason may not exceed 500 characters." }).optional(),
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .strict()
  .refine((r) => r.amountMinor === undefined || r.lines === undefined, { error: "Return an amount or lines, not both.", path: ["amountMinor"] });

export type DeskReturnInput = z.input<typeof deskReturnSchema>;

export const deskAdjustSchema = z
  .object({
    ...deskBase,
    memberId: idSchema,
    points: z
      .number({ error: "Points must be a number." })
      .int({ error: "Points must be a whole number." })
      .refine((n) => n !== 0, { error: "An adjustment may not be zero." })
      .refine((n) => Math.abs(n) <= 100_000_000, { error: "Points may not exceed 100,000,000." }),
    reason: reasonSchema,
    idempotencyKey: idempotencyKeySchema,
  })
  .strict();

export type DeskAdjustInput = z.input<typeof deskAdjustSchema>;

import { z } from "zod";

/** POST /api/v1/refunds: an amount (decimal, the program's currency), refunded lines, or neither (the rest of the purchase); unknown fields are refused. */
export const apiRefundSchema = z
  .object({
    orderId: z.string({ error: "orderId is required." }).trim().min(1).max(120),
    amount: z.number({ error: "amount must be a number." }).positive({ error: "amount must be greater than zero." }).max(1_000_000_000).optional(),
    lines: z
      .array(
        z
          .object({
            sku: z.string({ error: "sku is required." }).trim().min(1).max(80),
            quantity: z.number({ error: "quantity must be a number." }).positive({ error: "quantity must be greater than zero." }).max(100_000),
          })
          .strict(),
      )
      .min(1, { error: "Send at least one line." })
      .max(500)
      .optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((r) => r.amount === undefined || r.lines === undefined, { error: "Send either amount or lines, not both (neither refunds the rest of the purchase).", path: ["amount"] });

export type ApiRefund = z.output<typeof apiRefundSchema>;

/** The service's input: the whole rest of the purchase (neither amount nor lines), an amount (decimal, the purchase's currency), or lines. */
export const refundPurchaseSchema = z
  .object({
    programId: z.uuid(),
    orderId: z.string().trim().min(1).max(120),
    amount: z.number({ error: "amount must be a number." }).positive({ error: "amount must be greater than zero." }).max(1_000_000_000).optional(),
    lines: z.array(z.object({ sku: z.string().trim().min(1).max(80), quantity: z.number().positive().max(100_000) }).strict()).min(1).max(500).optional(),
    reason: z.string().trim().max(500).optional(),
    idempotencyKey: z.string().trim().min(1).max(300).optional(),
    /** The store whose counter processes the return (the staff desk); recorded on the refund and its ledger entry. */
    storeId: z.uuid().optional(),
  })
  .strict()
  .refine((r) => !(r.amount !== undefined && r.lines !== undefined), { error: "Send either an amount or lines (not both).", path: ["amount"] });

export type RefundPurchaseInput = z.input<typeof refundPurchaseSchema>;

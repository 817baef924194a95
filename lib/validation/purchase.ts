import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "./common";

/** About 1 billion in major units of any currency: far above a real ticket. */
const MAX_AMOUNT_MINOR = 100_000_000_000;

export const purchaseLineSchema = z
  .object({
    sku: z.string().trim().min(1).max(80).optional(),
    category: z.string().trim().min(1).max(80).optional(),
    quantity: z.number({ error: "Quantity must be a number." }).positive({ error: "Quantity must be greater than zero." }).max(100_000),
    unitPriceMinor: z.number({ error: "The unit price must be a number." }).int().min(0, { error: "The unit price may not be negative." }).max(MAX_AMOUNT_MINOR),
  })
  .strict()
  .refine((l) => l.sku || l.category, { error: "Give a SKU or a category." });

/** What a ticket carries, with or without a member. */
const ticketFields = z
  .object({
    programId: idSchema,
    orderId: z.string({ error: "An order reference is required." }).trim().min(1, { error: "An order reference is required." }).max(120),
    amountMinor: z.number({ error: "The amount must be a number." }).int().min(0, { error: "The amount may not be negative." }).max(MAX_AMOUNT_MINOR, { error: "The amount is too large." }),
    currency: z.string().trim().toUpperCase().length(3, { error: "Use a 3-letter currency code." }),
    channel: z.enum(["pos", "ecommerce", "app"], { error: "The channel must be pos, ecommerce or app." }),
    storeId: idSchema.optional(),
    occurredAt: z.date().optional(),
    lines: z.array(purchaseLineSchema).max(500, { error: "At most 500 lines." }).optional(),
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .strict();

const linesAddUp = (p: { amountMinor: number; lines?: { quantity: number; unitPriceMinor: number }[] }) =>
  !p.lines?.length || Math.abs(p.lines.reduce((s, l) => s + Math.round(l.quantity * l.unitPriceMinor), 0) - p.amountMinor) <= p.lines.length;
const linesMismatch = { error: "The amount must equal the sum of the lines.", path: ["amountMinor"] };

export const recordPurchaseSchema = ticketFields.extend({ memberId: idSchema }).refine(linesAddUp, linesMismatch);

/** A ticket of a customer who is not a member (no points): the dashboard's non-member figures. */
export const recordTicketSchema = ticketFields.refine(linesAddUp, linesMismatch);

export type RecordTicketInput = z.input<typeof recordTicketSchema>;
export type RecordPurchaseInput = z.input<typeof recordPurchaseSchema>;

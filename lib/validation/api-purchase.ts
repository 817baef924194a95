import { z } from "zod";
import { currencyDigits } from "@/lib/domain/money";
import { idSchema } from "./common";

/** Decimal amount with no more decimals than the currency allows, to minor units. */
function decimalAmount(field: string) {
  return z.number({ error: `${field} must be a number.` }).min(0, { error: `${field} may not be negative.` }).max(1_000_000_000, { error: `${field} is too large.` });
}

/** A ticket as integrators send it (decimal amounts), with or without a member; unknown fields are refused. */
const apiTicketFields = z
  .object({
    orderId: z.string({ error: "orderId is required." }).trim().min(1).max(120),
    amount: decimalAmount("amount"),
    currency: z.string({ error: "currency is required." }).trim().toUpperCase().length(3, { error: "Use a 3-letter currency code." }),
    channel: z.enum(["pos", "ecommerce", "app"], { error: "channel must be pos, ecommerce or app." }),
    storeId: idSchema.optional(),
    occurredAt: z.iso.datetime({ offset: true, error: "occurredAt must be an ISO 8601 date-time." }).optional(),
    lines: z
      .array(
        z
          .object({
            sku: z.string().trim().min(1).max(80),
            category: z.string().trim().min(1).max(80).optional(),
            quantity: z.number().positive().max(100_000),
            unitPrice: decimalAmount("unitPrice"),
          })
          .strict(),
      )
      .max(500)
      .optional(),
  })
  .strict();

/** Amounts with no more decimals than the currency has. */
function currencyPrecision(p: { currency: string; amount: number; lines?: { unitPrice: number }[] }, ctx: z.RefinementCtx): void {
  if (!/^[A-Z]{3}$/.test(p.currency)) return;
  const digits = safeDigits(p.currency);
  const tooPrecise = (n: number) => Math.abs(n * 10 ** digits - Math.round(n * 10 ** digits)) > 1e-6;
  if (tooPrecise(p.amount)) ctx.addIssue({ code: "custom", path: ["amount"], message: `${p.currency} amounts have at most ${digits} decimals.` });
  p.lines?.forEach((l, i) => {
    if (tooPrecise(l.unitPrice)) ctx.addIssue({ code: "custom", path: ["lines", i, "unitPrice"], message: `${p.currency} amounts have at most ${digits} decimals.` });
  });
}

/** The API's purchase body: a member's ticket, which earns points. */
export const apiPurchaseSchema = apiTicketFields.extend({ memberId: idSchema }).superRefine(currencyPrecision);

/** The API's ticket body: a customer who is not a member (no points; counts in the non-member figures). */
export const apiTicketSchema = apiTicketFields.superRefine(currencyPrecision);

function safeDigits(currency: string): number {
  try {
    return currencyDigits(currency);
  } catch {
    return 2;
  }
}

export type ApiPurchase = z.output<typeof apiPurchaseSchema>;
export type ApiTicket = z.output<typeof apiTicketSchema>;

/** To the service's input: minor units and Dates. */
export function toPurchaseInput(programId: string, p: ApiPurchase) {
  return { ...toTicketInput(programId, p), memberId: p.memberId };
}

/** A ticket to the service's input: minor units and Dates. */
export function toTicketInput(programId: string, p: ApiTicket) {
  const scale = 10 ** safeDigits(p.currency);
  return {
    programId,
    orderId: p.orderId,
    amountMinor: Math.round(p.amount * scale),
    currency: p.currency,
    channel: p.channel,
    storeId: p.storeId,
    occurredAt: p.occurredAt ? new Date(p.occurredAt) : undefined,
    lines: p.lines?.map((l) => ({ sku: l.sku, category: l.category, quantity: l.quantity, unitPriceMinor: Math.round(l.unitPrice * scale) })),
  };
}

import { z } from "zod";

/**
 * Response shapes of the integration API, for the OpenAPI document only (the
 * request schemas are the validators in lib/validation/api-*.ts themselves).
 */
const balance = z.object({ available: z.number().int(), pending: z.number().int() });
const balanceWithHeld = balance.extend({ held: z.number().int() });

export const problemSchema = z.object({
  type: z.string().meta({ example: "https://lazo.dev/problems/insufficient_points" }),
  title: z.string(),
  status: z.number().int(),
  code: z.string().meta({ description: "Stable, snake_case: branch on this, not on the title.", example: "insufficient_points" }),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "validation_failed only: messages per field (dotted paths)." }),
}).meta({ id: "Problem" });

export const memberSchema = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  cardNumber: z.string().meta({ example: "7012345678901234" }),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  birthday: z.string().nullable().meta({ example: "1990-05-31" }),
  status: z.enum(["active", "suspended", "anonymized"]),
  enrolledAt: z.iso.datetime(),
  tier: z.string().nullable(),
  consents: z.object({ terms: z.boolean(), marketing: z.boolean(), personalization: z.boolean() }),
  balance,
}).meta({ id: "Member" });

export const memberListSchema = z.object({ data: z.array(memberSchema) });

export const adjustmentResultSchema = z.object({ entryId: z.number().int(), points: z.number().int(), balance });

export const purchaseResultSchema = z.object({
  purchaseId: z.uuid(),
  orderId: z.string(),
  pointsEarned: z.number().int(),
  pointsPending: z.number().int(),
  entryId: z.number().int().nullable(),
  balance,
  tierChange: z.object({ from: z.string().nullable(), to: z.string() }).nullable().meta({ description: "The member's tier change, or the business account's when the member buys for one." }),
  account: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: "The business account whose pool earned (the member buys for it; balance is the pool's); null = the member's own account." }),
  explanation: z.record(z.string(), z.unknown()).meta({ description: "Per line and per rule: fired or not, and why." }),
}).meta({ id: "PurchaseResult" });

export const ticketResultSchema = z.object({
  purchaseId: z.uuid(),
  orderId: z.string(),
  amount: z.number().meta({ description: "In currency units." }),
  currency: z.string(),
  occurredAt: z.iso.datetime(),
  costedLines: z.number().int().meta({ description: "Lines whose SKU has a unit cost in the catalog: they count in the gross margin." }),
}).meta({ id: "TicketResult" });

export const refundResultSchema = z.object({
  refundId: z.uuid(),
  orderId: z.string(),
  refundedAmount: z.number(),
  pointsReversed: z.number().int().meta({ description: "This refund's share of the points the purchase earned." }),
  clawback: z.object({
    points: z.number().int().meta({ description: "Part of pointsReversed the member had already spent." }),
    policy: z.enum(["negative_forbidden_forfeit", "strict"]).meta({ description: "negative_forbidden_forfeit: spent points are forfeited (balances never go negative); strict: the refund is refused with insufficient_points." }),
  }),
  purchase: z.object({ amount: z.number(), refundedAmount: z.number(), pointsEarned: z.number().int(), pointsReversed: z.number().int(), status: z.enum(["partially_refunded", "refunded"]) }),
  balance: balance.nullable(),
}).meta({ id: "RefundResult" });

export const holdSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  points: z.number().int(),
  status: z.literal("active"),
  reference: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  balance: balanceWithHeld,
}).meta({ id: "Hold" });

export const settledHoldSchema = z.object({ id: z.uuid(), status: z.enum(["captured", "voided"]), captured: z.number().int(), released: z.number().int(), balance: balanceWithHeld }).meta({ id: "SettledHold" });

export const historyPageSchema = z.object({
  data: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(["earn", "release", "redeem", "adjust", "reverse", "expire", "hold", "capture", "void"]),
      points: z.number().int(),
      availableDelta: z.number().int(),
      pendingDelta: z.number().int(),
      heldDelta: z.number().int(),
      reason: z.string().nullable(),
      channel: z.string(),
      storeId: z.uuid().nullable(),
      orderRef: z.string().nullable(),
      reversesEntryId: z.number().int().nullable(),
      holdId: z.uuid().nullable(),
      explanation: z.unknown(),
      occurredAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().nullable().meta({ description: "Pass back as cursor for the next page; null at the end." }),
}).meta({ id: "HistoryPage" });

export const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryCodes: z.array(z.string()),
  brand: z.string().nullable(),
  unitCost: z.number().nullable(),
  currency: z.string(),
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
}).meta({ id: "Product" });

export const productPageSchema = z.object({ data: z.array(productSchema), total: z.number().int(), nextCursor: z.string().nullable() });
export const productImportSchema = z.object({ created: z.number().int(), updated: z.number().int() }).catchall(z.unknown());

export const healthSchema = z.object({ status: z.string(), database: z.string() }).catchall(z.unknown());
export const indexSchema = z.object({ name: z.string(), version: z.string(), authentication: z.string(), links: z.record(z.string(), z.string()) });

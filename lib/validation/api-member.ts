import { z } from "zod";
import { reasonSchema } from "./common";
import { consentsSchema, emailSchema, phoneSchema, referralCodeSchema } from "./member";

/** POST /api/v1/members: the integrator's own id is required; unknown fields are refused. */
export const apiCreateMemberSchema = z
  .object({
    externalId: z.string({ error: "externalId is required." }).trim().min(1).max(120),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    name: z.string().trim().min(1).max(120).optional(),
    birthday: z.iso.date({ error: "Use a date like 1990-05-31." }).optional(),
    consents: consentsSchema.optional(),
    /** Another member's referral code; an unknown one answers 422 referral_code_unknown and creates nothing. */
    referralCode: referralCodeSchema.optional(),
  })
  .strict();

/** GET /api/v1/members?…: exactly one identifier. */
export const apiMemberLookupSchema = z
  .object({
    externalId: z.string().trim().min(1).max(120).optional(),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    cardNumber: z.string().trim().regex(/^\d{8,19}$/, { error: "A card number is 8 to 19 digits." }).optional(),
  })
  .strict()
  .refine((q) => [q.externalId, q.email, q.phone, q.cardNumber].filter(Boolean).length === 1, { error: "Give exactly one of externalId, email, phone, cardNumber." });

export const apiAdjustmentSchema = z
  .object({
    points: z.number({ error: "points must be a number." }).int({ error: "points must be a whole number." }).refine((n) => n !== 0 && Math.abs(n) <= 100_000_000, { error: "points must be a non-zero whole number up to 100,000,000." }),
    reason: reasonSchema,
  })
  .strict();

/**
 * PATCH /api/v1/members/{id}: only the fields sent change (null clears an
 * optional one); externalId and card number are not editable; unknown fields are refused.
 */
export const apiUpdateMemberSchema = z
  .object({
    email: emailSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    name: z.string().trim().min(1).max(120).nullable().optional(),
    birthday: z.iso.date({ error: "Use a date like 1990-05-31." }).nullable().optional(),
    consents: consentsSchema.optional(),
  })
  .strict()
  .refine((m) => Object.values(m).some((v) => v !== undefined), { error: "Send at least one field to change." });

export type ApiUpdateMember = z.output<typeof apiUpdateMemberSchema>;

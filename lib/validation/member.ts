import { z } from "zod";
import { idSchema } from "./common";

export const emailSchema = z.email({ error: "Enter a valid email address." }).trim().toLowerCase().max(254);
/** E.164-ish: digits with an optional leading +, spaces and dashes removed. */
export const phoneSchema = z
  .string()
  .transform((p) => p.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+?\d{7,15}$/, { error: "Enter a phone number of 7 to 15 digits." }));

/** What a person types as a referral code; the service normalises and looks it up. */
export const referralCodeSchema = z.string().trim().min(1).max(40);

export const consentsSchema = z
  .object({ terms: z.boolean().optional(), marketing: z.boolean().optional(), personalization: z.boolean().optional() })
  .strict();

export const createMemberSchema = z
  .object({
    programId: idSchema,
    externalId: z.string().trim().min(1).max(120).optional(),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
    name: z.string().trim().min(1).max(120).optional(),
    birthday: z.iso.date({ error: "Use a date like 1990-05-31." }).optional(),
    city: z.string().trim().max(120).optional(),
    consents: consentsSchema.optional(),
    enrolmentChannel: z.enum(["pos", "ecommerce", "app", "portal", "import", "api", "console"]).default("api"),
    enrolledAt: z.date().optional(),
    /** Another member's referral code (checked in the service: unknown, self and same-identity codes are refused). */
    referralCode: referralCodeSchema.optional(),
  })
  .strict();

export type CreateMemberInput = z.input<typeof createMemberSchema>;

import { z } from "zod";
import { BUSINESS_USER_ROLES } from "@/lib/domain/business-accounts/user-permissions";
import { idSchema, MAX_POINTS_PER_OPERATION } from "./common";


/** Business accounts and their users: one schema per input, shared by the API, the portal and the services. */
const accountName = z.string({ error: "name is required." }).trim().min(1, { error: "Enter the company's name." }).max(120, { error: "Up to 120 characters." });
const role = z.enum(BUSINESS_USER_ROLES, { error: "role must be earn, redeem or manage." });
const monthlyLimit = z
  .number({ error: "monthlyRedemptionLimit must be a number or null." })
  .int({ error: "monthlyRedemptionLimit must be a whole number." })
  .min(0, { error: "monthlyRedemptionLimit may not be negative." })
  .max(MAX_POINTS_PER_OPERATION, { error: "monthlyRedemptionLimit is too large." })
  .nullable();

/** The API's body for a new account (unknown fields refused); `adminMemberId` becomes its first user, with `manage`. */
export const apiCreateAccountSchema = z.strictObject({
  name: accountName,
  externalId: z.string().trim().min(1).max(120).optional(),
  adminMemberId: idSchema.optional(),
});
export type ApiCreateAccount = z.output<typeof apiCreateAccountSchema>;

export const createBusinessAccountSchema = apiCreateAccountSchema.extend({ programId: idSchema });
export type CreateBusinessAccountInput = z.input<typeof createBusinessAccountSchema>;

/** Adds a member to an account (or changes one already in it): role and monthly limit (null or absent = no limit). */
export const apiAccountUserSchema = z.strictObject({
  memberId: idSchema,
  role,
  monthlyRedemptionLimit: monthlyLimit.optional(),
});
export type ApiAccountUser = z.output<typeof apiAccountUserSchema>;

export const apiUpdateAccountUserSchema = z
  .strictObject({ role: role.optional(), monthlyRedemptionLimit: monthlyLimit.optional() })
  .refine((u) => u.role !== undefined || u.monthlyRedemptionLimit !== undefined, { error: "Send role, monthlyRedemptionLimit or both." });
export type ApiUpdateAccountUser = z.output<typeof apiUpdateAccountUserSchema>;

export const accountRefSchema = z.strictObject({ programId: idSchema, accountId: idSchema });

export const accountUserInputSchema = z.strictObject({
  programId: idSchema,
  accountId: idSchema,
  memberId: idSchema,
  role: role.optional(),
  monthlyRedemptionLimit: monthlyLimit.optional(),
});
export type AccountUserInput = z.input<typeof accountUserInputSchema>;

export const apiAccountActivityQuerySchema = z.strictObject({
  cursor: z.coerce.number({ error: "cursor must be a number." }).int().positive().optional(),
  limit: z.coerce.number({ error: "limit must be a number." }).int().min(1).max(100).default(25),
  memberId: idSchema.optional(),
});
export type ApiAccountActivityQuery = z.output<typeof apiAccountActivityQuerySchema>;

/**
 * The portal's invite form: the buyer's email (a member is enrolled when
 * there is none), an optional name, the role and the monthly limit as typed
 * (empty = no limit). Messages are keys of the BusinessAccount.errors namespace.
 */
export const inviteBuyerSchema = z.object({
  email: z.email({ error: "email" }).trim().toLowerCase().max(254, { error: "email" }),
  name: z.string().trim().max(120, { error: "name" }).optional().transform((v) => v || undefined),
  role: z.enum(BUSINESS_USER_ROLES, { error: "role" }),
  monthlyRedemptionLimit: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > MAX_POINTS_PER_OPERATION) {
        ctx.addIssue({ code: "custom", message: "limit" });
        return z.NEVER;
      }
      return n;
    }),
});
export type InviteBuyerInput = z.input<typeof inviteBuyerSchema>;

/** The portal's form to change a user's role and limit. */
export const updateBuyerSchema = inviteBuyerSchema.pick({ role: true, monthlyRedemptionLimit: true }).extend({ memberId: idSchema });


import { z } from "zod";
import { idSchema, reasonSchema } from "./common";
import { HISTORY_FILTERS } from "@/lib/domain/ledger/explain-entry";

/** Console member search: free text over name, email, phone and card number; 1-based pages. */
export const searchMembersSchema = z
  .object({
    programId: idSchema,
    q: z.string().trim().max(200, { error: "The search is too long." }).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .strict();

export const historyFilterSchema = z.enum(Object.keys(HISTORY_FILTERS) as [keyof typeof HISTORY_FILTERS, ...(keyof typeof HISTORY_FILTERS)[]]);

/** A page of one member's explained history (console or portal). */
export const memberHistoryQuerySchema = z
  .object({
    programId: idSchema,
    memberId: idSchema,
    filter: historyFilterSchema.optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict();

/** A manual tier override: the tier to hold (or none), until when, and why. */
export const overrideMemberTierSchema = z
  .object({
    programId: idSchema,
    memberId: idSchema,
    tierKey: z.string({ error: "Pick a tier." }).trim().min(1, { error: "Pick a tier." }).max(100),
    until: z.date({ error: "Pick the date the override ends." }),
    reason: reasonSchema,
  })
  .strict();

export type SearchMembersInput = z.input<typeof searchMembersSchema>;
export type MemberHistoryQuery = z.input<typeof memberHistoryQuerySchema>;
export type OverrideMemberTierInput = z.input<typeof overrideMemberTierSchema>;

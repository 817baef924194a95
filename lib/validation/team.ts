import { z } from "zod";
import { idSchema } from "./common";
import { emailSchema } from "./member";
import { passwordSchema } from "./auth";

export const ROLES = ["owner", "admin", "marketer", "analyst", "staff"] as const;

export const addTeamMemberSchema = z
  .object({
    programId: idSchema,
    email: emailSchema,
    name: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES, { error: "Pick a role." }),
    /** Organization-wide (every program) instead of this program only; owners and admins only. */
    allPrograms: z.boolean().default(false),
    storeIds: z.array(idSchema).default([]),
    extraPermissions: z.array(z.enum(["points:adjust"])).default([]),
    /** Set directly (CLI bootstrap); otherwise the person sets it from an invitation link. */
    password: passwordSchema.optional(),
  })
  .strict()
  .refine((v) => v.role !== "staff" || v.storeIds.length > 0, { error: "Staff need at least one store.", path: ["storeIds"] })
  .refine((v) => !v.allPrograms || v.role === "owner" || v.role === "admin", { error: "Only owners and admins can cover every program.", path: ["allPrograms"] });

export type AddTeamMemberInput = z.input<typeof addTeamMemberSchema>;

export const createStoreSchema = z
  .object({
    programId: idSchema,
    code: z.string().trim().regex(/^[A-Z0-9-]{2,20}$/, { error: "Use 2–20 capital letters, digits and dashes." }),
    name: z.string().trim().min(2).max(80),
    city: z.string().trim().max(80).optional(),
  })
  .strict();

export type CreateStoreInput = z.input<typeof createStoreSchema>;

/** Roles a program's team manager hands out; owners are made from the CLI. */
export const GRANTABLE_ROLES = ["admin", "marketer", "analyst", "staff"] as const;

/** Stores and "may adjust points" only mean something for store staff. */
const staffAccess = {
  role: z.enum(GRANTABLE_ROLES, { error: "Pick a role." }),
  storeIds: z.array(idSchema).default([]),
  extraPermissions: z.array(z.enum(["points:adjust"])).default([]),
};

function staffRules<T extends { role: string; storeIds: string[]; extraPermissions: string[] }>(v: T): T {
  return v.role === "staff" ? v : { ...v, storeIds: [], extraPermissions: [] };
}

export const inviteTeamMemberSchema = z
  .object({
    programId: idSchema,
    email: emailSchema,
    name: z.string().trim().max(120).optional().transform((n) => (n ? n : undefined)),
    ...staffAccess,
    /** Origin the invitation link points at (the console's own address). */
    appUrl: z.url(),
  })
  .strict()
  .refine((v) => v.role !== "staff" || v.storeIds.length > 0, { error: "Staff need at least one store.", path: ["storeIds"] })
  .transform(staffRules);

export type InviteTeamMemberInput = z.input<typeof inviteTeamMemberSchema>;

export const changeTeamMemberSchema = z
  .object({ programId: idSchema, membershipId: idSchema, ...staffAccess })
  .strict()
  .refine((v) => v.role !== "staff" || v.storeIds.length > 0, { error: "Staff need at least one store.", path: ["storeIds"] })
  .transform(staffRules);

export type ChangeTeamMemberInput = z.input<typeof changeTeamMemberSchema>;

export const removeTeamMemberSchema = z.object({ programId: idSchema, membershipId: idSchema }).strict();

export type RemoveTeamMemberInput = z.input<typeof removeTeamMemberSchema>;

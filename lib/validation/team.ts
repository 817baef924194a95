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

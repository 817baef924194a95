import { z } from "zod";

/**
 * `bi grant-readonly`: a role name PostgreSQL takes unquoted (lower case, so
 * BI tools need no quoting either) and an optional password. Names starting
 * with pg_ are reserved by PostgreSQL.
 */
export const grantBiReadonlySchema = z.strictObject({
  role: z
    .string({ error: "A role name is required." })
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: "Use 1–63 lower-case letters, digits or underscores, not starting with a digit." })
    .refine((name) => !name.startsWith("pg_"), { error: "Names starting with pg_ are reserved by PostgreSQL." }),
  password: z.string().min(12, { error: "The password must be at least 12 characters." }).max(200).optional(),
});

export type GrantBiReadonlyInput = z.input<typeof grantBiReadonlySchema>;

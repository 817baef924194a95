import { z } from "zod";
import { idSchema } from "./common";

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const optionalDay = z
  .union([z.iso.date({ error: "Use a date like 2026-03-31." }), z.literal("")])
  .optional()
  .transform((v) => (v ? v : undefined));

/** Audit log filters, from the page's search params or the CSV export's query string. */
export const auditFilterSchema = z
  .object({
    programId: idSchema,
    /** Action prefix: "team" matches team.add, team.change, team.remove. */
    action: optionalText(60),
    /** The actor's email, or a raw actor id (API key id, system label). */
    actor: optionalText(254),
    /** Calendar days in the program's time zone, both inclusive. */
    from: optionalDay,
    to: optionalDay,
  })
  .strict();

export const auditPageSchema = auditFilterSchema.extend({
  /** Cursor: entries older than this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditPageInput = z.input<typeof auditPageSchema>;

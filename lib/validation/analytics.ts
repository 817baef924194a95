import { z } from "zod";
import { idSchema } from "./common";

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export const calendarDaySchema = z
  .string({ error: "Use a date as YYYY-MM-DD." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date as YYYY-MM-DD." })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, { error: "That date does not exist." });

export const refreshPredictionsSchema = z.strictObject({ programId: idSchema, asOf: calendarDaySchema.optional() });
export const readPredictionsSchema = z.strictObject({ programId: idSchema });

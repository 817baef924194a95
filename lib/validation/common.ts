import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

/** The most points one operation may move: far above any real basket, far below int4. */
export const MAX_POINTS_PER_OPERATION = 100_000_000;

export const pointsSchema = z
  .number({ error: "Points must be a number." })
  .int({ error: "Points must be a whole number." })
  .positive({ error: "Points must be greater than zero." })
  .max(MAX_POINTS_PER_OPERATION, { error: `Points may not exceed ${MAX_POINTS_PER_OPERATION.toLocaleString("en")}.` });

export const idSchema = z.uuid({ error: "Must be a valid id." });

export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, { error: "The idempotency key may not be empty." })
  .max(255, { error: "The idempotency key may not exceed 255 characters." });

export const reasonSchema = z
  .string({ error: "A reason is required." })
  .trim()
  .min(3, { error: "The reason must be at least 3 characters." })
  .max(500, { error: "The reason may not exceed 500 characters." });

/** Parses or throws a ValidationError whose fields name every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  throw new ValidationError(fields);
}

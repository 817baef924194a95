import { z } from "zod";
import { MAX_TRANSFER_POINTS, parseDecimalRate } from "@/lib/domain/coalition/exchange-rate";
import { idempotencyKeySchema, idSchema, pointsSchema } from "./common";

/** Points moved in one transfer, in the source program's points. */
export const transferPointsField = pointsSchema.max(MAX_TRANSFER_POINTS, { error: `At most ${MAX_TRANSFER_POINTS.toLocaleString("en-US")} points per transfer.` });

/** A transfer between sister programs, as every transport hands it to the service. */
export const transferPointsSchema = z.strictObject({
  fromProgramId: idSchema,
  memberId: idSchema,
  toProgramId: idSchema,
  points: transferPointsField,
  idempotencyKey: idempotencyKeySchema.optional(),
  channel: z.enum(["portal", "api", "console", "system"]).default("system"),
});
export type TransferPointsInput = z.input<typeof transferPointsSchema>;

/** POST /api/v1/transfers: the member of the key's program, and where the points go (a program id or slug). */
export const apiTransferSchema = z.strictObject({
  memberId: idSchema,
  toProgram: z.string().trim().min(1, { error: "Name the target program (id or slug)." }).max(120),
  points: transferPointsField,
});

/** A coalition link typed in the console: the rate as a decimal ("0.5" = 1 point of A is 0.5 of B). */
export const setCoalitionRateSchema = z.strictObject({
  fromProgramId: idSchema,
  toProgramId: idSchema,
  rate: z
    .string()
    .trim()
    .transform((text, ctx) => {
      const rate = parseDecimalRate(text);
      if (!rate) ctx.addIssue({ code: "custom", message: "Enter a rate greater than zero, with up to 4 decimals." });
      return rate ?? { numerator: 1, denominator: 1 };
    }),
});
export type SetCoalitionRateInput = z.input<typeof setCoalitionRateSchema>;

import { z } from "zod";
import { idSchema } from "./common";

/** Copy a plan, the reward catalog or one campaign to a sister program. */
export const copyToProgramSchema = z
  .strictObject({
    kind: z.enum(["plan", "rewards", "campaign"]),
    fromProgramId: idSchema,
    toProgramId: idSchema,
    campaignId: idSchema.optional(),
  })
  .refine((c) => c.kind !== "campaign" || c.campaignId !== undefined, { error: "Name the campaign to copy.", path: ["campaignId"] });
export type CopyToProgramInput = z.input<typeof copyToProgramSchema>;

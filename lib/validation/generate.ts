import { z } from "zod";
import { MAX_GENERATED_MEMBERS } from "@/lib/domain/generate/synthetic-data";

/** Input of the synthetic data generator (`npm run cli -- generate`). */
export const generateDataSchema = z.object({
  programSlug: z.string().trim().min(1, { error: "Name the program (--program)." }),
  members: z.int({ error: "members must be a whole number." }).min(1).max(MAX_GENERATED_MEMBERS),
  purchases: z.int({ error: "purchases must be a whole number." }).min(0).max(1_000_000_000),
  seed: z.int({ error: "seed must be a whole number." }).min(0).max(2 ** 32 - 1).default(1),
});

export type GenerateDataInput = z.input<typeof generateDataSchema>;

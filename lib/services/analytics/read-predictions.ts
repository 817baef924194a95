import { getLatestPredictionFit } from "@/db/queries/predictions";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/common";
import { readPredictionsSchema } from "@/lib/validation/analytics";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import type { BgNbdSummary, GammaGammaSummary, HoldoutSummary, PredictionDistributions } from "./refresh-predictions";

export type PredictionsView = {
  currency: string;
  fit: {
    id: string;
    asOf: string;
    customers: number;
    fittedAt: Date;
    durationMs: number;
    bgNbd: BgNbdSummary;
    gammaGamma: GammaGammaSummary | null;
    holdout: HoldoutSummary | null;
    distributions: PredictionDistributions | null;
  } | null;
};

/** The newest fit of the program, as the console shows it (analytics:read). */
export async function readPredictions(db: Executor, actor: Actor, input: { programId: string }): Promise<PredictionsView> {
  const program = await authorizeProgram(db, actor, "analytics:read", input?.programId);
  parseInput(readPredictionsSchema, input);
  const row = await getLatestPredictionFit(db, program.id);
  return {
    currency: program.currency,
    fit: row
      ? {
          id: row.id,
          asOf: row.asOf,
          customers: row.customers,
          fittedAt: row.fittedAt,
          durationMs: row.durationMs,
          bgNbd: row.bgNbd as BgNbdSummary,
          gammaGamma: (row.gammaGamma as GammaGammaSummary | null) ?? null,
          holdout: (row.holdout as HoldoutSummary | null) ?? null,
          distributions: (row.distributions as PredictionDistributions | null) ?? null,
        }
      : null,
  };
}

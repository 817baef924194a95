/**
 * Everything the console shows about one member's future, from the fitted
 * models and the member's own purchases: the glue between the per-concept
 * modules, still pure (the service loads purchases, fits, and stores).
 */
import { expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit, type BgNbdParams } from "./bg-nbd";
import { customerLifetimeValue } from "./clv";
import { summarizeCustomer, type CustomerSummary, type Purchase } from "./customer-summary";
import { favouriteCategory } from "./favourite-category";
import { expectedAverageSpend, fitGammaGamma, type GammaGammaFit, type GammaGammaParams } from "./gamma-gamma";
import { predictReplenishments, type Replenishment, type ReplenishmentOptions } from "./replenishment";

export type FittedModels = { bgNbd: BgNbdParams; gammaGamma: GammaGammaParams | null };

/**
 * Fits both models on a population's summaries. The spend model needs repeat
 * buyers and a finite population mean (q > 1); without them it is null and
 * spend-based predictions are left out rather than made up.
 */
export function fitModels(summaries: readonly CustomerSummary[]): { bgNbd: BgNbdFit; gammaGamma: GammaGammaFit | null } {
  const bgNbd = fitBgNbd(summaries);
  const spend = summaries.filter((s) => s.x > 0 && s.meanRepeatSpend !== null && s.meanRepeatSpend > 0);
  if (spend.length === 0) return { bgNbd, gammaGamma: null };
  const gammaGamma = fitGammaGamma(spend.map((s) => ({ x: s.x, meanSpend: s.meanRepeatSpend! })));
  return { bgNbd, gammaGamma: gammaGamma.params.q > 1 ? gammaGamma : null };
}

export type PredictionOptions = {
  /** The day the predictions are made (YYYY-MM-DD): purchases up to and including it count. */
  asOf: string;
  /** Horizon of expected purchases and CLV, in weeks. */
  horizonWeeks: number;
  margin: number;
  annualDiscountRate: number;
  replenishment?: ReplenishmentOptions;
};

export type MemberPrediction = {
  summary: CustomerSummary;
  probabilityAlive: number;
  expectedPurchases: number;
  /** Expected spend per purchase; null without a usable spend model. */
  expectedSpend: number | null;
  clv: number | null;
  favouriteCategory: string | null;
  replenishments: Replenishment[];
};

/** Null for a member with no purchase by `asOf`. */
export function predictMember(models: FittedModels, purchases: readonly Purchase[], options: PredictionOptions): MemberPrediction | null {
  const upToDate = purchases.filter((p) => p.date <= options.asOf);
  const summary = summarizeCustomer(upToDate, { calibrationEnd: options.asOf });
  if (!summary) return null;
  const expectedSpend = models.gammaGamma ? expectedAverageSpend(models.gammaGamma, { x: summary.x, meanSpend: summary.meanRepeatSpend }) : null;
  const clv =
    expectedSpend === null
      ? null
      : customerLifetimeValue({
          params: models.bgNbd,
          history: summary,
          expectedSpend,
          margin: options.margin,
          horizonWeeks: options.horizonWeeks,
          annualDiscountRate: options.annualDiscountRate,
        }).value;
  return {
    summary,
    probabilityAlive: probabilityAlive(models.bgNbd, summary),
    expectedPurchases: expectedPurchases(models.bgNbd, summary, options.horizonWeeks),
    expectedSpend,
    clv,
    favouriteCategory: favouriteCategory(upToDate)?.category ?? null,
    replenishments: predictReplenishments(upToDate, options.replenishment),
  };
}

import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";
import { programs } from "./tenancy";

/**
 * One row per fit of the customer-base models on a program's purchases up to
 * `as_of` (BG/NBD and Gamma-Gamma parameters, the holdout check when the
 * history allows one). The newest row is what the console shows.
 */
export const predictionFits = pgTable("prediction_fits", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  asOf: date("as_of", { mode: "string" }).notNull(),
  /** Members with at least one purchase by as_of. */
  customers: integer("customers").notNull(),
  /** { r, alpha, a, b, logLikelihood } */
  bgNbd: jsonb("bg_nbd").notNull(),
  /** { p, q, gamma, logLikelihood, customers }; null without a usable spend model. */
  gammaGamma: jsonb("gamma_gamma"),
  /** The holdout check on the program's own history (lib/services/analytics/refresh-predictions.ts); null when too short. */
  holdout: jsonb("holdout"),
  /** Members per RFM segment, p(alive) and CLV histograms: what the console charts, computed once. */
  distributions: jsonb("distributions"),
  durationMs: integer("duration_ms").notNull(),
  fittedAt: tstz("fitted_at").notNull(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("prediction_fits_program_time_idx").on(t.programId, t.fittedAt),
]);

/** The latest predictions of each member who has bought (replaced on every refresh). Money in minor units. */
export const memberPredictions = pgTable("member_predictions", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  memberId: uuid("member_id").notNull(),
  asOf: date("as_of", { mode: "string" }).notNull(),
  /** Repeat purchase occasions up to as_of (BG/NBD x). */
  frequency: integer("frequency").notNull(),
  pAlive: doublePrecision("p_alive").notNull(),
  expectedPurchases90d: doublePrecision("expected_purchases_90d").notNull(),
  /** Gamma-Gamma expected spend per purchase; null without a spend model. */
  expectedSpendMinor: doublePrecision("expected_spend_minor"),
  /** Discounted value of the next 12 months; null without a spend model. */
  clv12mMinor: doublePrecision("clv_12m_minor"),
  /** The CLV's bin (0–9) in the distribution of the fit that wrote this row (lib/domain/analytics/clv-bins.ts); null without a CLV. */
  clvBin: smallint("clv_bin"),
  rfmR: smallint("rfm_r").notNull(),
  rfmF: smallint("rfm_f").notNull(),
  rfmM: smallint("rfm_m").notNull(),
  rfmSegment: text("rfm_segment").notNull(),
  favouriteCategory: text("favourite_category"),
  replenishmentCategory: text("replenishment_category"),
  replenishmentDate: date("replenishment_date", { mode: "string" }),
  fittedAt: tstz("fitted_at").notNull(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.memberId] }),
  index("member_predictions_segment_idx").on(t.programId, t.rfmSegment),
]);

import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { programs } from "./tenancy";

export const planSimulationStatus = pgEnum("plan_simulation_status", ["queued", "running", "completed", "failed"]);

/**
 * One "what if" run of the plan simulator: a candidate plan version (usually
 * the draft) and the live plan replayed over the program's real purchases in
 * a window of local dates. Both plan documents are copied in when the run is
 * started, so later edits to the draft never change what a finished run says.
 * The job updates `processed` as it goes (the console's progress bar) and
 * writes `results` once at the end.
 */
export const planSimulations = pgTable("plan_simulations", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  status: planSimulationStatus("status").notNull().default("queued"),
  candidateVersionId: uuid("candidate_version_id").notNull(),
  candidateVersion: integer("candidate_version").notNull(),
  candidateName: text("candidate_name").notNull(),
  candidateDefinition: jsonb("candidate_definition").notNull(),
  /** The general version live when the run was started (null: the program had none). */
  baselineVersionId: uuid("baseline_version_id"),
  baselineVersion: integer("baseline_version"),
  baselineName: text("baseline_name"),
  baselineDefinition: jsonb("baseline_definition").notNull(),
  /** Inclusive local dates in the program's time zone. */
  fromDate: date("from_date", { mode: "string" }).notNull(),
  toDate: date("to_date", { mode: "string" }).notNull(),
  /** Member purchases in the window (known once the job starts) and how many have been replayed. */
  total: integer("total"),
  processed: integer("processed").notNull().default(0),
  /** SimulationResults (lib/domain/simulation/types.ts) once completed. */
  results: jsonb("results"),
  error: text("error"),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  startedAt: tstz("started_at"),
  finishedAt: tstz("finished_at"),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("plan_simulations_program_time_idx").on(t.programId, t.createdAt),
]);

import type { Command } from "commander";
import { listAllProgramIdsForJobs } from "@/lib/services/programs/list-programs";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { rebuildKpiRollups, verifyKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { runWithDatabase } from "../run-with-database";

export function registerRollupCommands(cli: Command) {
  const rollups = cli.command("rollups").description("The daily KPI rollups behind the analytics dashboard");
  rollups
    .command("rebuild")
    .description("Recompute the rollup, the cohort heatmap's member-months (the program's and per store and channel) and the totals of one program (or all) from the base tables")
    .option("--program <slug>", "one program only")
    .action((options: { program?: string }) =>
      runWithDatabase(async ({ db }) => {
        const ids = options.program ? [(await requireProgramBySlug(db, options.program)).id] : await listAllProgramIdsForJobs(db);
        for (const programId of ids) {
          const started = performance.now();
          const done = await rebuildKpiRollups(db, { programId });
          console.log(`${programId}: ${done.rows} rollup rows, ${done.memberMonths} member-months, ${done.dimensionMonths} per store and channel in ${Math.round(performance.now() - started)} ms`);
        }
        return 0;
      }),
    );
  rollups
    .command("verify")
    .description("Compare the stored rollup, cohort heatmap, per-store, per-channel, per-tier and per-segment summaries and tier and points totals with a fresh recomputation; exit 1 on any difference")
    .option("--program <slug>", "one program only")
    .action((options: { program?: string }) =>
      runWithDatabase(async ({ db }) => {
        const ids = options.program ? [(await requireProgramBySlug(db, options.program)).id] : await listAllProgramIdsForJobs(db);
        let ok = true;
        for (const programId of ids) {
          const result = await verifyKpiRollups(db, { programId });
          ok &&= result.ok;
          const { memberDimensions, cohorts, dimensions, totals } = result;
          const differences = [
            result.differingDays.length ? `; days ${result.differingDays.slice(0, 20).join(", ")}` : "",
            memberDimensions.differing.length ? `; per tier and segment ${memberDimensions.differing.slice(0, 20).join(", ")}` : "",
            cohorts.differingMonths.length ? `; member-months ${cohorts.differingMonths.join(", ")}` : "",
            cohorts.differingCells.length ? `; cohort cells (stored/fresh) ${cohorts.differingCells.join(", ")}` : "",
            dimensions.differing.length ? `; per store and channel ${dimensions.differing.join(", ")}` : "",
            totals.differingTiers.length ? `; members per tier (stored/fresh) ${totals.differingTiers.join(", ")}` : "",
            totals.differingMoves.length ? `; tier moves (stored/fresh) ${totals.differingMoves.join(", ")}` : "",
            totals.outstanding.stored !== totals.outstanding.fresh ? `; outstanding points (stored/fresh) ${totals.outstanding.stored}/${totals.outstanding.fresh}` : "",
          ].join("");
          console.log(`${programId}: ${result.ok ? "ok" : "DIFFERS"} (${result.rows} rows, ${cohorts.memberMonths} member-months${differences})`);
        }
        return ok ? 0 : 1;
      }),
    );
}

import type { Command } from "commander";
import { predictForCli, predictionReport } from "@/lib/services/analytics/refresh-predictions";
import { runWithDatabase } from "../run-with-database";

const fmt = (n: number, digits = 3) => n.toFixed(digits);

export function registerPredictCommands(cli: Command) {
  cli
    .command("predict")
    .description("Fit BG/NBD and Gamma-Gamma on a program's purchases up to a date and summarise the predictions")
    .requiredOption("--program <slug>", "program whose purchases to fit")
    .requiredOption("--as-of <YYYY-MM-DD>", "last day of purchases the fit sees (the holdout is what comes after)")
    .option("--save", "also store the member predictions and the fit, as the daily job does")
    .option("--json", "print the result as JSON")
    .action((o: { program: string; asOf: string; save?: boolean; json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const report = predictionReport(await predictForCli(db, { programSlug: o.program, asOf: o.asOf, save: o.save }));
        if (o.json) {
          console.log(JSON.stringify(report));
          return;
        }
        const { bgnbd, gammaGamma, holdout } = report;
        const lines = [
          `Predictions for ${report.program} as of ${report.asOf}: ${report.customers} customers (fit in ${report.durationMs} ms)`,
          `  BG/NBD       r=${fmt(bgnbd.r)} alpha=${fmt(bgnbd.alpha)} a=${fmt(bgnbd.a)} b=${fmt(bgnbd.b)} ln L=${fmt(bgnbd.logLikelihood, 2)}`,
          gammaGamma ? `  Gamma-Gamma  p=${fmt(gammaGamma.p)} q=${fmt(gammaGamma.q)} gamma=${fmt(gammaGamma.gamma)} (${gammaGamma.customers} repeat buyers)` : "  Gamma-Gamma  not fitted (no repeat buyers or q ≤ 1)",
          `  Mean P(alive) ${fmt(report.meanProbabilityAlive)}; expected purchases next 90 days ${fmt(report.expectedPurchases90d, 1)}; mean 12-month CLV ${report.meanClv12m === null ? "—" : `${fmt(report.meanClv12m, 2)} ${report.currency}`}`,
          `  RFM segments ${Object.entries(report.rfmSegments).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(", ")}`,
        ];
        if (holdout) {
          lines.push(`  Holdout ${holdout.calibrationEnd} → ${holdout.holdoutEnd} (${fmt(holdout.holdoutWeeks, 1)} weeks): predicted ${fmt(holdout.predicted, 0)} vs actual ${holdout.actual} repeat purchases (${(holdout.relativeError * 100).toFixed(1)}%)`);
          lines.push(`    x:         ${holdout.buckets.map((b) => b.frequency.padStart(6)).join("")}`);
          lines.push(`    customers: ${holdout.buckets.map((b) => String(b.customers).padStart(6)).join("")}`);
          lines.push(`    actual:    ${holdout.buckets.map((b) => fmt(b.actual, 2).padStart(6)).join("")}`);
          lines.push(`    predicted: ${holdout.buckets.map((b) => fmt(b.predicted, 2).padStart(6)).join("")}`);
        } else lines.push("  Holdout: not enough history after the as-of date");
        console.log(lines.join("\n"));
      }),
    );
}

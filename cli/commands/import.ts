import path from "node:path";
import type { Command } from "commander";
import { importCdnow } from "@/lib/services/imports/import-cdnow";
import { phaseProgress } from "../progress";
import { runWithDatabase } from "../run-with-database";

export function registerImportCommands(cli: Command) {
  const imports = cli.command("import").description("Import purchase histories");
  imports
    .command("cdnow <file>")
    .description("Import a CDNOW file: one member per customer, one purchase per same-day occasion")
    .requiredOption("--program <slug>", "program to import into (created when missing)")
    .option("--shift-to-today", "move every date so the last purchase was yesterday")
    .option("--json", "print the result as JSON")
    .action((file: string, o: { program: string; shiftToToday?: boolean; json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const started = Date.now();
        const progress = phaseProgress();
        const result = await importCdnow(db, { file: path.resolve(file), programSlug: o.program, shiftToToday: o.shiftToToday, onProgress: progress.update });
        progress.stop();
        const seconds = (Date.now() - started) / 1000;
        if (o.json) console.log(JSON.stringify({ ...result, seconds }));
        else console.log(`Imported into ${result.program.slug} in ${seconds.toFixed(1)} s: ${result.customers} members, ${result.occasions} purchases from ${result.lines} lines, ${result.pointsCredited} points earned, ${result.pointsExpired} expired (dates shifted ${result.dayShift} days).`);
      }),
    );
}

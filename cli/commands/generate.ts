import type { Command } from "commander";
import { generateData } from "@/lib/services/generate/generate-data";
import { phaseProgress } from "../progress";
import { runWithDatabase } from "../run-with-database";

export function registerGenerateCommands(cli: Command) {
  cli
    .command("generate")
    .description("Fill a program with synthetic members, purchases and their points (COPY speed, one transaction, ledger-consistent); counter purchases go to the program's stores, eight made when it has none")
    .requiredOption("--program <slug>", "program to fill (must exist: `program create`)")
    .option("--members <n>", "members to create", "1000")
    .option("--purchases <n>", "purchases spread over them (last 12 months)", "10000")
    .option("--seed <n>", "same seed, same data; also names the rows (gen-<seed>-<n>)", "1")
    .option("--json", "print the summary as JSON")
    .action((o: { program: string; members: string; purchases: string; seed: string; json?: boolean }) =>
      runWithDatabase(async (database) => {
        const progress = phaseProgress();
        const result = await generateData(database, {
          programSlug: o.program,
          members: Number(o.members),
          purchases: Number(o.purchases),
          seed: Number(o.seed),
          onProgress: progress.update,
        });
        progress.stop();
        if (o.json) console.log(JSON.stringify(result));
        else {
          const tiers = Object.entries(result.tiers).map(([tier, n]) => `${tier} ${n}`).join(", ");
          console.log(`Generated into ${result.program.slug} in ${result.seconds} s (${result.rowsPerSecond} rows/s): ${result.members} members, ${result.purchases} purchases, ${result.pointsCredited} points; tiers: ${tiers || "none"}.`);
        }
      }),
    );
}

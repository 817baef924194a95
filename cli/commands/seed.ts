import type { Command } from "commander";
import { seedDemo } from "@/lib/services/demo/seed-demo";
import { formatLogins } from "@/lib/services/demo/seed-on-first-start";
import { phaseProgress } from "../progress";
import { runWithDatabase } from "../run-with-database";

export function registerSeedCommands(cli: Command) {
  const seed = cli.command("seed").description("Load demo data");
  seed
    .command("demo")
    .description("Create the demo program from the full CDNOW history (23,570 members)")
    .option("--sample", "use the 1/10 CDNOW sample instead (faster)")
    .action((o: { sample?: boolean }) =>
      runWithDatabase(async ({ db, location }) => {
        const started = Date.now();
        const progress = phaseProgress();
        const result = await seedDemo(db, { dataset: o.sample ? "sample" : "demo", onProgress: progress.update });
        progress.stop();
        if (!result.created) {
          console.log(`The demo program already exists in ${location}; nothing to do.`);
          return;
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const i = result.import;
        console.log(`Seeded "${result.program.slug}" in ${seconds} s into ${location}: ${i.customers} members, ${i.occasions} purchases (${i.lines} lines), ${i.pointsCredited} points earned, ${i.pointsExpired} expired, ${result.redemptions} redemptions.`);
        console.log(formatLogins(result.logins));
      }),
    );
}

import type { Command } from "commander";
import { findJob, LIFECYCLE_JOBS, startJobWorker } from "@/lib/jobs/lifecycle-jobs";
import { runWithDatabase } from "../run-with-database";

export function registerJobCommands(cli: Command) {
  const jobs = cli.command("jobs").description("Background jobs (expiry, pending release, cleanup)");
  jobs
    .command("run <name>")
    .description(`Run one job now, in this process: ${LIFECYCLE_JOBS.map((j) => j.name).join(", ")}`)
    .option("--json")
    .action((name: string, o: { json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const job = findJob(name);
        if (!job) {
          console.error(`lazo: unknown job "${name}". Jobs: ${LIFECYCLE_JOBS.map((j) => j.name).join(", ")}`);
          return 2;
        }
        const result = await job.run(db, new Date());
        console.log(o.json ? JSON.stringify(result) : `${name}: ${JSON.stringify(result)}`);
      }),
    );
  jobs
    .command("worker")
    .description("Run the job workers in the foreground (for app instances started with LAZO_JOBS=off)")
    .action(() =>
      runWithDatabase(async (database) => {
        const worker = await startJobWorker(database, (line) => console.log(line));
        console.log(`Lazo job worker running on ${database.location} (Ctrl+C to stop).`);
        await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
        await worker.stop();
      }),
    );
}

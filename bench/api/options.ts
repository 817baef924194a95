import { parseArgs } from "node:util";
import { wholeNumberOptions } from "../support/options";

export type BenchOptions = {
  databaseUrl: string;
  members: number;
  purchases: number;
  seed: number;
  /** Seconds per measured run (each scenario × each client count). */
  duration: number;
  clients: number[];
  pgbenchScale: number;
  distDir: string;
  /** Where the app to build and start lives (default: this checkout). */
  appDir: string;
  skipBuild: boolean;
  /** Reuse the loaded database of an earlier run (same program slug) instead of resetting it. */
  reuseData: boolean;
};

const HELP = `npm run bench:api -- [options]
  --database-url URL   PostgreSQL to use (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/lazo_bench; DROPPED and recreated)
  --members N          members to generate (default 1000000)
  --purchases N        purchases to generate (default 2000000; 20000000 takes ~10x longer to load)
  --seed N             generator seed (default 1)
  --duration S         seconds per measured run (default 15)
  --clients LIST       concurrency levels (default 1,8,32,64)
  --pgbench-scale N    pgbench -i scale for TPC-B (default 64: one branch per client at 64 clients)
  --dist-dir DIR       next build folder (default $NEXT_DIST_DIR or .next-bench)
  --app-dir DIR        build and start the app in DIR (default: this checkout), e.g. a clean copy while the tree is being edited
  --skip-build         use the existing build in --dist-dir
  --reuse-data         keep the database from the previous run (skips reset and generation)`;

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      "database-url": { type: "string" },
      members: { type: "string", default: "1000000" },
      purchases: { type: "string", default: "2000000" },
      seed: { type: "string", default: "1" },
      duration: { type: "string", default: "15" },
      clients: { type: "string", default: "1,8,32,64" },
      "pgbench-scale": { type: "string", default: "64" },
      "dist-dir": { type: "string" },
      "app-dir": { type: "string", default: "." },
      "skip-build": { type: "boolean", default: false },
      "reuse-data": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const int = wholeNumberOptions(HELP, values.help);
  return {
    databaseUrl: values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/lazo_bench",
    members: int("members", values.members, 1),
    purchases: int("purchases", values.purchases, 0),
    seed: int("seed", values.seed, 0),
    duration: int("duration", values.duration, 1),
    clients: values.clients.split(",").map((c) => int("clients", c.trim(), 1)),
    pgbenchScale: int("pgbench-scale", values["pgbench-scale"], 1),
    distDir: values["dist-dir"] ?? process.env.NEXT_DIST_DIR ?? ".next-bench",
    appDir: values["app-dir"],
    skipBuild: values["skip-build"],
    reuseData: values["reuse-data"],
  };
}

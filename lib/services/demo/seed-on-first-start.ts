import type { Database } from "@/db/client";
import { getFirstProgram } from "@/db/queries/programs";
import type { Env } from "@/lib/env";
import { seedDemo, type DemoLogin } from "./seed-demo";

/**
 * A fresh embedded database gets the demo on first start (unless LAZO_SEED=none),
 * so `npm run dev` on a new clone shows a living program. A server database is
 * only seeded when LAZO_SEED asks for it explicitly.
 */
export async function seedOnFirstStart(database: Database, env: Env, log: (line: string) => void): Promise<void> {
  const choice = env.LAZO_SEED ?? (database.kind === "pglite" ? "demo" : "none");
  if (choice === "none" || (await getFirstProgram(database.db))) return;
  log(`Lazo: seeding the demo program (${choice === "demo" ? "full CDNOW history" : "CDNOW sample"}) into ${database.location}…`);
  const started = Date.now();
  const result = await seedDemo(database.db, { dataset: choice });
  if (!result.created) return;
  log(`Lazo: demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s — ${result.import.customers.toLocaleString("en")} members, ${result.import.occasions.toLocaleString("en")} purchases.`);
  log(formatLogins(result.logins));
}

export function formatLogins(logins: DemoLogin[]): string {
  const rows = logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(32)} ${l.password ?? ""}   (${l.note})`);
  return ["Demo logins (console and staff desk):", ...rows].join("\n");
}

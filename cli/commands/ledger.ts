import type { Command } from "commander";
import { verifyLedger } from "@/lib/services/ledger/verify-ledger";
import { runWithDatabase } from "../run-with-database";

export function registerLedgerCommands(cli: Command) {
  const ledger = cli.command("ledger").description("Check the points ledger");
  ledger
    .command("verify")
    .description("Check every account against its entries, lots and holds; exit 1 on any problem")
    .option("--json", "print the result as JSON")
    .option("--program <slug>", "check one program only")
    .action((options: { json?: boolean; program?: string }) =>
      runWithDatabase(async ({ db }) => {
        const result = await verifyLedger(db, { programSlug: options.program });
        if (options.json) {
          console.log(JSON.stringify(result));
        } else {
          console.log(`${result.ok ? "ok" : "PROBLEMS"}: ${result.accounts} accounts checked, ${result.problems.length} problems`);
          for (const p of result.problems.slice(0, 50)) console.log(`  ${p.check}: account ${p.accountId ?? "-"} lot ${p.lotId ?? "-"} expected ${p.expected}, found ${p.actual}`);
        }
        return result.ok ? 0 : 1;
      }),
    );
}

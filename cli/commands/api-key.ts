import type { Command } from "commander";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { runWithDatabase } from "../run-with-database";

export function registerApiKeyCommands(cli: Command) {
  const apiKey = cli.command("api-key").description("Manage integration API keys");
  apiKey
    .command("create")
    .description("Create an API key (shown once; only its hash is stored)")
    .requiredOption("--program <slug>", "program the key belongs to")
    .option("--scopes <list>", "comma-separated scopes (default: all)")
    .option("--name <name>", "label shown in the console", "CLI key")
    .option("--json", 'print {"key", "id", "scopes"}')
    .action((o: { program: string; scopes?: string; name: string; json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const program = await requireProgramBySlug(db, o.program);
        const scopes = o.scopes?.split(",").map((s) => s.trim()).filter(Boolean);
        const created = await createApiKey(db, { kind: "system", label: "cli" }, { programId: program.id, name: o.name, scopes: scopes as never });
        if (o.json) console.log(JSON.stringify({ key: created.key, id: created.id, scopes: created.scopes }));
        else console.log(`API key for ${program.slug} (scopes: ${created.scopes.join(", ")}):\n\n  ${created.key}\n\nStore it now: it is not shown again.`);
      }),
    );
}

import type { Command } from "commander";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { defaultApiRateLimit } from "@/lib/services/api/consume-api-quota";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { runWithDatabase } from "../run-with-database";

type CreateOptions = { program: string; scopes?: string; name: string; rateLimit?: string; json?: boolean };

export function registerApiKeyCommands(cli: Command) {
  const apiKey = cli.command("api-key").description("Manage integration API keys");
  apiKey
    .command("create")
    .description("Create an API key (shown once; only its hash is stored)")
    .requiredOption("--program <slug>", "program the key belongs to")
    .option("--scopes <list>", "comma-separated scopes (default: all)")
    .option("--rate-limit <n>", "requests a minute for this key (default: LAZO_API_RATE_LIMIT)")
    .option("--name <name>", "label shown in the console", "CLI key")
    .option("--json", 'print {"key", "id", "scopes", "rateLimitPerMinute"} (null: the server default)')
    .action((o: CreateOptions) =>
      runWithDatabase(async ({ db }) => {
        const program = await requireProgramBySlug(db, o.program);
        const scopes = o.scopes?.split(",").map((s) => s.trim()).filter(Boolean);
        // A typo ("12x") becomes NaN, which the shared schema refuses with its own message.
        const rateLimitPerMinute = o.rateLimit === undefined ? undefined : o.rateLimit.trim() === "" ? Number.NaN : Number(o.rateLimit);
        const created = await createApiKey(db, { kind: "system", label: "cli" }, { programId: program.id, name: o.name, scopes: scopes as never, rateLimitPerMinute });
        if (o.json) console.log(JSON.stringify({ key: created.key, id: created.id, scopes: created.scopes, rateLimitPerMinute: created.rateLimitPerMinute }));
        else {
          const limit = created.rateLimitPerMinute ?? `${defaultApiRateLimit()} (server default)`;
          console.log(`API key for ${program.slug} (scopes: ${created.scopes.join(", ")}; ${limit} requests a minute):\n\n  ${created.key}\n\nStore it now: it is not shown again.`);
        }
      }),
    );
}

import type { Command } from "commander";
import { grantBiReadonlyRole } from "@/lib/services/bi/grant-readonly-role";
import { runWithDatabase } from "../run-with-database";

const CLI_ACTOR = { kind: "system", label: "cli" } as const;

export function registerBiCommands(cli: Command) {
  const bi = cli.command("bi").description("Read-only SQL views for BI tools (schema bi, docs/BI.md)");
  bi.command("grant-readonly")
    .description("Create or update a login role that may only SELECT from schema bi")
    .requiredOption("--role <name>", "role name: lower-case letters, digits, underscores")
    .option("--password <password>", "login password (at least 12 characters); kept as is when omitted")
    .option("--json", 'print {"role", "schema", "views"}')
    .action((o: { role: string; password?: string; json?: boolean }) =>
      runWithDatabase(async (database) => {
        const grant = await grantBiReadonlyRole(database.db, CLI_ACTOR, { role: o.role, password: o.password });
        if (o.json) console.log(JSON.stringify({ role: grant.role, schema: grant.schema, views: grant.views }));
        else console.log(`${grant.created ? "Created" : "Updated"} role ${grant.role}: SELECT on ${grant.views.length} views of schema bi (${grant.views.join(", ")}).`);
        // Embedded PGlite has no network listener: the role exists, but no BI tool can log in with it.
        if (database.kind === "pglite") console.error("lazo: note: this is the embedded database; BI tools need PostgreSQL (DATABASE_URL) to connect with this role.");
      }),
    );
}

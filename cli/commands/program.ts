import type { Command } from "commander";
import { createProgram } from "@/lib/services/programs/create-program";
import { runWithDatabase } from "../run-with-database";

export function registerProgramCommands(cli: Command) {
  const program = cli.command("program").description("Manage loyalty programs");
  program
    .command("create")
    .description("Create a program with the default plan")
    .requiredOption("--slug <slug>", "URL name, e.g. cafe-norte")
    .requiredOption("--name <name>", "display name")
    .option("--currency <code>", "ISO 4217 currency", "MXN")
    .option("--locale <tag>", "locale for numbers and dates", "es-MX")
    .option("--time-zone <zone>", "IANA time zone", "America/Mexico_City")
    .option("--json", "print the program as JSON")
    .action((o: { slug: string; name: string; currency: string; locale: string; timeZone: string; json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const created = await createProgram(db, { slug: o.slug, name: o.name, currency: o.currency, locale: o.locale, timeZone: o.timeZone });
        const out = { id: created.id, slug: created.slug, name: created.name, currency: created.currency, locale: created.locale, timeZone: created.timeZone };
        console.log(o.json ? JSON.stringify(out) : `Created program ${out.slug} (${out.name}, ${out.currency}, ${out.locale}, ${out.timeZone}) id ${out.id}`);
      }),
    );
}

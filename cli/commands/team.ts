import type { Command } from "commander";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { createStore } from "@/lib/services/stores/create-store";
import { addTeamMember } from "@/lib/services/team/add-team-member";
import { listStoresOfProgram } from "@/lib/services/stores/list-stores";
import { runWithDatabase } from "../run-with-database";

const CLI_ACTOR = { kind: "system", label: "cli" } as const;

export function registerTeamCommands(cli: Command) {
  cli
    .command("user")
    .description("Manage console and staff users")
    .command("create")
    .description("Create a user with a role (e.g. the first owner of a new install)")
    .requiredOption("--program <slug>", "program the role applies to")
    .requiredOption("--email <email>")
    .requiredOption("--role <role>", "owner, admin, marketer, analyst or staff")
    .requiredOption("--password <password>", "at least 10 characters")
    .option("--name <name>")
    .option("--all-programs", "owners and admins: every program of the organization")
    .option("--stores <codes>", "staff: comma-separated store codes")
    .option("--can-adjust", "staff: may make manual point adjustments")
    .option("--json")
    .action((o: { program: string; email: string; role: string; password: string; name?: string; allPrograms?: boolean; stores?: string; canAdjust?: boolean; json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const program = await requireProgramBySlug(db, o.program);
        const codes = o.stores?.split(",").map((c) => c.trim()).filter(Boolean) ?? [];
        const stores = await listStoresOfProgram(db, program.id);
        const storeIds = codes.map((code) => stores.find((s) => s.code === code)?.id ?? code);
        const added = await addTeamMember(db, CLI_ACTOR, {
          programId: program.id,
          email: o.email,
          name: o.name,
          role: o.role as never,
          allPrograms: Boolean(o.allPrograms),
          storeIds,
          extraPermissions: o.canAdjust ? ["points:adjust"] : [],
          password: o.password,
        });
        console.log(o.json ? JSON.stringify(added) : `${o.email} is now ${o.role} of ${program.slug}.`);
      }),
    );

  cli
    .command("store")
    .description("Manage stores")
    .command("create")
    .requiredOption("--program <slug>")
    .requiredOption("--code <code>", "e.g. CDMX-01")
    .requiredOption("--name <name>")
    .option("--city <city>")
    .option("--json")
    .action((o: { program: string; code: string; name: string; city?: string; json?: boolean }) =>
      runWithDatabase(async ({ db }) => {
        const program = await requireProgramBySlug(db, o.program);
        const store = await createStore(db, CLI_ACTOR, { programId: program.id, code: o.code, name: o.name, city: o.city });
        console.log(o.json ? JSON.stringify({ id: store.id, code: store.code, name: store.name }) : `Created store ${store.code} (${store.name}) in ${program.slug}.`);
      }),
    );
}

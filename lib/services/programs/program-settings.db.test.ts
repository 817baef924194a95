import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { createProgram } from "@/lib/services/programs/create-program";
import type { UpdateProgramSettingsInput } from "@/lib/validation/program-settings";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { getProgramSettings } from "./get-program-settings";
import { updateProgramSettings } from "./update-program-settings";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

function userOf(program: ProgramRow, role: Role, scope: "program" | "organization" = "program"): Extract<Actor, { kind: "user" }> {
  return {
    kind: "user",
    userId: randomUUID(),
    email: `${role}@example.com`,
    grants: [{ organizationId: program.organizationId, programId: scope === "program" ? program.id : null, role, storeIds: [], extraPermissions: [] }],
  };
}

function form(program: ProgramRow, change: Partial<UpdateProgramSettingsInput> = {}): UpdateProgramSettingsInput {
  return {
    programId: program.id,
    name: program.name,
    pointName: program.pointName,
    locale: program.locale,
    timeZone: program.timeZone,
    pointValue: "",
    clawbackPolicy: "negative_forbidden_forfeit",
    ...change,
  };
}

const auditOf = (programId: string) => listAuditEntries(database.db, { programId, action: "program.settings", limit: 10 });

describe("updateProgramSettings", () => {
  it("saves every field, stores the point value in milli-minor units and audits the changed fields before and after", async () => {
    const program = await makeProgram(database);
    const admin = userOf(program, "admin");
    const result = await updateProgramSettings(
      database.db,
      admin,
      form(program, { name: "Café Norte", pointName: { es: "estrellas", en: "stars" }, locale: "es-co", timeZone: "America/Bogota", pointValue: "0,01", clawbackPolicy: "strict" }),
    );
    expect(result.changed).toBe(true);
    expect(result.settings).toMatchObject({ name: "Café Norte", locale: "es-CO", timeZone: "America/Bogota", pointValueMilli: 1_000, clawbackPolicy: "strict", currency: "MXN" });

    const row = await getProgramById(database.db, program.id);
    expect(row).toMatchObject({ name: "Café Norte", pointName: { es: "estrellas", en: "stars" }, locale: "es-CO", timeZone: "America/Bogota", currency: "MXN" });
    expect(row!.settings).toEqual({ pointValueMilli: 1_000, clawbackPolicy: "strict" });

    const [entry, ...others] = await auditOf(program.id);
    expect(others).toHaveLength(0);
    expect(entry).toMatchObject({ action: "program.settings_update", actorType: "user", actorId: admin.userId, targetType: "program", targetId: program.id });
    expect(entry!.before).toEqual({ name: program.name, pointName: { es: "puntos", en: "points" }, locale: "es-MX", timeZone: "America/Mexico_City", pointValueMilli: null, clawbackPolicy: "negative_forbidden_forfeit" });
    expect(entry!.after).toEqual({ name: "Café Norte", pointName: { es: "estrellas", en: "stars" }, locale: "es-CO", timeZone: "America/Bogota", pointValueMilli: 1_000, clawbackPolicy: "strict" });
  });

  it("audits only what changed, writes nothing when nothing changed, and clears the point value when left empty", async () => {
    const program = await makeProgram(database);
    const owner = userOf(program, "owner", "organization");
    await updateProgramSettings(database.db, owner, form(program, { pointValue: "0.05" }));
    const again = await updateProgramSettings(database.db, owner, form(program, { pointValue: "0.05000" }));
    expect(again.changed).toBe(false);
    expect(await auditOf(program.id)).toHaveLength(1);

    await updateProgramSettings(database.db, owner, form(program, { pointValue: " " }));
    const [latest] = await auditOf(program.id);
    expect(latest!.before).toEqual({ pointValueMilli: 5_000 });
    expect(latest!.after).toEqual({ pointValueMilli: null });
    expect((await getProgramById(database.db, program.id))!.settings).toEqual({ clawbackPolicy: "negative_forbidden_forfeit" });
  });

  it("keeps settings keys it does not edit", async () => {
    const program = await makeProgram(database);
    const { db } = database;
    const { programs } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await db.update(programs).set({ settings: { clawbackPolicy: "strict", futureKey: 7 } as never }).where(eq(programs.id, program.id));
    await updateProgramSettings(db, userOf(program, "admin"), form(program, { pointValue: "1", clawbackPolicy: "strict" }));
    expect((await getProgramById(db, program.id))!.settings).toEqual({ clawbackPolicy: "strict", futureKey: 7, pointValueMilli: 100_000 });
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const program = await makeProgram(database);
    const admin = userOf(program, "admin");
    const bad = form(program, { name: " ", pointName: { es: "", en: "x".repeat(31) }, locale: "fr-FR", timeZone: "Mars/Olympus", pointValue: "-0.01", clawbackPolicy: "maybe" as never });
    await expect(updateProgramSettings(database.db, admin, bad)).rejects.toMatchObject({
      code: "validation_failed",
      fields: {
        name: ["The name must be at least 2 characters."],
        "pointName.es": ["Name the points in this language."],
        "pointName.en": ["The point name may not exceed 30 characters."],
        locale: [expect.stringContaining("es-MX")],
        timeZone: [expect.stringContaining("IANA")],
        pointValue: ["A point cannot be worth less than zero."],
        clawbackPolicy: [expect.any(String)],
      },
    });
    for (const [pointValue, message] of [
      ["0.000001", "Use at most 5 decimals for this currency."],
      ["10000.5", "A point cannot be worth more than 10000."],
      ["1.000,00", "Write the value of one point as a decimal number, such as 0.01."],
      ["+05:00", "Write the value of one point as a decimal number, such as 0.01."],
    ]) {
      await expect(updateProgramSettings(database.db, admin, form(program, { pointValue }))).rejects.toMatchObject({ fields: { pointValue: [message] } });
    }
    await expect(updateProgramSettings(database.db, admin, form(program, { timeZone: "+05:00" }))).rejects.toMatchObject({ fields: { timeZone: [expect.any(String)] } });
    expect(await getProgramById(database.db, program.id)).toEqual(program);
    expect(await auditOf(program.id)).toHaveLength(0);
  });

  it("takes the precision from the currency: a peso without cents allows three decimals", async () => {
    const clp = await createProgram(database.db, { slug: `clp-${randomUUID().slice(0, 8)}`, name: "Café CLP", currency: "CLP", locale: "es-CL", timeZone: "America/Santiago" });
    const admin = userOf(clp, "admin");
    await expect(updateProgramSettings(database.db, admin, form(clp, { pointValue: "0.0005" }))).rejects.toMatchObject({ fields: { pointValue: ["Use at most 3 decimals for this currency."] } });
    const saved = await updateProgramSettings(database.db, admin, form(clp, { pointValue: "1.5" }));
    expect(saved.settings).toMatchObject({ pointValueMilli: 1_500, currency: "CLP", currencyDigits: 0 });
  });

  it("refuses marketers and analysts (forbidden) before reading their input, and writes nothing", async () => {
    const program = await makeProgram(database);
    for (const role of ["marketer", "analyst", "staff"] as const) {
      const someone = userOf(program, role);
      await expect(updateProgramSettings(database.db, someone, form(program, { name: "Tomado", pointValue: "nonsense" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(getProgramSettings(database.db, someone, { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(updateProgramSettings(database.db, { kind: "member", programId: program.id, memberId: randomUUID() }, form(program))).rejects.toMatchObject({ code: "forbidden" });
    expect(await getProgramById(database.db, program.id)).toEqual(program);
    expect(await auditOf(program.id)).toHaveLength(0);
  });

  it("treats another program's admin as not found, and an unknown id too", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    const outsider = userOf(other, "admin");
    await expect(updateProgramSettings(database.db, outsider, form(program, { name: "Secuestrado" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(getProgramSettings(database.db, outsider, { programId: program.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateProgramSettings(database.db, outsider, form(program, { programId: "not-a-uuid" }))).rejects.toMatchObject({ code: "not_found" });
    expect(await getProgramById(database.db, program.id)).toEqual(program);
    expect(await auditOf(program.id)).toHaveLength(0);
  });

  it("reads the settings for an admin with the default policy and no point value", async () => {
    const program = await makeProgram(database);
    expect(await getProgramSettings(database.db, userOf(program, "admin"), { programId: program.id })).toEqual({
      programId: program.id,
      name: program.name,
      pointName: { es: "puntos", en: "points" },
      locale: "es-MX",
      timeZone: "America/Mexico_City",
      currency: "MXN",
      currencyDigits: 2,
      pointValueMilli: null,
      clawbackPolicy: "negative_forbidden_forfeit",
    });
  });
});

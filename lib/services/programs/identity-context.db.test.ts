import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { insertStores } from "@/db/queries/stores";
import type { Actor, Grant } from "@/lib/auth/actor";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { getMySummary } from "@/lib/services/members/get-my-summary";
import { joinProgram } from "@/lib/services/members/join-program";
import { getDeskContext } from "@/lib/services/stores/list-desk-stores";
import { getConsoleProgram } from "./get-console-program";
import { getProgramOverview } from "./get-program-overview";

let database: Database;
let program: Awaited<ReturnType<typeof makeProgram>>;
let storeIds: string[];

const user = (grants: Omit<Grant, "extraPermissions" | "storeIds">[] & Partial<Grant>[]): Extract<Actor, { kind: "user" }> => ({
  kind: "user",
  userId: "00000000-0000-4000-8000-000000000001",
  email: "someone@example.com",
  grants: grants.map((g) => ({ storeIds: [], extraPermissions: [], ...g })),
});

beforeAll(async () => {
  database = await openTestDatabase();
  program = await makeProgram(database);
  const stores = await insertStores(database.db, ["A", "B", "C"].map((code) => ({ programId: program.id, code: `${code}-${program.slug}`, name: `Store ${code}` })));
  storeIds = stores.map((s) => s.id);
});
afterAll(async () => database.close());

describe("console and desk context", () => {
  it("opens the console on a program an organization-wide grant covers", async () => {
    const owner = user([{ organizationId: program.organizationId, programId: null, role: "owner" }]);
    expect((await getConsoleProgram(database.db, owner))?.organizationId).toBe(program.organizationId);
  });

  it("gives store staff no console program, and a desk with only their stores", async () => {
    const cashier = user([{ organizationId: program.organizationId, programId: program.id, role: "staff", storeIds: [storeIds[0]!, storeIds[2]!] }]);
    expect(await getConsoleProgram(database.db, cashier)).toBeNull();
    const desk = await getDeskContext(database.db, cashier);
    expect(desk?.program.id).toBe(program.id);
    expect(desk?.stores.map((s) => s.id).sort()).toEqual([storeIds[0], storeIds[2]].sort());
  });

  it("gives an analyst the console but no desk", async () => {
    const analyst = user([{ organizationId: program.organizationId, programId: program.id, role: "analyst" }]);
    expect((await getConsoleProgram(database.db, analyst))?.id).toBe(program.id);
    expect(await getDeskContext(database.db, analyst)).toBeNull();
  });

  it("hides another organization's overview as not found", async () => {
    const other = await makeProgram(database);
    const outsider = user([{ organizationId: other.organizationId, programId: other.id, role: "owner" }]);
    await expect(getProgramOverview(database.db, outsider, { slug: program.slug })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("portal enrolment and the member's own summary", () => {
  it("enrols with the consents given, mails a code, and shows only the member's own balance", async () => {
    const email = `join-${Date.now()}@example.com`;
    const base = { programId: program.id, name: "Inés Prueba", email, consents: { terms: true, marketing: false, personalization: true }, ip: "203.0.113.50" };
    expect(await joinProgram(database.db, base)).toEqual({ sent: true });
    // Joining again with the same address creates nobody new, and answers the same.
    expect(await joinProgram(database.db, { ...base, name: "Otra Persona" })).toEqual({ sent: true });

    const { findActiveMemberByEmail } = await import("@/db/queries/members");
    const member = await findActiveMemberByEmail(database.db, { programId: program.id, email });
    expect(member).toMatchObject({ name: "Inés Prueba", enrolmentChannel: "portal", consentMarketing: false, consentPersonalization: true });

    const me: Actor = { kind: "member", programId: program.id, memberId: member!.id };
    expect(await getMySummary(database.db, me)).toMatchObject({ name: "Inés Prueba", available: 0, pending: 0, cardNumber: member!.cardNumber });
    const someoneElse: Actor = { kind: "member", programId: program.id, memberId: "00000000-0000-4000-8000-00000000abcd" };
    await expect(getMySummary(database.db, someoneElse)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to enrol without the terms", async () => {
    await expect(
      joinProgram(database.db, { programId: program.id, name: "Sin Términos", email: `t-${Date.now()}@example.com`, consents: { terms: false, marketing: true, personalization: true }, ip: "203.0.113.51" }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { "consents.terms": expect.any(Array) } });
  });
});

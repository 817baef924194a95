import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import { getDraftPlanVersion } from "@/db/queries/plans";
import type { ProgramRow } from "@/db/queries/programs";
import { listRewardsWithCounts } from "@/db/queries/rewards";
import type { Actor, Grant } from "@/lib/auth/actor";
import { createProgram } from "@/lib/services/programs/create-program";
import { chooseConsoleProgram, getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { copyToProgram } from "./copy-to-program";
import { createBrand } from "./create-brand";
import { getOrganizationDashboard } from "./get-organization-dashboard";

let database: Database;
let norte: ProgramRow;
let sur: ProgramRow;
let elsewhere: ProgramRow;
const system = { kind: "system", label: "test" } as const;

const user = (grants: (Omit<Grant, "extraPermissions" | "storeIds"> & Partial<Grant>)[]): Extract<Actor, { kind: "user" }> => ({
  kind: "user",
  userId: randomUUID(),
  email: "someone@example.com",
  grants: grants.map((g) => ({ storeIds: [], extraPermissions: [], ...g })),
});

beforeAll(async () => {
  database = await openTestDatabase();
  norte = await makeProgram(database);
  sur = await createProgram(database.db, { slug: `s-${randomUUID().slice(0, 12)}`, name: "Sur", currency: "CLP", locale: "es-CL", timeZone: "America/Santiago", organizationSlug: norte.slug });
  elsewhere = await makeProgram(database);
});
afterAll(async () => database.close());

describe("the console's program", () => {
  it("opens the program the switcher picked, among the user's own programs only", async () => {
    const owner = user([{ organizationId: norte.organizationId, programId: null, role: "owner" }]);
    expect((await getConsoleProgram(database.db, owner))?.id).toBe(norte.id);
    expect((await getConsoleProgram(database.db, owner, sur.id))?.id).toBe(sur.id);
    // A cookie naming another organization's program (or garbage) falls back to the first program.
    expect((await getConsoleProgram(database.db, owner, elsewhere.id))?.id).toBe(norte.id);
    expect((await getConsoleProgram(database.db, owner, "not-an-id"))?.id).toBe(norte.id);
  });

  it("lets the switcher pick only programs with a role", async () => {
    const marketer = user([{ organizationId: norte.organizationId, programId: sur.id, role: "marketer" }]);
    expect((await chooseConsoleProgram(database.db, marketer, sur.id)).id).toBe(sur.id);
    await expect(chooseConsoleProgram(database.db, marketer, norte.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(chooseConsoleProgram(database.db, marketer, "")).rejects.toMatchObject({ code: "validation_failed" });
    const cashier = user([{ organizationId: norte.organizationId, programId: sur.id, role: "staff" }]);
    await expect(chooseConsoleProgram(database.db, cashier, sur.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("copying between brands", () => {
  it("copies the live plan as the sister's draft, audited in both programs", async () => {
    const marketer = user([{ organizationId: norte.organizationId, programId: norte.id, role: "marketer" }, { organizationId: norte.organizationId, programId: sur.id, role: "marketer" }]);
    const result = await copyToProgram(database.db, marketer, { kind: "plan", fromProgramId: norte.id, toProgramId: sur.id });
    const draft = await getDraftPlanVersion(database.db, { programId: sur.id });
    expect(draft?.id).toBe(result.targetId);
    expect(draft?.status).toBe("draft");
    const audit = await listAuditEntries(database.db, { programId: sur.id, limit: 20 });
    expect(audit.map((a) => a.action)).toContain("plan.copy_in");
  });

  it("copies the reward catalog as drafts", async () => {
    const owner = user([{ organizationId: norte.organizationId, programId: null, role: "owner" }]);
    await createReward(database.db, system, { programId: norte.id, kind: "free_product", name: { es: "Café gratis", en: "Free coffee" }, pointsPrice: 100 });
    const result = await copyToProgram(database.db, owner, { kind: "rewards", fromProgramId: norte.id, toProgramId: sur.id });
    expect(result.copied).toBe(1);
    const copied = await listRewardsWithCounts(database.db, { programId: sur.id });
    expect(copied.map((r) => [r.name.es, r.status])).toEqual([["Café gratis", "draft"]]);
  });

  it("refuses targets without the write permission, and another organization's program as not found", async () => {
    const marketer = user([{ organizationId: norte.organizationId, programId: norte.id, role: "marketer" }, { organizationId: norte.organizationId, programId: sur.id, role: "analyst" }]);
    await expect(copyToProgram(database.db, marketer, { kind: "plan", fromProgramId: norte.id, toProgramId: sur.id })).rejects.toMatchObject({ code: "forbidden" });
    const owner = user([{ organizationId: norte.organizationId, programId: null, role: "owner" }, { organizationId: elsewhere.organizationId, programId: null, role: "owner" }]);
    await expect(copyToProgram(database.db, owner, { kind: "plan", fromProgramId: norte.id, toProgramId: elsewhere.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("brands and the organization dashboard", () => {
  it("lets only organization owners add a brand, which their grant covers at once", async () => {
    const admin = user([{ organizationId: norte.organizationId, programId: null, role: "admin" }]);
    const input = { organizationId: norte.organizationId, name: "Oeste", slug: `o-${randomUUID().slice(0, 12)}` };
    await expect(createBrand(database.db, admin, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createBrand(database.db, user([]), input)).rejects.toMatchObject({ code: "not_found" });
    const owner = user([{ organizationId: norte.organizationId, programId: null, role: "owner" }]);
    const brand = await createBrand(database.db, owner, input);
    expect(brand.organizationId).toBe(norte.organizationId);
    const dashboard = await getOrganizationDashboard(database.db, owner, { organizationId: norte.organizationId });
    expect(dashboard.brands.map((b) => b.program.id)).toEqual([norte.id, sur.id, brand.id]);
    expect(dashboard.canCreateBrand).toBe(true);
  });

  it("shows a user only the brands they may analyse, and another organization not at all", async () => {
    const analyst = user([{ organizationId: norte.organizationId, programId: sur.id, role: "analyst" }]);
    const dashboard = await getOrganizationDashboard(database.db, analyst, { organizationId: norte.organizationId });
    expect(dashboard.brands.map((b) => b.program.id)).toEqual([sur.id]);
    expect(dashboard.canCreateBrand).toBe(false);
    await expect(getOrganizationDashboard(database.db, analyst, { organizationId: elsewhere.organizationId })).rejects.toMatchObject({ code: "not_found" });
  });
});

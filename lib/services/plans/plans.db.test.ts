import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit";
import type { ProgramRow } from "@/db/queries/programs";
import { insertStores } from "@/db/queries/stores";
import { planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { defaultPlan, type PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { makeMember, makeProgram, openTestDatabase } from "@/tests/support/database";
import { discardPlanDraft } from "./discard-plan-draft";
import { getPlanOverview } from "./get-plan-overview";
import { publishPlanDraft } from "./publish-plan-draft";
import { rollbackPlanVersion } from "./rollback-plan-version";
import { getPlanDraft, savePlanDraft } from "./save-plan-draft";
import { testPlanBasket } from "./test-plan-basket";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

function userOf(program: ProgramRow, role: Role): Actor {
  return { kind: "user", userId: randomUUID(), email: `${role}@example.com`, grants: [{ organizationId: program.organizationId, programId: program.id, role, storeIds: [], extraPermissions: [] }] };
}

const doubleWeekends = (): PlanDefinition => ({
  ...defaultPlan(),
  rules: [
    {
      id: "weekend-music",
      name: { es: "Doble en música el fin de semana", en: "Double on music at weekends" },
      priority: 10,
      stacking: "combinable",
      conditions: { daysOfWeek: [0, 6], categories: ["music"] },
      effect: { kind: "multiplier", factor: 2 },
      active: true,
    },
  ],
});

const T0 = new Date("2026-11-20T12:00:00Z");
const T1 = new Date("2026-11-20T13:00:00Z");
const SATURDAY = new Date("2026-11-21T18:00:00Z");

describe("plan designer services", () => {
  it("saves a draft copied from the live plan, publishes it and keeps the old version as history (audited)", async () => {
    const program = await makeProgram(database);
    const marketer = userOf(program, "marketer");
    const start = await getPlanDraft(database.db, marketer, { programId: program.id });
    expect(start.draft).toBeNull();
    expect(start.definition).toEqual(defaultPlan());

    const draft = await savePlanDraft(database.db, marketer, { programId: program.id, name: "Fines de semana", definition: doubleWeekends() }, T0);
    expect(draft).toMatchObject({ status: "draft", version: 2, name: "Fines de semana" });
    // A second save edits the same draft.
    const again = await savePlanDraft(database.db, marketer, { programId: program.id, definition: { ...doubleWeekends(), pendingDays: 7 } }, T0);
    expect(again.id).toBe(draft.id);

    const published = await publishPlanDraft(database.db, marketer, { programId: program.id, draftId: draft.id }, T1);
    expect(published).toMatchObject({ id: draft.id, status: "published", version: 2, effectiveFrom: T1.toISOString(), pilot: null });

    const overview = await getPlanOverview(database.db, marketer, { programId: program.id }, SATURDAY);
    expect(overview.live).toMatchObject({ version: 2, definition: { pendingDays: 7 } });
    expect(overview.draft).toBeNull();
    expect(overview.history.map((h) => [h.version, h.state])).toEqual([[2, "live"], [1, "superseded"]]);

    const audit = await listAuditEntries(database.db, { programId: program.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["plan.draft_save", "plan.publish"]));
    const publish = audit.find((a) => a.action === "plan.publish")!;
    expect(publish.before).toMatchObject({ version: 1 });
    expect(publish.after).toMatchObject({ version: 2, status: "published" });
  });

  it("evaluates purchases against the version live at their time", async () => {
    const program = await makeProgram(database);
    const admin = userOf(program, "admin");
    const draft = await savePlanDraft(database.db, admin, { programId: program.id, definition: doubleWeekends() }, T0);
    await publishPlanDraft(database.db, admin, { programId: program.id, draftId: draft.id }, T1);
    const { id: memberId } = await makeMember(database, program.id);
    const lines = [{ sku: "CD-1", category: "music", quantity: 1, unitPriceMinor: 10_000 }];
    const before = await recordPurchase(database.db, admin, { programId: program.id, memberId, orderId: randomUUID(), amountMinor: 10_000, currency: "MXN", channel: "pos", lines, occurredAt: new Date("2026-11-14T18:00:00Z") }, SATURDAY);
    const after = await recordPurchase(database.db, admin, { programId: program.id, memberId, orderId: randomUUID(), amountMinor: 10_000, currency: "MXN", channel: "pos", lines, occurredAt: SATURDAY }, SATURDAY);
    expect([before.pointsEarned, after.pointsEarned]).toEqual([100, 200]);
    expect([before.explanation.planVersion, after.explanation.planVersion]).toEqual([1, 2]);
  });

  it("never edits a published version: saving makes a new draft and the published row stays as it was", async () => {
    const program = await makeProgram(database);
    const marketer = userOf(program, "marketer");
    const draft = await savePlanDraft(database.db, marketer, { programId: program.id, definition: doubleWeekends() }, T0);
    const published = await publishPlanDraft(database.db, marketer, { programId: program.id, draftId: draft.id }, T1);
    const next = await savePlanDraft(database.db, marketer, { programId: program.id, definition: { ...doubleWeekends(), rules: [] } }, SATURDAY);
    expect(next.id).not.toBe(published.id);
    const [row] = await database.db.select().from(planVersions).where(eq(planVersions.id, published.id));
    expect((row!.definition as PlanDefinition).rules).toHaveLength(1);
    expect(row!.status).toBe("published");
    // Discarding removes only the draft.
    await expect(discardPlanDraft(database.db, marketer, { programId: program.id, draftId: published.id })).rejects.toMatchObject({ code: "not_found" });
    await discardPlanDraft(database.db, marketer, { programId: program.id, draftId: next.id });
    expect((await getPlanOverview(database.db, marketer, { programId: program.id }, SATURDAY)).draft).toBeNull();
    await expect(discardPlanDraft(database.db, marketer, { programId: program.id, draftId: next.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(publishPlanDraft(database.db, marketer, { programId: program.id, draftId: next.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("rolls back by publishing a new version that copies an earlier one", async () => {
    const program = await makeProgram(database);
    const marketer = userOf(program, "marketer");
    const first = (await getPlanOverview(database.db, marketer, { programId: program.id }, T0)).live!;
    const draft = await savePlanDraft(database.db, marketer, { programId: program.id, definition: doubleWeekends() }, T0);
    await publishPlanDraft(database.db, marketer, { programId: program.id, draftId: draft.id }, T1);
    const restored = await rollbackPlanVersion(database.db, marketer, { programId: program.id, versionId: first.id }, SATURDAY);
    expect(restored).toMatchObject({ version: 3, status: "published", definition: defaultPlan() });
    const overview = await getPlanOverview(database.db, marketer, { programId: program.id }, SATURDAY);
    expect(overview.history.map((h) => [h.version, h.state])).toEqual([[3, "live"], [2, "superseded"], [1, "superseded"]]);
    const audit = await listAuditEntries(database.db, { programId: program.id, action: "plan.rollback", limit: 5 });
    expect(audit[0]!.after).toMatchObject({ version: 3, copiedFrom: { version: 1 } });
  });

  it("refuses an invalid plan field by field and writes nothing", async () => {
    const program = await makeProgram(database);
    const marketer = userOf(program, "marketer");
    const bad = doubleWeekends();
    bad.baseRate.points = -1;
    bad.tiers[2]!.threshold = 100;
    bad.rules![0]!.caps = { perTransaction: -5 };
    bad.rules![0]!.conditions.dateRange = { from: "2026-12-10", to: "2026-12-01" };
    await expect(savePlanDraft(database.db, marketer, { programId: program.id, definition: bad })).rejects.toMatchObject({
      code: "validation_failed",
      fields: {
        "definition.baseRate.points": ["rateNotPositive"],
        "definition.tiers.2.threshold": ["tierThresholdOrder"],
        "definition.rules.0.caps.perTransaction": ["capNegative"],
        "definition.rules.0.conditions.dateRange.to": ["dateRangeOrder"],
      },
    });
    expect((await getPlanOverview(database.db, marketer, { programId: program.id })).draft).toBeNull();
  });

  it("lets analysts read but not write, and shows another program's marketer nothing", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    const analyst = userOf(program, "analyst");
    const outsider = userOf(other, "marketer");
    const staff = userOf(program, "staff");
    await expect(getPlanOverview(database.db, analyst, { programId: program.id })).resolves.toMatchObject({ live: { version: 1 } });
    await expect(savePlanDraft(database.db, analyst, { programId: program.id, definition: defaultPlan() })).rejects.toMatchObject({ code: "forbidden" });
    // Refused before the input is even read: an empty request is "forbidden", not "invalid".
    await expect(publishPlanDraft(database.db, analyst, { programId: program.id } as never)).rejects.toMatchObject({ code: "forbidden" });
    await expect(savePlanDraft(database.db, analyst, { programId: program.id } as never)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getPlanOverview(database.db, staff, { programId: program.id })).rejects.toMatchObject({ code: "forbidden" });
    for (const call of [
      () => getPlanOverview(database.db, outsider, { programId: program.id }),
      () => savePlanDraft(database.db, outsider, { programId: program.id, definition: defaultPlan() }),
      () => discardPlanDraft(database.db, outsider, { programId: program.id, draftId: randomUUID() }),
      () => rollbackPlanVersion(database.db, outsider, { programId: program.id, versionId: randomUUID() }),
      () => testPlanBasket(database.db, outsider, { programId: program.id, source: "live", channel: "pos", at: "2026-11-21T12:00", lines: [{ quantity: 1, unitPriceMinor: 100 }] }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "not_found" });
    }
    // A version id of another program is "not found" too.
    const foreign = (await getPlanOverview(database.db, outsider, { programId: other.id })).live!;
    await expect(rollbackPlanVersion(database.db, userOf(program, "marketer"), { programId: program.id, versionId: foreign.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("pilots", () => {
  it("applies a pilot version only to its stores; other purchases keep the general version", async () => {
    const program = await makeProgram(database);
    const admin = userOf(program, "admin");
    const [pilotStore, otherStore] = await insertStores(database.db, [
      { programId: program.id, code: "P-1", name: "Piloto" },
      { programId: program.id, code: "P-2", name: "Resto" },
    ]);
    const draft = await savePlanDraft(database.db, admin, { programId: program.id, definition: doubleWeekends() }, T0);
    const pilot = await publishPlanDraft(database.db, admin, { programId: program.id, draftId: draft.id, pilot: { storeIds: [pilotStore!.id] } }, T1);
    expect(pilot.pilot).toEqual({ storeIds: [pilotStore!.id] });
    const { id: memberId } = await makeMember(database, program.id);
    const buy = (storeId: string) =>
      recordPurchase(database.db, admin, { programId: program.id, memberId, orderId: randomUUID(), amountMinor: 10_000, currency: "MXN", channel: "pos", storeId, lines: [{ category: "music", quantity: 1, unitPriceMinor: 10_000 }], occurredAt: SATURDAY }, SATURDAY);
    const inPilot = await buy(pilotStore!.id);
    const outside = await buy(otherStore!.id);
    expect([inPilot.pointsEarned, outside.pointsEarned]).toEqual([200, 100]);
    expect([inPilot.explanation.planVersion, outside.explanation.planVersion]).toEqual([2, 1]);
    const overview = await getPlanOverview(database.db, admin, { programId: program.id }, SATURDAY);
    expect(overview.live!.version).toBe(1);
    expect(overview.pilots.map((p) => p.version)).toEqual([2]);

    // Rolling the pilot out to everyone is a new general version with the same definition.
    await rollbackPlanVersion(database.db, admin, { programId: program.id, versionId: pilot.id }, new Date("2026-11-21T19:00:00Z"));
    expect((await buy(otherStore!.id)).pointsEarned).toBe(100); // dated before the rollout
    const later = await recordPurchase(database.db, admin, { programId: program.id, memberId, orderId: randomUUID(), amountMinor: 10_000, currency: "MXN", channel: "pos", storeId: otherStore!.id, lines: [{ category: "music", quantity: 1, unitPriceMinor: 10_000 }], occurredAt: new Date("2026-11-22T18:00:00Z") }, new Date("2026-11-22T18:00:00Z"));
    expect(later).toMatchObject({ pointsEarned: 200, explanation: { planVersion: 3 } });
  });

  it("refuses a pilot naming another program's store", async () => {
    const program = await makeProgram(database);
    const other = await makeProgram(database);
    const [foreign] = await insertStores(database.db, [{ programId: other.id, code: "X-1", name: "Ajena" }]);
    const admin = userOf(program, "admin");
    const draft = await savePlanDraft(database.db, admin, { programId: program.id, definition: doubleWeekends() });
    await expect(publishPlanDraft(database.db, admin, { programId: program.id, draftId: draft.id, pilot: { storeIds: [foreign!.id] } })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("testPlanBasket", () => {
  it("shows points per line and why each rule fired or not, for the draft or the live plan", async () => {
    const program = await makeProgram(database);
    const analyst = userOf(program, "analyst");
    await savePlanDraft(database.db, userOf(program, "marketer"), { programId: program.id, definition: doubleWeekends() });
    const basket = { programId: program.id, channel: "pos" as const, lines: [{ sku: "CD-1", category: "music", quantity: 2, unitPriceMinor: 1500 }, { sku: "BK-1", category: "books", quantity: 1, unitPriceMinor: 2000 }] };
    const saturday = await testPlanBasket(database.db, analyst, { ...basket, source: "draft", at: "2026-11-21T12:00" });
    expect(saturday.evaluation).toMatchObject({ points: 80, lines: [{ points: 60 }, { points: 20 }], rules: [{ ruleId: "weekend-music", fired: true, points: 30 }] });
    const monday = await testPlanBasket(database.db, analyst, { ...basket, source: "draft", at: "2026-11-23T12:00" });
    expect(monday.evaluation.rules[0]).toMatchObject({ fired: false, miss: { code: "day", weekday: 1 } });
    const live = await testPlanBasket(database.db, analyst, { ...basket, source: "live", at: "2026-11-21T12:00", tier: "gold" });
    expect(live.evaluation).toMatchObject({ points: 75, tierMultiplier: 1.5, rules: [] });
  });

  it("uses a member's tier when given their card number or email, and says when nobody matches", async () => {
    const program = await makeProgram(database);
    const marketer = userOf(program, "marketer");
    const member = await makeMember(database, program.id);
    const found = await testPlanBasket(database.db, marketer, { programId: program.id, source: "live", channel: "app", at: "2026-11-21T12:00", member: member.email!, lines: [{ quantity: 1, unitPriceMinor: 5000 }] });
    expect(found).toMatchObject({ member: { id: member.id }, evaluation: { points: 50 } });
    await expect(testPlanBasket(database.db, marketer, { programId: program.id, source: "live", channel: "app", at: "2026-11-21T12:00", member: "nobody@example.com", lines: [{ quantity: 1, unitPriceMinor: 5000 }] })).rejects.toMatchObject({ fields: { member: ["memberNotFound"] } });
  });
});

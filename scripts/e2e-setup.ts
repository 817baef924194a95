/**
 * Prepares the e2e database before the server starts (the embedded database
 * allows one process at a time): the CDNOW sample demo, plus the actors of the
 * authorization matrix — a second program, staff of another store, two members.
 * Everything goes through the same services as the app. Writes the ids the
 * tests need to test-results/e2e-fixtures.json.
 */
import fs from "node:fs";
import { openLazoDatabase } from "@/lib/server/open-database";
import { seedDemo, DEMO_PROGRAM_SLUG } from "@/lib/services/demo/seed-demo";
import { createProgram } from "@/lib/services/programs/create-program";
import { requireProgramBySlug } from "@/lib/services/programs/find-program";
import { createStore } from "@/lib/services/stores/create-store";
import { listStoresOfProgram } from "@/lib/services/stores/list-stores";
import { addTeamMember } from "@/lib/services/team/add-team-member";
import { createMember } from "@/lib/services/members/create-member";
import { lookupMembers } from "@/lib/services/members/lookup-members";
import { earnPoints } from "@/lib/services/ledger/earn-points";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { adjustPoints } from "@/lib/services/ledger/adjust-points";
import type { Executor } from "@/db/types";
import { createReward } from "@/lib/services/rewards/manage-rewards";
import { refreshAllKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { createApiKey } from "@/lib/services/api-keys/manage-api-keys";
import { holdPoints } from "@/lib/services/ledger/hold-points";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { setCoalitionRate } from "@/lib/services/coalition/manage-coalition";
import { oneTimeCodes } from "@/db/schema";
import { businessAccountsProgram } from "./e2e-setup-b2b";
import { leaderboardProgram } from "./e2e-setup-leaderboard";
import { localDateOf } from "@/lib/domain/campaigns/triggers";
import { ignoreExisting, system } from "./e2e-setup-shared";

export const E2E_PASSWORD = "lazo-e2e-password-2026";
async function historyMember(db: Executor, programId: string, storeId: string) {
  const email = "member-h@e2e.example";
  await ignoreExisting(() => createMember(db, { programId, email, name: "Hugo Historia", externalId: "e2e-h", enrolmentChannel: "console", consents: { terms: true } }));
  const [member] = await lookupMembers(db, system, { programId, externalId: "e2e-h" });
  const memberId = member!.id;
  await recordPurchase(db, system, { programId, memberId, orderId: "E2E-H-0001", storeId, amountMinor: 45_000, currency: "USD", channel: "pos" });
  for (let i = 1; i <= 22; i++) await earnPoints(db, { programId, memberId, points: 10 + i, reason: `Bono Hugo ${i}`, idempotencyKey: `e2e-h-bonus-${i}` });
  await redeemPoints(db, { programId, memberId, points: 50, reason: "Canje Hugo", channel: "portal", idempotencyKey: "e2e-h-redeem" });
  await adjustPoints(db, { programId, memberId, points: -10, reason: "Corrección Hugo", channel: "console", idempotencyKey: "e2e-h-adjust" });
  return { id: memberId, email, programId };
}

/** Members of the campaign acceptance journey inside its segment (city Puebla) and outside it (Toluca). */
const CAMPAIGN_INSIDE = 120;
const CAMPAIGN_OUTSIDE = 10;
const FIRST_NAMES = ["Lucía", "Mateo", "Valeria", "Santiago", "Ximena", "Diego", "Renata", "Emiliano", "Camila", "Leonardo", "Regina"];
const LAST_NAMES = ["Hernández", "García", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales"];

/**
 * e2e/console/campaign-acceptance: a program of its own, so its segment counts are exact and its ×2 bonus and
 * birthday points touch nobody else. The members outside the segment had their birthday yesterday in the
 * program's zone (inside the birthday trigger's 6-day window even if the suite runs past midnight); those inside
 * have theirs in half a year, and the journey moves a few to yesterday once it knows the campaign's arms. The
 * control arm is a hash of the campaign id, which the journey only learns when it saves: with 120 members in
 * the segment, the chance that a 10 % control holds none of them is 0.9^120 ≈ 3·10⁻⁶ per campaign.
 */
async function campaignAcceptanceProgram(db: Executor) {
  const timeZone = "America/Mexico_City";
  await ignoreExisting(() => createProgram(db, { slug: "campanas", name: "Dulcería Campañas", currency: "MXN", locale: "es-MX", timeZone }));
  const program = await requireProgramBySlug(db, "campanas");
  const marketer = "marketer-campaigns@e2e.example";
  await ignoreExisting(() => addTeamMember(db, system, { email: marketer, role: "marketer", programId: program.id, storeIds: [], name: "Marta Campañas", password: E2E_PASSWORD }));
  const key = await createApiKey(db, system, { programId: program.id, name: "e2e campaigns API" });
  const birthdayOn = (daysFromNow: number) => {
    const day = localDateOf(new Date(Date.now() + daysFromNow * 86_400_000), timeZone).slice(5);
    return day === "02-29" ? "1992-02-29" : `1990-${day}`;
  };
  const birthday = birthdayOn(-1);
  const enrol = async (i: number, city: string) => {
    const externalId = `e2e-cmp-${i}`;
    const born = city === "Puebla" ? birthdayOn(182) : birthday;
    await ignoreExisting(() => createMember(db, { programId: program.id, email: `member-cmp-${i}@e2e.example`, name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[i % LAST_NAMES.length]}`, externalId, birthday: born, city, enrolmentChannel: "console", consents: { terms: true } }));
    const [row] = await lookupMembers(db, system, { programId: program.id, externalId });
    return row!.id;
  };
  const inside: string[] = [];
  const outside: string[] = [];
  for (let i = 0; i < CAMPAIGN_INSIDE; i++) inside.push(await enrol(i, "Puebla"));
  for (let i = CAMPAIGN_INSIDE; i < CAMPAIGN_INSIDE + CAMPAIGN_OUTSIDE; i++) outside.push(await enrol(i, "Toluca"));
  return { programId: program.id, timeZone, key: key.key, marketer, inside, outside, birthday };
}

/** The plan-simulation suite's program: MXN 0.10 a point, purchases 15–75 days ago (in the default window) and one redemption. */
async function simulationProgram(db: Executor) {
  await ignoreExisting(() => createProgram(db, { slug: "simula", name: "Discos Simulación", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { settings: { pointValueMilli: 10_000 } }));
  const program = await requireProgramBySlug(db, "simula");
  await ignoreExisting(() => createStore(db, system, { programId: program.id, code: "SIM-1", name: "Simulación Centro" }));
  const store = (await listStoresOfProgram(db, program.id)).find((s) => s.code === "SIM-1")!;
  await ignoreExisting(() => addTeamMember(db, system, { email: "marketer-sim@e2e.example", role: "marketer", programId: program.id, storeIds: [], name: "Marta Simula", password: E2E_PASSWORD }));
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
  for (const [key, name] of [["sim-a", "Ana Simula"], ["sim-b", "Beto Simula"], ["sim-c", "Ciro Simula"]] as const) {
    await ignoreExisting(() => createMember(db, { programId: program.id, email: `member-${key}@e2e.example`, name, externalId: `e2e-${key}`, enrolmentChannel: "console", consents: { terms: true } }));
    const [member] = await lookupMembers(db, system, { programId: program.id, externalId: `e2e-${key}` });
    for (const [i, days] of [15, 45, 75].entries()) {
      await ignoreExisting(() => recordPurchase(db, system, { programId: program.id, memberId: member!.id, orderId: `E2E-${key}-${i}`, storeId: store.id, amountMinor: 80_000 + i * 10_000, currency: "MXN", channel: "pos", occurredAt: ago(days + i) }));
    }
    if (key === "sim-a") await redeemPoints(db, { programId: program.id, memberId: member!.id, points: 500, reason: "Canje e2e", channel: "portal", idempotencyKey: "e2e-sim-redeem" });
  }
  return { programId: program.id, marketer: "marketer-sim@e2e.example" };
}

async function coalitionFixtures(db: Executor) {
  const brand = (slug: string, name: string) => ignoreExisting(() => createProgram(db, { slug, name, organizationSlug: "grupo-e2e", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }));
  await brand("marca-norte", "Café Norte");
  await brand("marca-sur", "Café Sur");
  const norte = await requireProgramBySlug(db, "marca-norte");
  const sur = await requireProgramBySlug(db, "marca-sur");
  await ignoreExisting(() => addTeamMember(db, system, { email: "owner-grupo@e2e.example", role: "owner", programId: norte.id, allPrograms: true, storeIds: [], name: "Olga Grupo", password: E2E_PASSWORD }));
  await ignoreExisting(() => addTeamMember(db, system, { email: "marketer-sur@e2e.example", role: "marketer", programId: sur.id, storeIds: [], name: "Mario Sur", password: E2E_PASSWORD }));
  await setCoalitionRate(db, system, { fromProgramId: norte.id, toProgramId: sur.id, rate: "0.5" });
  const email = "member-coalition@e2e.example";
  const member = async (programId: string, externalId: string, name: string, address = email) => {
    await ignoreExisting(() => createMember(db, { programId, email: address, name, externalId, enrolmentChannel: "console", consents: { terms: true } }));
    return (await lookupMembers(db, system, { programId, externalId }))[0]!;
  };
  const nora = await member(norte.id, "e2e-coal-n", "Nora Norte");
  const noraSur = await member(sur.id, "e2e-coal-s", "Nora Norte");
  await member(sur.id, "e2e-coal-sergio", "Sergio Sur", "member-sergio@e2e.example");
  await earnPoints(db, { programId: norte.id, memberId: nora.id, points: 1000, reason: "Bienvenida e2e", idempotencyKey: "e2e-welcome-coalition" });
  // Nora proved her address in Sur's portal once: a spent sign-in code is what links the two accounts.
  await db.insert(oneTimeCodes).values({ programId: sur.id, email, codeHash: "e2e-used", expiresAt: new Date(), usedAt: new Date() });
  // e2e/api/transfers: Tomás, in both brands too, moves his points through the API (Nora's balance is the portal test's).
  const apiEmail = "member-coalition-api@e2e.example";
  const tomas = await member(norte.id, "e2e-coal-api-n", "Tomás Norte", apiEmail);
  await member(sur.id, "e2e-coal-api-s", "Tomás Norte", apiEmail);
  await earnPoints(db, { programId: norte.id, memberId: tomas.id, points: 500, reason: "Bienvenida e2e", idempotencyKey: "e2e-welcome-coalition-api" });
  // Both of his addresses proven (a transfer needs the sender's verified too; Nora proves hers by signing in to Norte).
  for (const programId of [norte.id, sur.id]) {
    await db.insert(oneTimeCodes).values({ programId, email: apiEmail, codeHash: "e2e-used-api", expiresAt: new Date(), usedAt: new Date() });
  }
  const key = await createApiKey(db, system, { programId: norte.id, name: "e2e coalition API" });
  return {
    norte: norte.id,
    sur: sur.id,
    owner: "owner-grupo@e2e.example",
    singleProgram: "marketer-sur@e2e.example",
    member: { email, norteId: nora.id, surId: noraSur.id },
    api: { key: key.key, memberId: tomas.id },
  };
}

async function main() {
  const database = await openLazoDatabase("the e2e setup");
  const { db } = database;
  try {
    await seedDemo(db, { dataset: "sample" });
    const demo = await requireProgramBySlug(db, DEMO_PROGRAM_SLUG);
    await ignoreExisting(() => createProgram(db, { slug: "rival", name: "Café Rival", currency: "CLP", locale: "es-CL", timeZone: "America/Santiago" }));
    const rival = await requireProgramBySlug(db, "rival");
    await ignoreExisting(() => createStore(db, system, { programId: rival.id, code: "RIV-1", name: "Rival Centro" }));
    // e2e/console/plans publishes plan versions: its own program, so no other suite's purchases change.
    await ignoreExisting(() => createProgram(db, { slug: "plans", name: "Discos Planes", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }));
    const plansProgram = await requireProgramBySlug(db, "plans");
    await ignoreExisting(() => createStore(db, system, { programId: plansProgram.id, code: "PLN-1", name: "Planes Centro" }));
    for (const [email, role] of [["marketer-plans@e2e.example", "marketer"], ["admin-plans@e2e.example", "admin"]] as const) {
      await ignoreExisting(() => addTeamMember(db, system, { email, role, programId: plansProgram.id, storeIds: [], name: email.split("@")[0], password: E2E_PASSWORD }));
    }
    await ignoreExisting(() => createMember(db, { programId: plansProgram.id, email: "member-p@e2e.example", name: "Paula Planes", externalId: "e2e-p", enrolmentChannel: "console", consents: { terms: true } }));
    const [plansMember] = await lookupMembers(db, system, { programId: plansProgram.id, externalId: "e2e-p" });
    const plansKey = await createApiKey(db, system, { programId: plansProgram.id, name: "e2e plans API" });
    // e2e/console/program-settings changes a program's point value and point name: a program of its own with its own
    // admin, so no other suite reads what it changes. One member with 1,000 points gives Analytics a liability to show.
    await ignoreExisting(() => createProgram(db, { slug: "ajustes", name: "Librería Ajustes", currency: "PEN", locale: "es-PE", timeZone: "America/Lima" }));
    const settingsProgram = await requireProgramBySlug(db, "ajustes");
    await ignoreExisting(() => addTeamMember(db, system, { email: "admin-settings@e2e.example", role: "admin", programId: settingsProgram.id, storeIds: [], name: "Ada Ajustes", password: E2E_PASSWORD }));
    await ignoreExisting(() => createMember(db, { programId: settingsProgram.id, email: "member-s@e2e.example", name: "Sofía Ajustes", externalId: "e2e-s", enrolmentChannel: "console", consents: { terms: true } }));
    const [settingsMember] = await lookupMembers(db, system, { programId: settingsProgram.id, externalId: "e2e-s" });
    await earnPoints(db, { programId: settingsProgram.id, memberId: settingsMember!.id, points: 1000, reason: "Bienvenida e2e", idempotencyKey: "e2e-welcome-s" });
    const demoStores = await listStoresOfProgram(db, demo.id);
    const storeY = demoStores.find((s) => s.code === "GDL-CHA")!;
    const storeX = demoStores.find((s) => s.code === "CDMX-CEN")!;

    const people = [
      { email: "staff-y@e2e.example", role: "staff" as const, programId: demo.id, storeIds: [storeY.id] },
      { email: "marketer-q@e2e.example", role: "marketer" as const, programId: rival.id, storeIds: [] },
      // Only e2e/auth signs these in: one gets locked out, the other signed out everywhere, without touching anyone else's sessions.
      { email: "lockout@e2e.example", role: "analyst" as const, programId: demo.id, storeIds: [] },
      { email: "everywhere@e2e.example", role: "analyst" as const, programId: demo.id, storeIds: [] },
    ];
    for (const p of people) {
      await ignoreExisting(() => addTeamMember(db, system, { ...p, name: p.email.split("@")[0], password: E2E_PASSWORD }));
    }

    const members: Record<string, { id: string; email: string; programId: string }> = {};
    const NAMES = { a: "Alicia Alfa", b: "Bruno Beta", c: "Carla Gamma", q: "Quique Rival" } as const;
    for (const [key, email, programId] of [["a", "member-a@e2e.example", demo.id], ["b", "member-b@e2e.example", demo.id], ["c", "member-c@e2e.example", demo.id], ["q", "member-q@e2e.example", rival.id]] as const) {
      await ignoreExisting(() => createMember(db, { programId, email, name: NAMES[key], externalId: `e2e-${key}`, enrolmentChannel: "console", consents: { terms: true } }));
      const [member] = await lookupMembers(db, system, { programId, externalId: `e2e-${key}` });
      await earnPoints(db, { programId, memberId: member!.id, points: key === "a" ? 1200 : 300, reason: "Bienvenida e2e", idempotencyKey: `e2e-welcome-${key}` });
      members[key] = { id: member!.id, email, programId };
    }
    // The history suites (e2e/portal/history, e2e/console/members): Hugo has a purchase at store X, 22 bonuses (more than one page), a redemption and an adjustment.
    members.h = await historyMember(db, demo.id, storeX.id);
    // e2e/console/members: the admin overrides Iris's tier and adjusts her points (nobody else reads her).
    await ignoreExisting(() => createMember(db, { programId: demo.id, email: "member-i@e2e.example", name: "Iris Ajuste", externalId: "e2e-i", enrolmentChannel: "console", consents: { terms: true } }));
    const [iris] = await lookupMembers(db, system, { programId: demo.id, externalId: "e2e-i" });
    await earnPoints(db, { programId: demo.id, memberId: iris!.id, points: 100, reason: "Bienvenida e2e", idempotencyKey: "e2e-welcome-i" });
    members.i = { id: iris!.id, email: "member-i@e2e.example", programId: demo.id };
    // e2e/portal/member-portal: Pía watches her home (points expiring in 10 and 40 days, pending points), Ciro shows his card,
    // Priscila changes consents and downloads her data, Dalia deletes her account, Rita redeems a reward (e2e/portal/rewards).
    for (const [key, email, name] of [["portal", "member-portal@e2e.example", "Pía Portal"], ["card", "member-card@e2e.example", "Ciro Tarjeta"], ["privacy", "member-privacy@e2e.example", "Priscila Privada"], ["delete", "member-delete@e2e.example", "Dalia Borrar"], ["rewards", "member-rewards@e2e.example", "Rita Canje"]] as const) {
      await ignoreExisting(() => createMember(db, { programId: demo.id, email, name, externalId: `e2e-${key}`, enrolmentChannel: "console", consents: { terms: true, marketing: true } }));
      const [row] = await lookupMembers(db, system, { programId: demo.id, externalId: `e2e-${key}` });
      const days = (n: number) => new Date(Date.now() + n * 86_400_000);
      await earnPoints(db, { programId: demo.id, memberId: row!.id, points: 120, reason: "Bienvenida e2e", expiresAt: days(10), idempotencyKey: `e2e-${key}-soon` });
      await earnPoints(db, { programId: demo.id, memberId: row!.id, points: 80, reason: "Bono e2e", expiresAt: days(40), idempotencyKey: `e2e-${key}-later` });
      await earnPoints(db, { programId: demo.id, memberId: row!.id, points: 35, reason: "Compra e2e", pendingUntil: days(7), idempotencyKey: `e2e-${key}-pending` });
      members[key] = { id: row!.id, email, programId: demo.id };
    }
    // The integration API suite: a key with every scope, one limited to 3 requests a minute, and a hold in the rival program.
    const apiKey = await createApiKey(db, system, { programId: demo.id, name: "e2e API" });
    const limitedKey = await createApiKey(db, system, { programId: demo.id, name: "e2e API limited", rateLimitPerMinute: 3 });
    const rivalHold = await holdPoints(db, { programId: rival.id, memberId: members.q!.id, points: 10, idempotencyKey: "e2e-rival-hold" });
    // Rewards suite: refusals the demo catalog does not show, and a coupon of the rival program (cross-program 404s).
    const soldOut = await createReward(db, system, { programId: demo.id, kind: "free_product", name: { es: "Agotado e2e", en: "Sold out e2e" }, pointsPrice: 10, stock: 0 });
    const oncePerMember = await createReward(db, system, { programId: demo.id, kind: "free_product", name: { es: "Uno por socio e2e", en: "One each e2e" }, pointsPrice: 10, perMemberLimit: 1 });
    const rivalReward = await createReward(db, system, { programId: rival.id, kind: "free_product", name: { es: "Café gratis", en: "Free coffee" }, pointsPrice: 50 });
    const rivalCoupon = await redeemReward(db, system, { programId: rival.id, memberId: members.q!.id, rewardId: rivalReward.id, idempotencyKey: "e2e-rival-coupon" });
    // A member with coupons of her own: one the console suite voids, one the portal shows.
    const cora = await createMember(db, { programId: demo.id, email: "member-coupons@e2e.example", name: "Cora Cupón", externalId: "e2e-coupons", enrolmentChannel: "console", consents: { terms: true } });
    await earnPoints(db, { programId: demo.id, memberId: cora.id, points: 500, reason: "Bienvenida e2e", idempotencyKey: "e2e-welcome-coupons" });
    const voidable = await redeemReward(db, system, { programId: demo.id, memberId: cora.id, rewardId: oncePerMember.id, idempotencyKey: "e2e-coupon-voidable" });
    const dessert = await createReward(db, system, { programId: demo.id, kind: "free_product", name: { es: "Postre de regalo e2e", en: "Free dessert e2e" }, pointsPrice: 40 });
    await redeemReward(db, system, { programId: demo.id, memberId: cora.id, rewardId: dessert.id, idempotencyKey: "e2e-coupon-shown" });
    // Catalog suite: a SKU only the rival program has (cross-program 404s).
    await upsertCatalogProducts(db, system, { programId: rival.id, source: "api", products: [{ sku: "RIVAL-ONLY-1", name: "Café rival", path: ["Despensa"], brand: null, unitCostMinor: 100 }] });
    members.p = { id: plansMember!.id, email: "member-p@e2e.example", programId: plansProgram.id };
    // Reward targets (e2e/api/reward-targets, e2e/portal/rewards, e2e/staff/desk-reward-targets, e2e/console/rewards), in the plans
    // program so no demo list changes: a small catalog, two rewards aimed at it, a member (Tania) and a cashier of its own.
    await upsertCatalogProducts(db, system, {
      programId: plansProgram.id,
      source: "api",
      products: [
        { sku: "TGT-TENIS-42", name: "Tenis de correr 42", path: ["Moda", "Calzado", "Running"], brand: null, unitCostMinor: 60_000 },
        { sku: "TGT-CAFE-250", name: "Café de Chiapas 250 g", path: ["Abarrotes", "Café"], brand: null, unitCostMinor: 4_000 },
      ],
    });
    const footwear = await createReward(db, system, { programId: plansProgram.id, kind: "percent_discount", name: { es: "20% en calzado", en: "20% off footwear" }, pointsPrice: 100, value: 2000, target: { kind: "category", code: "moda/calzado" } });
    const freeCoffee = await createReward(db, system, { programId: plansProgram.id, kind: "free_product", name: { es: "Café de regalo", en: "Free coffee" }, pointsPrice: 50, target: { kind: "sku", sku: "TGT-CAFE-250" } });
    await ignoreExisting(() => createMember(db, { programId: plansProgram.id, email: "member-t@e2e.example", name: "Tania Destino", externalId: "e2e-t", enrolmentChannel: "console", consents: { terms: true } }));
    const [tania] = await lookupMembers(db, system, { programId: plansProgram.id, externalId: "e2e-t" });
    await earnPoints(db, { programId: plansProgram.id, memberId: tania!.id, points: 300, reason: "Bienvenida e2e", idempotencyKey: "e2e-welcome-t" });
    members.t = { id: tania!.id, email: "member-t@e2e.example", programId: plansProgram.id };
    const plansStore = (await listStoresOfProgram(db, plansProgram.id)).find((s) => s.code === "PLN-1")!;
    await ignoreExisting(() => addTeamMember(db, system, { email: "staff-plans@e2e.example", role: "staff", programId: plansProgram.id, storeIds: [plansStore.id], name: "staff-plans", password: E2E_PASSWORD }));
    // e2e/portal/referrals: a program of its own (a 1-day return window, referral rewards of 100 and 50 points from MXN 200),
    // its admin (reads the outbox, runs "process now") and Ana, who invites; the new member joins during the test.
    await ignoreExisting(() => createProgram(db, { slug: "referrals", name: "Discos Referidos", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { plan: { ...defaultPlan(), pendingDays: 1 }, settings: { referrals: { referrerPoints: 100, refereePoints: 50, limitPerReferrer: 5, minPurchaseMinor: 20_000 } } }));
    const referralsProgram = await requireProgramBySlug(db, "referrals");
    await ignoreExisting(() => addTeamMember(db, system, { email: "admin-referrals@e2e.example", role: "admin", programId: referralsProgram.id, storeIds: [], name: "Rebeca Referidos", password: E2E_PASSWORD }));
    await ignoreExisting(() => createMember(db, { programId: referralsProgram.id, email: "member-ref-a@e2e.example", name: "Ana Invita", externalId: "e2e-ref-a", enrolmentChannel: "console", consents: { terms: true } }));
    const [referrer] = await lookupMembers(db, system, { programId: referralsProgram.id, externalId: "e2e-ref-a" });
    const referralsKey = await createApiKey(db, system, { programId: referralsProgram.id, name: "e2e referrals API" });
    // e2e/portal/challenges: a program of its own (no return window, so challenge points are spendable at once), its marketer
    // (creates the challenge), its admin (reads the outbox for sign-in codes) and Carla, who buys through the API.
    await ignoreExisting(() => createProgram(db, { slug: "challenges", name: "Café Retos", currency: "MXN", locale: "es-MX", timeZone: "America/Mexico_City" }, { plan: { ...defaultPlan(), pendingDays: 0 } }));
    const challengesProgram = await requireProgramBySlug(db, "challenges");
    await ignoreExisting(() => addTeamMember(db, system, { email: "marketer-challenges@e2e.example", role: "marketer", programId: challengesProgram.id, storeIds: [], name: "Mara Retos", password: E2E_PASSWORD }));
    await ignoreExisting(() => addTeamMember(db, system, { email: "admin-challenges@e2e.example", role: "admin", programId: challengesProgram.id, storeIds: [], name: "Adán Retos", password: E2E_PASSWORD }));
    await ignoreExisting(() => createMember(db, { programId: challengesProgram.id, email: "member-ch-a@e2e.example", name: "Carla Reta", externalId: "e2e-ch-a", enrolmentChannel: "console", consents: { terms: true } }));
    const [challenger] = await lookupMembers(db, system, { programId: challengesProgram.id, externalId: "e2e-ch-a" });
    const challengesKey = await createApiKey(db, system, { programId: challengesProgram.id, name: "e2e challenges API" });
    const campaignsFixture = await campaignAcceptanceProgram(db);
    // e2e/console/plan-simulation: a program of its own (its draft is edited, its simulations run), a marketer, and a few
    // months of real purchases by three members with a redemption, so the observed redemption rate and the point value give a cost.
    const simulation = await simulationProgram(db);
    const b2bFixture = await businessAccountsProgram(db, E2E_PASSWORD);
    const leaderboardFixture = await leaderboardProgram(db, E2E_PASSWORD);
    // e2e/console/organization and e2e/portal/transfers: an organization of its own with two brands (Norte, Sur) linked into a
    // coalition at 1 Norte point = 0.5 Sur points; its owner (both brands, the switcher), a marketer of Sur only (no switcher),
    // Nora with an account in each brand (same email, verified in Sur by a used sign-in code) and Sergio, in Sur only.
    const coalition = await coalitionFixtures(db);
    fs.mkdirSync("test-results", { recursive: true });
    const fixtures = {
      password: E2E_PASSWORD,
      demoPassword: "lazo-demo-2026",
      programs: { demo: demo.id, rival: rival.id, plans: plansProgram.id, settings: settingsProgram.id },
      stores: { x: storeX.id, y: storeY.id, plans: plansStore.id },
      members,
      rewards: { soldOut: soldOut.id, oncePerMember: oncePerMember.id, rival: rivalReward.id, rivalCouponCode: rivalCoupon.coupon.code, voidableCouponCode: voidable.coupon.code, couponMember: { id: cora.id, email: "member-coupons@e2e.example" }, targets: { footwear: footwear.id, coffee: freeCoffee.id } },
      api: { key: apiKey.key, limitedKey: limitedKey.key, rivalHoldId: rivalHold.holdId, plansKey: plansKey.key },
      referrals: { programId: referralsProgram.id, key: referralsKey.key, referrer: { id: referrer!.id, email: "member-ref-a@e2e.example" } },
      b2b: b2bFixture,
      leaderboard: leaderboardFixture,
      simulation,
      campaigns: campaignsFixture,
      coalition,
      challenges: { programId: challengesProgram.id, key: challengesKey.key, member: { id: challenger!.id, email: "member-ch-a@e2e.example" } },
    };
    // The server then starts with every program's rollups up to date, not with a first refresh of everything in its way.
    await refreshAllKpiRollups(db);
    fs.writeFileSync("test-results/e2e-fixtures.json", JSON.stringify(fixtures, null, 2));
    console.log(`e2e setup ready in ${database.location}`);
  } finally {
    await database.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

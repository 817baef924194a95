import { randomUUID } from "node:crypto";
import path from "node:path";
import { refreshKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { listMembersByAvailable } from "@/db/queries/ledger";
import { insertChallenge } from "@/db/queries/gamification";
import { getProgramBySlug } from "@/db/queries/programs";
import { insertPurchaseLines, insertPurchases } from "@/db/queries/purchases";
import { insertRewardMenu, insertRewards } from "@/db/queries/rewards";
import { insertStores } from "@/db/queries/stores";
import { findUserByEmail, insertMembership, insertUser } from "@/db/queries/users";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { UnprocessableError } from "@/lib/errors";
import { DEMO_PRODUCTS, demoBasket, demoWalkInTickets } from "@/lib/domain/demo-catalog";
import { hash32, seededRandom } from "@/lib/domain/generate/synthetic-data";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import { importCdnow, type ImportCdnowResult, type ImportProgress } from "@/lib/services/imports/import-cdnow";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { redeemReward } from "@/lib/services/rewards/redeem-reward";
import { createProgram } from "@/lib/services/programs/create-program";

export const DEMO_PROGRAM_SLUG = "demo";
export const DEMO_PASSWORD = "lazo-demo-2026";
/**
 * USD 0.05 a point (minor units × 1,000): what the demo's catalog pays out
 * ($5 off for 100 points), so the liability in Analytics, the portal's "worth"
 * line and paying with points at the counter all agree with the rewards.
 */
export const DEMO_POINT_VALUE_MILLI = 5_000;

const DATASETS = {
  demo: "db/seed-data/cdnow/CDNOW_master.txt",
  sample: "db/seed-data/cdnow/CDNOW_sample.txt",
} as const;

export type DemoLogin = { role: string; email: string; password: string | null; note: string };

export type SeedDemoResult =
  | { created: false; program: { id: string; slug: string } }
  | { created: true; program: { id: string; slug: string }; import: ImportCdnowResult; redemptions: number; logins: DemoLogin[] };

/**
 * The demo program: the real CDNOW purchase history (shifted so the last
 * purchase was yesterday) earning under the default plan, with lines of a
 * small CD catalog whose unit costs give Analytics a margin, stores, rewards, a
 * few hundred redemptions through the ledger service, a year of counter tickets
 * from customers who are not members (the demo program only), and one login per role.
 */
export async function seedDemo(
  db: Executor,
  options: { dataset?: keyof typeof DATASETS; now?: Date; onProgress?: ImportProgress } = {},
): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  const existing = await getProgramBySlug(db, DEMO_PROGRAM_SLUG);
  if (existing) return { created: false, program: { id: existing.id, slug: existing.slug } };

  const program = await createProgram(db, {
    slug: DEMO_PROGRAM_SLUG,
    name: "Disquería Lazo",
    currency: "USD",
    locale: "es-MX",
    timeZone: "America/Mexico_City",
    organizationSlug: "lazo-demo",
  }, { settings: { pointValueMilli: DEMO_POINT_VALUE_MILLI } });
  const stores = await insertStores(db, [
    { programId: program.id, code: "CDMX-CEN", name: "Centro Histórico", city: "Ciudad de México", sortOrder: 1 },
    { programId: program.id, code: "CDMX-POL", name: "Polanco", city: "Ciudad de México", sortOrder: 2 },
    { programId: program.id, code: "GDL-CHA", name: "Chapultepec", city: "Guadalajara", sortOrder: 3 },
    { programId: program.id, code: "MTY-SPG", name: "San Pedro", city: "Monterrey", sortOrder: 4 },
  ]);
  const rewards = await seedRewards(db, program.id);
  await upsertCatalogProducts(db, { kind: "system", label: "demo seed" }, {
    programId: program.id,
    source: "api",
    products: DEMO_PRODUCTS.map((p) => ({ sku: p.sku, name: p.name, path: [...p.path], brand: p.brand, unitCostMinor: p.unitCostMinor })),
  });
  const imported = await importCdnow(db, {
    // The ignore hint keeps Next's file tracer from copying the whole project into the build output.
    file: path.join(/* turbopackIgnore: true */ process.cwd(), DATASETS[options.dataset ?? "demo"]),
    programSlug: program.slug,
    shiftToToday: true,
    now,
    onProgress: options.onProgress,
    basket: demoBasket,
  });
  // The sample (e2e) program spends points without coupons: its journeys count the coupons they issue.
  const redemptions = await seedRedemptions(db, { programId: program.id, rewards: options.dataset === "sample" ? [] : rewards, now });
  // The sample (e2e) program stays without challenges (their bonus points would change the balances other tests check)
  // and without counter tickets (its journeys count on counter sales having no unit costs).
  if (options.dataset !== "sample") {
    await seedChallenges(db, program.id, now);
    await seedWalkInTickets(db, { programId: program.id, currency: program.currency, storeIds: stores.map((s) => s.id), now });
  }
  const logins = await seedUsers(db, { organizationId: program.organizationId, programId: program.id, storeIds: stores.slice(0, 2).map((s) => s.id) });
  // The console's first page then finds the rollups (and the per-tier and per-segment totals) up to date.
  await refreshKpiRollups(db, { programId: program.id });
  return { created: true, program: { id: program.id, slug: program.slug }, import: imported, redemptions, logins };
}

async function seedRewards(db: Executor, programId: string) {
  const menu = await insertRewardMenu(db, { programId, name: { es: "Elige tu beneficio", en: "Choose your perk" }, sortOrder: 1 });
  return insertRewards(db, [
    { programId, kind: "amount_discount", name: { es: "$5 de descuento", en: "$5 off" }, description: { es: "En tu próxima compra", en: "On your next purchase" }, pointsPrice: 100, value: 500, sortOrder: 1 },
    { programId, kind: "amount_discount", name: { es: "$15 de descuento", en: "$15 off" }, description: { es: "En compras desde $40", en: "On purchases from $40" }, pointsPrice: 250, value: 1500, sortOrder: 2 },
    { programId, kind: "percent_discount", name: { es: "20 % en vinilos", en: "20% off vinyl" }, pointsPrice: 300, value: 2000, menuId: menu.id, sortOrder: 3 },
    { programId, kind: "free_product", name: { es: "CD de regalo", en: "Free CD" }, description: { es: "Elige uno de la selección del mes", en: "Pick one from this month's selection" }, pointsPrice: 400, menuId: menu.id, stock: 500, sortOrder: 4 },
    { programId, kind: "experience", name: { es: "Pase a concierto", en: "Concert pass" }, pointsPrice: 1500, stock: 40, perMemberLimit: 1, eligibility: { tiers: ["gold"] }, sortOrder: 5 },
    { programId, kind: "partner_perk", name: { es: "Un mes de streaming", en: "One month of streaming" }, pointsPrice: 350, menuId: menu.id, sortOrder: 6 },
  ]);
}

/** Two running challenges for the portal's "Mis retos": three purchases in 30 days, and a complete profile. */
async function seedChallenges(db: Executor, programId: string, now: Date): Promise<void> {
  const startsAt = new Date(now.getTime() - 7 * 86_400_000);
  await insertChallenge(db, {
    programId,
    name: { es: "3 compras en 30 días", en: "3 purchases in 30 days" },
    description: { es: "Compra tres veces en cualquier periodo de 30 días.", en: "Buy three times within any 30 days." },
    kind: "purchases",
    status: "active",
    rule: { kind: "purchases", count: 3, windowDays: 30, category: null, minAmountMinor: null },
    badgeName: { es: "Cliente frecuente", en: "Regular" },
    badgeIcon: "trophy",
    rewardPoints: 150,
    startsAt,
  });
  await insertChallenge(db, {
    programId,
    name: { es: "Completa tu perfil", en: "Complete your profile" },
    description: { es: "Agrega tu cumpleaños, teléfono y ciudad.", en: "Add your birthday, phone and city." },
    kind: "profile",
    status: "active",
    rule: { kind: "profile", fields: ["birthday", "phone", "city"] },
    badgeName: { es: "Perfil estrella", en: "Star profile" },
    badgeIcon: "star",
    rewardPoints: 50,
    startsAt,
  });
}

/**
 * A year of counter tickets from customers who are not members (no points),
 * written in bulk like a POS integration's nightly load would be through
 * POST /api/v1/tickets, so Analytics compares members with non-members.
 */
async function seedWalkInTickets(db: Executor, p: { programId: string; currency: string; storeIds: string[]; now: Date }): Promise<number> {
  const yesterday = new Date(p.now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const tickets = demoWalkInTickets({ lastDay: yesterday, days: 365, stores: p.storeIds.length, random: seededRandom(hash32("lazo-demo-walk-ins")) });
  for (let start = 0; start < tickets.length; start += 1_000) {
    const chunk = tickets.slice(start, start + 1_000).map((t) => ({ ...t, id: randomUUID() }));
    await db.transaction(async (tx) => {
      await insertPurchases(tx, chunk.map((t) => ({
        id: t.id, programId: p.programId, memberId: null, orderId: t.orderId, channel: "pos" as const, storeId: p.storeIds[t.storeIndex]!,
        amountMinor: t.amountMinor, currency: p.currency, occurredAt: t.occurredAt, createdAt: t.occurredAt,
      })));
      await insertPurchaseLines(tx, chunk.flatMap((t) => t.lines.map((l, i) => ({
        programId: p.programId, purchaseId: t.id, lineNo: i + 1, sku: l.sku, category: l.category,
        quantity: String(l.quantity), unitPriceMinor: l.unitPriceMinor, unitCostMinor: l.unitCostMinor, pointsEarned: 0,
      }))));
    });
  }
  return tickets.length;
}

/**
 * Real redemptions through the ledger and reward services, so the demo shows
 * spent points and, on Analytics, top rewards: most redeemers take a catalog
 * reward they can afford and are eligible for (a coupon), the rest pay points at the counter.
 */
async function seedRedemptions(db: Executor, p: { programId: string; rewards: { id: string; pointsPrice: number }[]; now: Date }): Promise<number> {
  const redeemers = await listMembersByAvailable(db, { programId: p.programId, minimum: 100, limit: 300 });
  const system: Actor = { kind: "system", label: "demo seed" };
  const random = seededRandom(hash32("lazo-demo-redemptions"));
  let count = 0;
  for (const [i, r] of redeemers.entries()) {
    const affordable = p.rewards.filter((w) => w.pointsPrice <= r.available);
    // Cheaper rewards more often, as on a real menu: the pick leans to the start of the affordable list.
    const reward = i % 4 === 3 ? undefined : affordable[Math.floor(affordable.length * random() ** 2)];
    if (reward && (await redeemedReward(db, system, { programId: p.programId, memberId: r.memberId!, rewardId: reward.id }, p.now))) {
      count++;
      continue;
    }
    const points = r.available >= 250 && i % 2 === 0 ? 250 : 100;
    await redeemPoints(db, { programId: p.programId, memberId: r.memberId!, points, reason: points === 250 ? "Canje: $15 de descuento" : "Canje: $5 de descuento", channel: "portal", idempotencyKey: `demo-redemption-${r.memberId}` }, p.now);
    count++;
  }
  return count;
}

/** Redeems a reward, or says no when the member is not eligible for it (tier, limits, stock): the demo then pays points instead. */
async function redeemedReward(db: Executor, actor: Actor, input: { programId: string; memberId: string; rewardId: string }, now: Date): Promise<boolean> {
  try {
    await redeemReward(db, actor, { ...input, idempotencyKey: `demo-reward-${input.memberId}` }, now);
    return true;
  } catch (error) {
    if (error instanceof UnprocessableError) return false;
    throw error;
  }
}

async function seedUsers(db: Executor, p: { organizationId: string; programId: string; storeIds: string[] }): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [
    { role: "owner" as const, email: "admin@demo.lazo.example", name: "Adriana Admin", note: "everything in the organization" },
    { role: "marketer" as const, email: "marketing@demo.lazo.example", name: "Marco Marketing", note: "plans, rewards, segments, campaigns" },
    { role: "analyst" as const, email: "analyst@demo.lazo.example", name: "Ana Analista", note: "read-only console and exports" },
    { role: "staff" as const, email: "staff@demo.lazo.example", name: "Sergio Cajero", note: "stores Centro Histórico and Polanco" },
  ];
  const logins: DemoLogin[] = [];
  for (const person of people) {
    const user = (await findUserByEmail(db, person.email)) ?? (await insertUser(db, { email: person.email, name: person.name, passwordHash, locale: "es" }));
    await insertMembership(db, {
      userId: user.id,
      organizationId: p.organizationId,
      programId: person.role === "owner" ? null : p.programId,
      role: person.role,
      storeIds: person.role === "staff" ? p.storeIds : [],
    });
    logins.push({ role: person.role, email: person.email, password: DEMO_PASSWORD, note: person.note });
  }
  return logins;
}

import { randomInt, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import {
  assignTiersByRollingPoints,
  createMissingAccounts,
  creditUncreditedPurchases,
  existingCardNumbers,
  insertMembersIgnoringExisting,
  insertPurchaseLinesIgnoringExisting,
  insertPurchasesIgnoringExisting,
  memberIdsByExternalId,
  type NewImportPurchaseLine,
} from "@/db/queries/bulk-import";
import { getFirstLotExpiry } from "@/db/queries/ledger";
import { getFirstPublishedPlanVersion } from "@/db/queries/plans";
import { getProgramBySlug, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { makeCardNumber } from "@/lib/domain/card-number";
import { dayShift, parseCdnow, shiftDate, type CdnowOccasion } from "@/lib/domain/cdnow";
import { spreadPoints, type BasketLine } from "@/lib/domain/demo-catalog";
import { demoPerson } from "@/lib/domain/demo-people";
import { basePoints } from "@/lib/domain/plan/base-points";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { NotFoundError } from "@/lib/errors";
import { expireDuePoints } from "@/lib/services/ledger/process-due-lots";
import { createProgram } from "@/lib/services/programs/create-program";

export type ImportProgress = (phase: "members" | "purchases" | "points" | "tiers" | "expiry", done: number, total: number) => void;

export type ImportCdnowResult = {
  program: { id: string; slug: string };
  customers: number;
  lines: number;
  occasions: number;
  pointsCredited: number;
  pointsExpired: number;
  dayShift: number;
};

/** Purchases happen at midday in the program's region, not at midnight UTC. */
const PURCHASE_HOUR_UTC = "18:00:00Z";

/**
 * Imports a CDNOW history file: one member per customer, one purchase per
 * same-day occasion, points by the program's first published plan, expiry run
 * up to `now`. Re-running it adds nothing twice (external ids and order ids).
 * `basket` turns an occasion into purchase lines (the demo's catalog); without
 * it purchases have no lines, as in the CDNOW data.
 */
export async function importCdnow(
  db: Executor,
  input: { file: string; programSlug: string; programName?: string; shiftToToday?: boolean; now?: Date; onProgress?: ImportProgress; basket?: (occasion: CdnowOccasion) => BasketLine[] },
): Promise<ImportCdnowResult> {
  const now = input.now ?? new Date();
  const progress = input.onProgress ?? (() => {});
  const { lines, occasions } = parseCdnow(await fs.readFile(input.file, "utf8"));
  const program = await findOrCreateProgram(db, input.programSlug, input.programName);
  const version = await getFirstPublishedPlanVersion(db, program.id);
  if (!version) throw new NotFoundError("published plan", program.slug);
  const plan = version.definition as PlanDefinition;

  const latest = occasions.reduce((max, o) => (o.date > max ? o.date : max), "0000-00-00");
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const shift = input.shiftToToday ? dayShift(latest, yesterday) : 0;
  const at = (date: string) => new Date(`${shiftDate(date, shift)}T${PURCHASE_HOUR_UTC}`);

  const firstDate = new Map<string, string>();
  for (const o of occasions) if (!firstDate.has(o.customerId)) firstDate.set(o.customerId, o.date);
  const customers = [...firstDate.keys()];
  const cards = await existingCardNumbers(db, program.id);
  const newCard = () => {
    let card = makeCardNumber(() => randomInt(10));
    while (cards.has(card)) card = makeCardNumber(() => randomInt(10));
    cards.add(card);
    return card;
  };
  progress("members", 0, customers.length);
  await insertMembersIgnoringExisting(
    db,
    customers.map((customerId) => {
      const person = demoPerson(customerId);
      const enrolledAt = at(firstDate.get(customerId)!);
      return {
        programId: program.id,
        externalId: `cdnow-${customerId}`,
        cardNumber: newCard(),
        name: person.name,
        email: person.email,
        phone: person.phone,
        city: person.city,
        enrolmentChannel: "import" as const,
        enrolledAt,
        consentMarketing: person.consentMarketing,
        consentPersonalization: person.consentPersonalization,
        updatedAt: now,
      };
    }),
  );
  await createMissingAccounts(db, program.id);
  progress("members", customers.length, customers.length);

  const memberIds = await memberIdsByExternalId(db, program.id, customers.map((c) => `cdnow-${c}`));
  progress("purchases", 0, occasions.length);
  const rows = occasions.map((o) => ({
    programId: program.id,
    id: randomUUID(),
    memberId: memberIds.get(`cdnow-${o.customerId}`)!,
    orderId: `cdnow-${o.customerId}-${o.date}`,
    channel: "ecommerce" as const,
    amountMinor: o.amountMinor,
    currency: program.currency,
    pointsEarned: basePoints(o.amountMinor, plan.baseRate),
    occurredAt: at(o.date),
    createdAt: now,
  }));
  for (let i = 0; i < rows.length; i += 20_000) {
    await insertPurchasesIgnoringExisting(db, rows.slice(i, i + 20_000));
    if (input.basket) await insertPurchaseLinesIgnoringExisting(db, rows.slice(i, i + 20_000).flatMap((row, k) => linesOf(row, input.basket!(occasions[i + k]!))));
    progress("purchases", Math.min(i + 20_000, rows.length), rows.length);
  }

  progress("points", 0, 1);
  const credited = await db.transaction((tx) =>
    creditUncreditedPurchases(tx, {
      programId: program.id,
      planVersionId: version.id,
      expiryMonths: plan.expiry.kind === "rolling" ? plan.expiry.months : null,
      pendingDays: plan.pendingDays,
      now,
    }),
  );
  progress("points", 1, 1);
  progress("tiers", 0, 1);
  await assignTiersByRollingPoints(db, { programId: program.id, now, tiers: plan.tiers });
  progress("tiers", 1, 1);
  const expired = await expireHistoryWeekly(db, { programId: program.id, now, onStep: (done, steps) => progress("expiry", done, steps) });
  return {
    program: { id: program.id, slug: program.slug },
    customers: customers.length,
    lines,
    occasions: occasions.length,
    pointsCredited: credited.points,
    pointsExpired: expired.points,
    dayShift: shift,
  };
}

/** Purchase lines with the purchase's points spread over them by amount (line refunds reverse their share). */
function linesOf(row: { programId: string; orderId: string; pointsEarned: number }, basket: BasketLine[]): NewImportPurchaseLine[] {
  const points = spreadPoints(row.pointsEarned, basket);
  return basket.map((l, i) => ({ programId: row.programId, orderId: row.orderId, lineNo: i + 1, ...l, pointsEarned: points[i] ?? 0 }));
}

async function findOrCreateProgram(db: Executor, slug: string, name?: string): Promise<ProgramRow> {
  const existing = await getProgramBySlug(db, slug);
  if (existing) return existing;
  // CDNOW amounts are US dollars.
  return createProgram(db, { slug, name: name ?? `CDNOW (${slug})`, currency: "USD", locale: "es-MX", timeZone: "America/Mexico_City" });
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Expires the imported history's points at their own dates, a week at a time
 * as the daily job would have while the history happened (its entries dated
 * then), and finally at `now`, instead of all at once on the import's day: one
 * spike there would flatten Analytics' points over time and misdate breakage.
 */
async function expireHistoryWeekly(db: Executor, p: { programId: string; now: Date; onStep: (done: number, steps: number) => void }): Promise<{ points: number }> {
  const first = await getFirstLotExpiry(db, p.programId);
  const moments: Date[] = [];
  if (first) for (let at = first.getTime() + WEEK_MS; at < p.now.getTime(); at += WEEK_MS) moments.push(new Date(at));
  moments.push(p.now);
  let points = 0;
  for (const [i, at] of moments.entries()) {
    points += (await expireDuePoints(db, { programId: p.programId, now: at, batchSize: 2000 })).points;
    p.onStep(i + 1, moments.length);
  }
  return { points };
}

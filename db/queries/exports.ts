import { and, asc, eq, gt, sql } from "drizzle-orm";
import { campaigns, members, pointAccounts, products, rewards, segments } from "../schema";
import type { Executor } from "../types";

/**
 * Keyset pages for the console's CSV downloads: program id always in the
 * WHERE, ordered by the primary key so a page never repeats or skips a row
 * while the file streams (offsets would drift as rows are added).
 */
type Page = { programId: string; after: string | null; limit: number };

export async function listMembersForExport(db: Executor, p: Page) {
  return db
    .select({
      id: members.id,
      cardNumber: members.cardNumber,
      externalId: members.externalId,
      name: members.name,
      email: members.email,
      phone: members.phone,
      city: members.city,
      tierKey: members.tierKey,
      status: members.status,
      enrolmentChannel: members.enrolmentChannel,
      enrolledAt: members.enrolledAt,
      consentMarketing: members.consentMarketing,
      available: sql<number>`coalesce(${pointAccounts.available}, 0)::int`,
      pending: sql<number>`coalesce(${pointAccounts.pending}, 0)::int`,
      lifetimeEarned: sql<number>`coalesce(${pointAccounts.lifetimeEarned}, 0)::int`,
    })
    .from(members)
    .leftJoin(pointAccounts, and(eq(pointAccounts.programId, members.programId), eq(pointAccounts.memberId, members.id)))
    .where(and(eq(members.programId, p.programId), p.after ? gt(members.id, p.after) : undefined))
    .orderBy(asc(members.id))
    .limit(p.limit);
}

export async function listRewardsForExport(db: Executor, p: Page) {
  return db
    .select()
    .from(rewards)
    .where(and(eq(rewards.programId, p.programId), p.after ? gt(rewards.id, p.after) : undefined))
    .orderBy(asc(rewards.id))
    .limit(p.limit);
}

export async function listCampaignsForExport(db: Executor, p: Page) {
  return db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      kind: campaigns.kind,
      status: campaigns.status,
      segmentId: campaigns.segmentId,
      segmentName: segments.name,
      controlShare: campaigns.controlShare,
      budgetPoints: campaigns.budgetPoints,
      spentPoints: campaigns.spentPoints,
      budgetMoneyMinor: campaigns.budgetMoneyMinor,
      spentMoneyMinor: campaigns.spentMoneyMinor,
      budgetCount: campaigns.budgetCount,
      spentCount: campaigns.spentCount,
      startsAt: campaigns.startsAt,
      endsAt: campaigns.endsAt,
      createdAt: campaigns.createdAt,
    })
    .from(campaigns)
    .leftJoin(segments, and(eq(segments.programId, campaigns.programId), eq(segments.id, campaigns.segmentId)))
    .where(and(eq(campaigns.programId, p.programId), p.after ? gt(campaigns.id, p.after) : undefined))
    .orderBy(asc(campaigns.id))
    .limit(p.limit);
}

export async function listSegmentsForExport(db: Executor, p: Page) {
  return db
    .select({ id: segments.id, name: segments.name, memberCount: segments.memberCount, refreshedAt: segments.refreshedAt, createdAt: segments.createdAt, updatedAt: segments.updatedAt })
    .from(segments)
    .where(and(eq(segments.programId, p.programId), p.after ? gt(segments.id, p.after) : undefined))
    .orderBy(asc(segments.id))
    .limit(p.limit);
}

export async function listProductsForExport(db: Executor, p: Page) {
  return db
    .select({ sku: products.sku, name: products.name, categoryCode: products.categoryCode, brand: products.brand, unitCostMinor: products.unitCostMinor, active: products.active, updatedAt: products.updatedAt })
    .from(products)
    .where(and(eq(products.programId, p.programId), p.after ? gt(products.sku, p.after) : undefined))
    .orderBy(asc(products.sku))
    .limit(p.limit);
}

import { listCampaignsForExport, listMembersForExport, listProductsForExport, listRewardsForExport, listSegmentsForExport } from "@/db/queries/exports";
import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, can, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { listApiKeys } from "@/lib/services/api-keys/manage-api-keys";
import { loadCatalogProgram } from "@/lib/services/catalog/catalog-access";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { listTeam } from "@/lib/services/team/list-team";
import { nextCursor, pagedCsvStream, type CsvPage } from "./paged-csv-stream";

const PAGE = 1_000;

export const CONSOLE_CSV_LISTS = ["members", "rewards", "campaigns", "segments", "products", "team", "api-keys"] as const;
export type ConsoleCsvList = (typeof CONSOLE_CSV_LISTS)[number];

type ListExport = {
  /** The permission that shows the page; exports:read is checked on top. */
  permission: Permission;
  columns: readonly string[];
  /** `after` is the last key of the previous page, null on the first. */
  page: (db: Executor, actor: Actor, program: ProgramRow, after: string | null) => Promise<CsvPage<string>>;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const keyed = <R>(rows: R[], key: (r: R) => string, toValues: (r: R) => unknown[]): CsvPage<string> => ({ rows: rows.map(toValues), next: nextCursor(rows, PAGE, key) });
/** Lists bounded by people (team) or by hand-made keys: one read through the page's own service. */
const single = (rows: unknown[][]): CsvPage<string> => ({ rows, next: null });

/** Column names are snake_case English like the other exports; money in minor units with the currency beside it, as in the KPI export. */
const EXPORTS: Record<ConsoleCsvList, ListExport> = {
  members: {
    permission: "members:read",
    columns: ["member_id", "card_number", "external_id", "name", "email", "phone", "city", "tier", "status", "enrolment_channel", "enrolled_at", "consent_marketing", "points_available", "points_pending", "points_lifetime_earned"],
    page: async (db, _actor, program, after) =>
      keyed(await listMembersForExport(db, { programId: program.id, after, limit: PAGE }), (r) => r.id, (r) => [
        r.id, r.status === "anonymized" ? null : r.cardNumber, r.externalId, r.name, r.email, r.phone, r.city, r.tierKey, r.status, r.enrolmentChannel, iso(r.enrolledAt), r.consentMarketing, r.available, r.pending, r.lifetimeEarned,
      ]),
  },
  rewards: {
    permission: "rewards:read",
    columns: ["reward_id", "name_es", "name_en", "kind", "status", "points_price", "currency", "discount_amount_minor", "discount_percent", "stock", "per_member_limit", "coupon_valid_days", "valid_from", "valid_until", "target_sku", "target_category"],
    page: async (db, _actor, program, after) =>
      keyed(await listRewardsForExport(db, { programId: program.id, after, limit: PAGE }), (r) => r.id, (r) => [
        r.id, r.name.es, r.name.en, r.kind, r.status, r.pointsPrice, program.currency, r.kind === "amount_discount" ? r.value : null, r.kind === "percent_discount" && r.value !== null ? r.value / 100 : null,
        r.stock, r.perMemberLimit, r.couponValidDays, iso(r.validFrom), iso(r.validUntil), r.targetSku, r.targetCategory,
      ]),
  },
  campaigns: {
    permission: "campaigns:read",
    columns: ["campaign_id", "name", "kind", "status", "segment_id", "segment", "control_share_pct", "budget_points", "spent_points", "currency", "budget_money_minor", "spent_money_minor", "budget_count", "spent_count", "starts_at", "ends_at", "created_at"],
    page: async (db, _actor, program, after) =>
      keyed(await listCampaignsForExport(db, { programId: program.id, after, limit: PAGE }), (r) => r.id, (r) => [
        r.id, r.name, r.kind, r.status, r.segmentId, r.segmentName, r.controlShare, r.budgetPoints, r.spentPoints, program.currency, r.budgetMoneyMinor, r.spentMoneyMinor, r.budgetCount, r.spentCount, iso(r.startsAt), iso(r.endsAt), iso(r.createdAt),
      ]),
  },
  segments: {
    permission: "segments:read",
    columns: ["segment_id", "name", "members", "refreshed_at", "created_at", "updated_at"],
    page: async (db, _actor, program, after) =>
      keyed(await listSegmentsForExport(db, { programId: program.id, after, limit: PAGE }), (r) => r.id, (r) => [r.id, r.name, r.memberCount, iso(r.refreshedAt), iso(r.createdAt), iso(r.updatedAt)]),
  },
  products: {
    permission: "plans:read",
    columns: ["sku", "name", "category_code", "brand", "currency", "unit_cost_minor", "active", "updated_at"],
    page: async (db, _actor, program, after) =>
      keyed(await listProductsForExport(db, { programId: program.id, after, limit: PAGE }), (r) => r.sku, (r) => [r.sku, r.name, r.categoryCode, r.brand, program.currency, r.unitCostMinor, r.active, iso(r.updatedAt)]),
  },
  team: {
    permission: "team:manage",
    columns: ["user_id", "email", "name", "role", "scope", "store_ids", "may_adjust_points", "status"],
    page: async (db, actor, program) =>
      single((await listTeam(db, actor, { programId: program.id })).members.map((m) => [m.userId, m.email, m.name, m.role, m.scope, m.storeIds.join(" "), m.mayAdjustPoints, m.status])),
  },
  // The secret is never stored in clear; only the prefix that tells keys apart is exported.
  "api-keys": {
    permission: "keys:manage",
    columns: ["key_id", "name", "prefix", "scopes", "rate_limit_per_minute", "created_at", "last_used_at", "revoked_at"],
    page: async (db, actor, program) =>
      single((await listApiKeys(db, actor, { programId: program.id })).map((k) => [k.id, k.name, k.prefix, k.scopes.join(" "), k.rateLimitPerMinute, k.createdAt, k.lastUsedAt, k.revokedAt])),
  },
};

export function isConsoleCsvList(value: string): value is ConsoleCsvList {
  return (CONSOLE_CSV_LISTS as readonly string[]).includes(value);
}

/**
 * One of the console's lists as a CSV byte stream (UTF-8 with BOM), every row
 * of the program: the page's own permission plus exports:read, both checked
 * before the stream is returned; rows are read by keyset as the client pulls.
 */
export async function consoleListCsvStream(db: Executor, actor: Actor, input: { programId: string; list: string }, now = new Date()): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  if (!isConsoleCsvList(input.list)) throw new NotFoundError("export", input.list);
  const spec = EXPORTS[input.list];
  // The catalog has its own reader rule (plans:read, catalog:write or members:read): reuse it rather than restate it.
  const program = input.list === "products" ? await loadCatalogProgram(db, actor, input.programId, "read") : await authorizeProgram(db, actor, spec.permission, input.programId);
  authorize(actor, "exports:read", program);
  // Keys are never empty (uuids, SKUs), so "" stands for "before the first row".
  const stream = pagedCsvStream<string>(spec.columns, "", async (after) => spec.page(db, actor, program, after || null));
  return { stream, filename: `${input.list}-${program.slug}-${now.toISOString().slice(0, 10)}.csv` };
}

/** Whether the console shows "Download CSV" to this actor (the page itself already checked its own permission). */
export async function canDownloadCsv(db: Executor, actor: Actor, programId: string): Promise<boolean> {
  const program = await getProgramById(db, programId);
  return Boolean(program && can(actor, "exports:read", program));
}

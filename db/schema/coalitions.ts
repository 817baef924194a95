import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { actorType, ledgerChannel } from "./ledger";
import { organizations, programs } from "./tenancy";

/**
 * A coalition link: points of `from_program` may move to `to_program` of the
 * same organization at `rate_numerator / rate_denominator` points of the target
 * per point of the source (1 point of A = 0.5 of B is 1/2). One row per
 * direction, so each way has its own rate; the console writes both at once.
 */
export const coalitionLinks = pgTable("coalition_links", {
  organizationId: uuid("organization_id").notNull().references(() => organizations.id),
  fromProgramId: uuid("from_program_id").notNull().references(() => programs.id),
  toProgramId: uuid("to_program_id").notNull().references(() => programs.id),
  rateNumerator: integer("rate_numerator").notNull(),
  rateDenominator: integer("rate_denominator").notNull(),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.fromProgramId, t.toProgramId] }),
  index("coalition_links_organization_idx").on(t.organizationId),
  check("coalition_links_other_program", sql`${t.fromProgramId} <> ${t.toProgramId}`),
  check("coalition_links_rate_positive", sql`${t.rateNumerator} > 0 and ${t.rateDenominator} > 0`),
]);

/**
 * One transfer between sister programs: the debit entry in the source ledger
 * and the credit entry in the target's, written in the same transaction.
 * Keyed by the source program (where the member asked for it).
 */
export const pointTransfers = pgTable("point_transfers", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  id: uuid("id").notNull().defaultRandom(),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id),
  fromMemberId: uuid("from_member_id").notNull(),
  toProgramId: uuid("to_program_id").notNull().references(() => programs.id),
  toMemberId: uuid("to_member_id").notNull(),
  pointsDebited: integer("points_debited").notNull(),
  pointsCredited: integer("points_credited").notNull(),
  rateNumerator: integer("rate_numerator").notNull(),
  rateDenominator: integer("rate_denominator").notNull(),
  debitEntryId: bigint("debit_entry_id", { mode: "number" }).notNull(),
  creditEntryId: bigint("credit_entry_id", { mode: "number" }).notNull(),
  channel: ledgerChannel("channel").notNull(),
  actorType: actorType("actor_type").notNull(),
  actorId: text("actor_id"),
  idempotencyKey: text("idempotency_key"),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.id] }),
  index("point_transfers_member_idx").on(t.programId, t.fromMemberId, t.createdAt),
  index("point_transfers_target_idx").on(t.toProgramId, t.toMemberId, t.createdAt),
  uniqueIndex("point_transfers_idempotency_key").on(t.programId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  check("point_transfers_points_positive", sql`${t.pointsDebited} > 0 and ${t.pointsCredited} > 0`),
]);

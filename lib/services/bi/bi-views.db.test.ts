import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { ProgramRow } from "@/db/queries/programs";
import { coupons, rewards, stores } from "@/db/schema";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { currencyDigits } from "@/lib/domain/money";
import { redeemPoints } from "@/lib/services/ledger/redeem-points";
import { anonymizeMyAccount } from "@/lib/services/members/anonymize-member";
import { createMember } from "@/lib/services/members/create-member";
import { recordPurchase } from "@/lib/services/purchases/record-purchase";
import { rebuildKpiRollups } from "@/lib/services/kpis/refresh-kpi-rollups";
import { makeProgram, openTestDatabase } from "@/tests/support/database";
import { grantBiReadonlyRole } from "./grant-readonly-role";

const system: Actor = { kind: "system", label: "test" };
const onPostgres = Boolean(process.env.DATABASE_URL);

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
/** Drizzle wraps the driver's error ("Failed query: …"); the database's own message is its cause. */
async function failure(run: Promise<unknown>): Promise<string> {
  const error = await run.then(() => null, (e: unknown) => e as { message?: string; cause?: { message?: string } });
  return error ? `${error.message ?? ""} ${error.cause?.message ?? ""}` : "no error";
}
const select = async <T = Record<string, unknown>>(db: Executor, query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));

let database: Database;
let program: ProgramRow;
let other: ProgramRow;
let storeId: string;
let anaId: string;
let goneId: string;
const role = `lazo_bi_test_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  program = await makeProgram(database);
  other = await makeProgram(database);
  [{ id: storeId }] = (await db.insert(stores).values({ programId: program.id, code: "CDMX-01", name: "Centro" }).returning({ id: stores.id })) as [{ id: string }];
  anaId = (await createMember(db, { programId: program.id, name: "Ana Ruiz", email: "ana@example.com", phone: "+525500000001" })).id;
  goneId = (await createMember(db, { programId: program.id, name: "Gone Person", email: "gone@example.com" })).id;
  await createMember(db, { programId: other.id, name: "Other Brand", email: "other@example.com" });
  const at = new Date("2026-10-10T18:00:00Z");
  await recordPurchase(db, system, {
    programId: program.id, memberId: anaId, orderId: "A-1", amountMinor: 12_345, currency: "MXN", channel: "pos", storeId, occurredAt: at,
    lines: [{ sku: "CAFE-1", category: "coffee", quantity: 1, unitPriceMinor: 12_345 }],
  }, at);
  await redeemPoints(db, { programId: program.id, memberId: anaId, points: 10 }, new Date("2026-10-11T18:00:00Z"));
  const [reward] = await db.insert(rewards).values({ programId: program.id, kind: "amount_discount", name: { es: "Descuento", en: "Discount" }, pointsPrice: 10, value: 5_000 }).returning();
  await db.insert(coupons).values({ programId: program.id, code: `SECRET-${randomUUID()}`, rewardId: reward!.id, memberId: anaId, pointsSpent: 10, redeemEntryId: 1 });
  await anonymizeMyAccount(db, { kind: "member", programId: program.id, memberId: goneId }, { confirm: "yes" });
  await rebuildKpiRollups(db, { programId: program.id });
});
afterAll(async () => {
  if (onPostgres) await database.db.execute(sql.raw(`drop owned by ${role}; drop role if exists ${role}`)).catch(() => {});
  await database.close();
});

describe("schema bi", () => {
  it("lists a program's members with their details, and none of an anonymized member's", async () => {
    const rows = await select<Record<string, unknown>>(database.db, sql`select * from bi.members where program_id = ${program.id} order by name nulls last`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ member_id: anaId, name: "Ana Ruiz", email: "ana@example.com", phone: "+525500000001", status: "active", is_anonymized: false });
    expect(rows[1]).toMatchObject({ member_id: goneId, name: null, email: null, phone: null, card_number: null, external_id: null, status: "anonymized", is_anonymized: true });
    expect(Object.keys(rows[0]!)).not.toContain("referral_code");
  });

  it("shows purchases and lines in currency units with the currency code", async () => {
    const [purchase] = await select(database.db, sql`select order_id, currency, amount::text as amount, net_amount::text as net, store_id, points_earned from bi.purchases where program_id = ${program.id}`);
    expect(purchase).toMatchObject({ order_id: "A-1", currency: "MXN", amount: "123.45", net: "123.45", store_id: storeId });
    const [line] = await select(database.db, sql`select sku, unit_price::text as unit_price, line_amount::text as line_amount, currency from bi.purchase_lines where program_id = ${program.id}`);
    expect(line).toEqual({ sku: "CAFE-1", unit_price: "123.45", line_amount: "123.45", currency: "MXN" });
  });

  it("keeps ledger, balances, rewards and redemptions per program, without coupon codes", async () => {
    const kinds = await select<{ kind: string }>(database.db, sql`select kind from bi.ledger_entries where program_id = ${program.id} and member_id = ${anaId} order by entry_id`);
    expect(kinds.map((k) => k.kind)).toEqual(["earn", "redeem"]);
    const [balance] = await select<{ available: number; available_value: string; currency: string }>(database.db, sql`select available, available_value::text as available_value, currency from bi.point_balances where program_id = ${program.id} and member_id = ${anaId}`);
    expect(balance!.currency).toBe("MXN");
    expect(Number(balance!.available_value)).toBeCloseTo(balance!.available * 0.01);
    const [reward] = await select(database.db, sql`select name_es, discount_amount::text as amount, currency from bi.rewards where program_id = ${program.id}`);
    expect(reward).toEqual({ name_es: "Descuento", amount: "50.00", currency: "MXN" });
    const [redemption] = await select(database.db, sql`select * from bi.redemptions where program_id = ${program.id}`);
    expect(redemption).toMatchObject({ member_id: anaId, reward_name_en: "Discount", points_spent: 10 });
    const couponColumns = await select<{ column_name: string }>(database.db, sql`select column_name from information_schema.columns where table_schema = 'bi' and table_name = 'coupons'`);
    expect(couponColumns.map((c) => c.column_name)).not.toContain("code");
    expect(await select(database.db, sql`select * from bi.ledger_entries where program_id = ${other.id}`)).toEqual([]);
  });

  it("gives the live plan's tiers and the daily KPIs from the rollup", async () => {
    const tiers = await select<{ tier_key: string; position: number }>(database.db, sql`select tier_key, position from bi.tiers where program_id = ${program.id} order by position`);
    expect(tiers.length).toBeGreaterThan(0);
    expect(tiers[0]!.position).toBe(1);
    const [day] = await select(database.db, sql`select day::text as day, store_id, channel, purchases, revenue::text as revenue, currency from bi.kpi_daily where program_id = ${program.id} and purchases > 0`);
    expect(day).toEqual({ day: "2026-10-10", store_id: storeId, channel: "pos", purchases: 1, revenue: "123.45", currency: "MXN" });
  });

  it("converts minor units with the same digits as the app for every currency", async () => {
    const codes = Intl.supportedValuesOf("currency");
    const rows = await select<{ code: string; digits: number }>(database.db, sql`select code, bi.currency_digits(code) as digits from unnest(${`{${codes.join(",")}}`}::text[]) as code`);
    const differing = rows.filter((r) => Number(r.digits) !== currencyDigits(r.code)).map((r) => r.code);
    expect(differing).toEqual([]);
  });

  it("carries program_id on every view", async () => {
    const views = await select<{ table_name: string }>(database.db, sql`select table_name from information_schema.views where table_schema = 'bi'`);
    const withProgram = await select<{ table_name: string }>(database.db, sql`select table_name from information_schema.columns where table_schema = 'bi' and column_name = 'program_id'`);
    expect(views.length).toBeGreaterThanOrEqual(15);
    expect(withProgram.map((r) => r.table_name).sort()).toEqual(views.map((v) => v.table_name).sort());
  });
});

describe("grantBiReadonlyRole", () => {
  it("creates a role that can read bi but not write it or read public tables", async () => {
    const grant = await grantBiReadonlyRole(database.db, system, { role, password: "a-long-password-1" });
    expect(grant).toMatchObject({ role, schema: "bi", created: true });
    expect(grant.views).toEqual(expect.arrayContaining(["members", "purchases", "kpi_daily"]));
    // Running it again updates the role instead of failing.
    expect(await grantBiReadonlyRole(database.db, system, { role })).toMatchObject({ created: false });
    const asRole = <T>(run: (tx: Executor) => Promise<T>) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${role}`));
        return run(tx);
      });
    const rows = await asRole((tx) => select(tx, sql`select member_id from bi.members where program_id = ${program.id}`));
    expect(rows).toHaveLength(2);
    expect(await failure(asRole((tx) => tx.execute(sql`select id from public.members limit 1`)))).toMatch(/permission denied for table members/);
    expect(await failure(asRole((tx) => tx.execute(sql`insert into bi.stores (program_id, store_id, code, name) values (${program.id}, ${randomUUID()}, 'X', 'X')`)))).toMatch(/permission denied for view stores/);
    expect(await failure(asRole((tx) => tx.execute(sql`update bi.stores set name = 'X' where program_id = ${program.id}`)))).toMatch(/permission denied for view stores/);
  });

  it.runIf(onPostgres)("lets the role log in over the network, read-only", async () => {
    await grantBiReadonlyRole(database.db, system, { role, password: "a-long-password-2" });
    const url = new URL(process.env.DATABASE_URL!);
    url.username = role;
    url.password = "a-long-password-2";
    const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const [row] = await client`select count(*)::int as n, current_setting('default_transaction_read_only') as ro from members where program_id = ${program.id}`;
      expect(row).toEqual({ n: 2, ro: "on" });
      await expect(client`select count(*) from public.members`).rejects.toThrow(/permission denied/);
      await expect(client`delete from bi.members`).rejects.toThrow(/read-only transaction|permission denied/);
    } finally {
      await client.end();
    }
  });

  it("refuses the role the app connects as, bad names, and non-operators", async () => {
    const [me] = await select<{ name: string }>(database.db, sql`select current_user as name`);
    await expect(grantBiReadonlyRole(database.db, system, { role: me!.name })).rejects.toMatchObject({ code: "role_not_readonly" });
    await expect(grantBiReadonlyRole(database.db, system, { role: "Robert'); drop table members;--" })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(grantBiReadonlyRole(database.db, system, { role: "pg_monitor" })).rejects.toMatchObject({ code: "validation_failed" });
    const analyst: Actor = { kind: "user", userId: randomUUID(), email: "a@example.com", grants: [{ organizationId: program.organizationId, programId: program.id, role: "owner", storeIds: [], extraPermissions: [] }] };
    await expect(grantBiReadonlyRole(database.db, analyst, { role })).rejects.toMatchObject({ code: "forbidden" });
  });
});

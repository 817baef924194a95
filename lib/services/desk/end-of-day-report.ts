import { listReportPeople, sumStoreCouponUses, sumStoreLedger, sumStorePurchases, sumStoreRefunds } from "@/db/queries/desk-end-of-day";
import { listStores } from "@/db/queries/overview";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { zonedDayEnd, zonedDayStart } from "@/lib/domain/audit/zoned-day";
import { buildEndOfDayReport, endOfDayCsvRows, localDate, type ActorKey, type EndOfDayReport } from "@/lib/domain/desk/end-of-day";
import { csvLine } from "@/lib/domain/audit/csv";
import { NotFoundError } from "@/lib/errors";
import { currencyMinorDigits } from "@/lib/format";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { endOfDaySchema, type EndOfDayInput } from "@/lib/validation/desk-redeem";

/** Who a report line is about, for people: a user's email, or the kind of integration. */
export type ActorLabel = { kind: "user" | "api_key" | "system" | "member"; label: string; name?: string | null };

export type EndOfDayView = {
  date: string;
  from: string;
  to: string;
  store: { id: string; code: string; name: string };
  program: { currency: string; locale: string; timeZone: string };
  report: EndOfDayReport;
  labels: Record<ActorKey, ActorLabel>;
};

/**
 * One store's day at the counter, read from the ledger, purchases, refunds and
 * coupons. Needs `desk:use` at that store: staff see only their own stores,
 * owners and admins any store of the program. The day is the program's local
 * calendar day (default today), so late-evening sales stay on their day.
 */
export async function getEndOfDayReport(db: Executor, actor: Actor, input: EndOfDayInput, now = new Date()): Promise<EndOfDayView> {
  const program = await authorizeProgram(db, actor, "desk:use", input?.programId, typeof input?.storeId === "string" ? input.storeId : "-");
  const data = parseInput(endOfDaySchema, input);
  const store = (await listStores(db, program.id)).find((s) => s.id === data.storeId);
  if (!store) throw new NotFoundError("store", data.storeId);
  const date = data.date ?? localDate(now, program.timeZone);
  const from = zonedDayStart(date, program.timeZone);
  const to = zonedDayEnd(date, program.timeZone);
  const window = { programId: program.id, storeId: store.id, from, to };
  const [ledger, purchases, refunds, coupons] = await Promise.all([sumStoreLedger(db, window), sumStorePurchases(db, window), sumStoreRefunds(db, window), sumStoreCouponUses(db, window)]);
  const report = buildEndOfDayReport({ ledger, purchases, refunds, coupons });
  return {
    date,
    from: from.toISOString(),
    to: to.toISOString(),
    store: { id: store.id, code: store.code, name: store.name },
    program: { currency: program.currency, locale: program.locale, timeZone: program.timeZone },
    report,
    labels: await labelActors(db, report.byActor.map((r) => r.actor)),
  };
}

async function labelActors(db: Executor, keys: ActorKey[]): Promise<Record<ActorKey, ActorLabel>> {
  const userIds = keys.filter((k) => k.startsWith("user:")).map((k) => k.slice(5));
  const people = await listReportPeople(db, userIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)));
  return Object.fromEntries(
    keys.map((key) => {
      const [kind, id = ""] = key.split(/:(.*)/s) as [string, string?];
      if (kind === "user") return [key, { kind: "user", label: people.get(id)?.email ?? id, name: people.get(id)?.name ?? null }];
      if (kind === "api_key") return [key, { kind: "api_key", label: id.slice(0, 8) }];
      if (kind === "member") return [key, { kind: "member", label: "" }];
      return [key, { kind: "system", label: id }];
    }),
  );
}

/** The same report as CSV text (UTF-8 with BOM so spreadsheets read accents), for reconciliation. */
export async function getEndOfDayCsv(db: Executor, actor: Actor, input: EndOfDayInput, now = new Date()): Promise<{ filename: string; body: string }> {
  const view = await getEndOfDayReport(db, actor, input, now);
  const rows = endOfDayCsvRows(view.report, {
    date: view.date,
    storeCode: view.store.code,
    currency: view.program.currency,
    minorDigits: currencyMinorDigits(view.program.currency),
    labelOf: (key) => {
      const l = view.labels[key];
      return l ? (l.kind === "user" ? l.label : `${l.kind}${l.label ? ` ${l.label}` : ""}`) : key;
    },
  });
  return { filename: `end-of-day-${view.store.code}-${view.date}.csv`, body: `\uFEFF${rows.map(csvLine).join("")}` };
}

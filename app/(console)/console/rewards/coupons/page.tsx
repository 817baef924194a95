import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listCoupons } from "@/lib/services/coupons/list-coupons";
import { canWriteRewards } from "@/lib/services/rewards/reward-access";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { RewardsTabs } from "../_components/rewards-tabs";
import { VoidCouponForm } from "../_components/void-coupon-form";
import { STATUS_TONE } from "../_lib/status-tone";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coupons"))("title") };
}

const STATUSES = ["issued", "redeemed", "expired", "voided"] as const;
type Status = (typeof STATUSES)[number];

export default async function CouponsPage({ searchParams }: { searchParams: Promise<{ code?: string; status?: string; voided?: string }> }) {
  const actor = await requireUser("/console/rewards/coupons");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db, query] = await Promise.all([getTranslations("Coupons"), getLocale(), getAppDb(), searchParams]);
  const code = (query.code ?? "").trim().slice(0, 100);
  const status = (STATUSES as readonly string[]).includes(query.status ?? "") ? (query.status as Status) : undefined;
  const result = await guardRead(() => listCoupons(db, actor, { programId: program.id, code: code || undefined, status, limit: 100 }));
  if (!result.allowed) return <AccessDenied />;
  const canWrite = await canWriteRewards(db, actor, program.id);
  const coupons = result.data;
  const nl = numberLocale(locale, program.locale);
  const day = (iso: string | null) => (iso ? formatDate(iso, nl, program.timeZone) : "—");

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} />
      <RewardsTabs current="coupons" />
      {query.voided && /^\d+$/.test(query.voided) ? (
        <p className="mt-6 rounded-control border border-brand-200 bg-brand-50 px-3.5 py-3 text-sm text-brand-800" data-testid="coupon-voided">
          {t("voided", { points: Number(query.voided) })}
        </p>
      ) : null}
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" data-testid="coupon-filters">
        <div>
          <label htmlFor="coupon-code" className="block text-sm font-medium text-ink">
            {t("search")}
          </label>
          <input id="coupon-code" name="code" defaultValue={code} placeholder={t("searchPlaceholder")} className="mt-1.5 h-10 w-56 rounded-control border border-line-strong bg-surface px-3 font-mono text-sm text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none" />
        </div>
        <div>
          <label htmlFor="coupon-status" className="block text-sm font-medium text-ink">
            {t("status")}
          </label>
          <select id="coupon-status" name="status" defaultValue={status ?? ""} className="mt-1.5 h-10 rounded-control border border-line-strong bg-surface px-3 text-sm text-ink">
            <option value="">{t("anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="h-10 rounded-control bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          {t("filter")}
        </button>
      </form>
      <div className="mt-6">
        {coupons.length === 0 ? (
          <EmptyState icon="gift" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <p className="border-b border-line px-5 py-3 text-xs text-ink-subtle">{t("shown", { count: coupons.length })}</p>
            <table className="w-full min-w-[52rem] text-sm" data-testid="coupon-list">
              <thead className="border-b border-line text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">
                <tr>
                  <th className="px-5 py-3">{t("columns.code")}</th>
                  <th className="px-3 py-3">{t("columns.reward")}</th>
                  <th className="px-3 py-3">{t("columns.status")}</th>
                  <th className="px-3 py-3 text-right">{t("columns.points")}</th>
                  <th className="px-3 py-3">{t("columns.issued")}</th>
                  <th className="px-3 py-3">{t("columns.expires")}</th>
                  <th className="px-5 py-3">{t("columns.used")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {coupons.map((c) => (
                  <tr key={c.id} data-testid="coupon-row" className="align-top">
                    <td className="px-5 py-3">
                      <p className="font-mono text-xs font-semibold text-ink">{c.code}</p>
                      {c.partnerCode ? <p className="text-xs text-ink-subtle">{t("partnerCode", { code: c.partnerCode })}</p> : null}
                      {canWrite && c.status === "issued" ? <VoidCouponForm couponId={c.id} /> : null}
                    </td>
                    <td className="px-3 py-3 text-ink">{c.reward ? localizedText(c.reward.name, locale) : "—"}</td>
                    <td className="px-3 py-3">
                      <Badge tone={STATUS_TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums">{formatPoints(c.pointsSpent, nl)}</td>
                    <td className="px-3 py-3 tabular-nums">{day(c.issuedAt)}</td>
                    <td className="px-3 py-3 tabular-nums">{day(c.expiresAt)}</td>
                    <td className="px-5 py-3 tabular-nums">{day(c.usedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </>
  );
}

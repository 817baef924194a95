import type { Metadata } from "next";
import Link from "@/components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatCount, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listMenus } from "@/lib/services/rewards/manage-menus";
import { listRewards } from "@/lib/services/rewards/list-rewards";
import { canWriteRewards } from "@/lib/services/rewards/reward-access";
import { AccessDenied } from "../_components/access-denied";
import { getConsoleProgramFor } from "../_lib/console-program";
import { guardRead } from "../_lib/guard-read";
import { RewardsTabs } from "./_components/rewards-tabs";
import { STATUS_TONE } from "./_lib/status-tone";
import { CsvDownloadLink } from "../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Rewards"))("title") };
}

export default async function RewardsPage() {
  const actor = await requireUser("/console/rewards");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("Rewards"), getLocale(), getAppDb()]);
  const result = await guardRead(async () => ({
    rewards: await listRewards(db, actor, { programId: program.id }),
    menus: await listMenus(db, actor, { programId: program.id }),
  }));
  if (!result.allowed) return <AccessDenied />;
  const canWrite = await canWriteRewards(db, actor, program.id);
  const { rewards, menus } = result.data;
  const nl = numberLocale(locale, program.locale);
  const menuName = (id: string | null) => {
    const menu = menus.find((m) => m.id === id);
    return menu ? localizedText(menu.name, locale) : t("noMenu");
  };
  const newButton = canWrite ? <ButtonLink href="/console/rewards/new">{t("newReward")}</ButtonLink> : null;

  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} actions={<div className="flex flex-wrap items-start gap-2"><CsvDownloadLink href="/console/rewards/export" actor={actor} programId={program.id} testId="rewards-csv" />{newButton}</div>} />
      <RewardsTabs current="catalog" />
      {!canWrite ? <p className="mt-4 text-sm text-ink-muted">{t("readOnly")}</p> : null}
      <div className="mt-6">
        {rewards.length === 0 ? (
          <EmptyState icon="gift" title={t("emptyTitle")} action={newButton}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-sm" data-testid="reward-list">
              <thead className="border-b border-line text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">
                <tr>
                  <th className="px-5 py-3">{t("columns.reward")}</th>
                  <th className="px-3 py-3">{t("columns.status")}</th>
                  <th className="px-3 py-3 text-right">{t("columns.price")}</th>
                  <th className="px-3 py-3 text-right">{t("columns.stock")}</th>
                  <th className="px-3 py-3 text-right">{t("columns.redeemed")}</th>
                  <th className="px-5 py-3">{t("columns.menu")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rewards.map((r) => (
                  <tr key={r.id} data-testid="reward-row">
                    <td className="px-5 py-3">
                      <Link href={`/console/rewards/${r.id}`} className="font-semibold text-ink hover:text-brand-700">
                        {localizedText(r.name, locale)}
                      </Link>
                      <p className="text-xs text-ink-subtle">{t(`kind.${r.kind}`)}</p>
                    </td>
                    <td className="px-3 py-3">
                      <Badge tone={STATUS_TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums">
                      {t("points", { points: formatPoints(r.pointsPrice, nl) })}
                      {r.tierPrices && Object.keys(r.tierPrices).length ? <p className="text-xs text-ink-subtle">{t("tierPrice")}</p> : null}
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums">
                      {r.kind === "partner_perk" ? t("freeCodes", { count: r.freeCodes }) : r.stock === null ? t("unlimited") : formatCount(r.stock, nl)}
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums">{formatCount(r.redeemedCount, nl)}</td>
                    <td className="px-5 py-3 text-ink-muted">{menuName(r.menuId)}</td>
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

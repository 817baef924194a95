import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { listRewards } from "@/lib/services/rewards/list-rewards";
import { listMenus } from "@/lib/services/rewards/manage-menus";
import { canWriteRewards } from "@/lib/services/rewards/reward-access";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { MenuForm } from "../_components/menu-form";
import { MoveMenuButtons } from "../_components/move-menu-buttons";
import { RewardsTabs } from "../_components/rewards-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("RewardMenus"))("title") };
}

export default async function RewardMenusPage() {
  const actor = await requireUser("/console/rewards/menus");
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  const [t, locale, db] = await Promise.all([getTranslations("RewardMenus"), getLocale(), getAppDb()]);
  const result = await guardRead(async () => ({ menus: await listMenus(db, actor, { programId: program.id }), rewards: await listRewards(db, actor, { programId: program.id }) }));
  if (!result.allowed) return <AccessDenied />;
  const canWrite = await canWriteRewards(db, actor, program.id);
  const { menus, rewards } = result.data;
  return (
    <>
      <PageHeader eyebrow={program.name} title={t("title")} description={t("description")} />
      <RewardsTabs current="menus" />
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {menus.length === 0 ? (
          <EmptyState icon="layers" title={t("emptyTitle")}>
            <p>{t("emptyBody")}</p>
          </EmptyState>
        ) : (
          <Card>
            <ol className="divide-y divide-line" data-testid="menu-list">
              {menus.map((menu, i) => {
                const inMenu = rewards.filter((r) => r.menuId === menu.id && r.status !== "archived");
                return (
                  <li key={menu.id} className="px-5 py-4" data-testid="menu">
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="font-semibold text-ink">{localizedText(menu.name, locale)}</p>
                        {menu.description ? <p className="text-sm text-ink-muted">{localizedText(menu.description, locale)}</p> : null}
                        <p className="mt-1 text-xs text-ink-subtle">
                          {t("rewards", { count: inMenu.length })}
                          {inMenu.length ? `: ${inMenu.map((r) => localizedText(r.name, locale)).join(" · ")}` : ""}
                        </p>
                      </div>
                      {canWrite ? <MoveMenuButtons menuId={menu.id} first={i === 0} last={i === menus.length - 1} /> : null}
                    </div>
                    {canWrite ? (
                      <details className="mt-3">
                        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("rename")}</summary>
                        <div className="mt-3">
                          <MenuForm menu={{ id: menu.id, nameEs: menu.name.es, nameEn: menu.name.en, descriptionEs: menu.description?.es ?? "", descriptionEn: menu.description?.en ?? "" }} />
                        </div>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </Card>
        )}
        {canWrite ? (
          <Card>
            <CardHeader title={t("create.title")} />
            <CardBody>
              <MenuForm />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}

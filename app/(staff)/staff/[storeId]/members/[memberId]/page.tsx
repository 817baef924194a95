import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { loadDeskStore } from "@/app/_data/desk-context";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { groupCardNumber } from "@/lib/domain/desk/group-card-number";
import { isLazoError } from "@/lib/errors";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getDeskMember, type DeskMember } from "@/lib/services/desk/get-desk-member";
import { DeskActivity } from "./_components/desk-activity";
import { EscapeToSearch } from "./_components/escape-to-search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Staff.search"))("title") };
}

type MemberPanelProps = { params: Promise<{ storeId: string; memberId: string }>; searchParams: Promise<{ enrolled?: string }> };

/** The member at the counter: who they are, their points, what they did lately and can use today, and the next step. */
export default async function DeskMemberPage({ params, searchParams }: MemberPanelProps) {
  const [{ storeId, memberId }, { enrolled }] = await Promise.all([params, searchParams]);
  const here = await loadDeskStore(storeId);
  if (!here) return null;
  const panel = await getDeskMember(await getAppDb(), here.actor, { programId: here.desk.program.id, storeId, memberId }).catch((error: unknown) => {
    if (isLazoError(error) && (error.code === "not_found" || error.code === "validation_failed")) return null;
    throw error;
  });
  if (!panel) notFound();
  const [t, locale] = await Promise.all([getTranslations("DeskMember"), getLocale()]);
  const loc = numberLocale(locale, panel.program.locale);
  const base = `/staff/${storeId}`;
  const memberBase = `${base}/members/${panel.member.id}`;
  const { member, points } = panel;

  return (
    <div className="space-y-6" data-testid="member-panel">
      <EscapeToSearch href={base} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link href={base} className="inline-flex min-h-12 items-center gap-2 rounded-control px-1 text-base font-medium text-brand-700 hover:text-brand-800">
          <Icon name="arrowLeft" className="size-5" />
          {t("newSearch")}
        </Link>
        <span className="hidden text-sm text-ink-subtle sm:inline">{t("escHint")}</span>
      </div>

      {enrolled === "1" ? (
        <p className="flex items-center gap-2 rounded-control border border-brand-200 bg-brand-50 px-4 py-3 text-brand-800" data-testid="enrolled-banner">
          <Icon name="sparkles" className="size-5 shrink-0" />
          {t("enrolled", { card: groupCardNumber(member.cardNumber) })}
        </p>
      ) : null}

      <Card className="p-5 sm:p-6">
        <div className="flex flex-col gap-6 md:flex-row md:items-start md:justify-between">
          <div className="min-w-0">
            <h1 className="text-3xl font-semibold tracking-tight text-ink [overflow-wrap:anywhere]" data-testid="member-name">
              {member.name ?? t("noName")}
            </h1>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
              <div>
                <dt className="text-ink-subtle">{t("card")}</dt>
                <dd className="font-mono text-base text-ink tabular-nums" data-testid="member-card">
                  {groupCardNumber(member.cardNumber)}
                </dd>
              </div>
              <div>
                <dt className="text-ink-subtle">{t("tier")}</dt>
                <dd className="mt-0.5" data-testid="member-tier">
                  {panel.tier ? <Badge tone="brand">{localizedText(panel.tier.name, locale)}</Badge> : <span className="text-ink-muted">{t("noTier")}</span>}
                </dd>
              </div>
            </dl>
            <p className="mt-3 text-sm text-ink-muted [overflow-wrap:anywhere]">
              {[member.email, member.phone].filter(Boolean).join(" · ")}
              {member.email || member.phone ? " · " : ""}
              {t("since", { date: formatDate(member.enrolledAt, loc, panel.program.timeZone) })}
            </p>
          </div>
          <div className="grid shrink-0 grid-cols-2 gap-3 md:w-80">
            <div className="rounded-control bg-brand-50 px-4 py-3">
              <p className="text-sm font-medium text-brand-800">{t("available")}</p>
              <p className="mt-1 text-3xl font-semibold text-brand-800 tabular-nums" data-testid="points-available">
                {formatPoints(points.available, loc)}
              </p>
            </div>
            <div className="rounded-control bg-surface-muted px-4 py-3" title={t("pendingHint")}>
              <p className="text-sm font-medium text-ink-muted">{t("pending")}</p>
              <p className="mt-1 text-3xl font-semibold text-ink tabular-nums" data-testid="points-pending">
                {formatPoints(points.pending, loc)}
              </p>
            </div>
            {points.held > 0 ? <p className="col-span-2 text-xs text-ink-subtle">{t("held", { points: formatPoints(points.held, loc) })}</p> : null}
          </div>
        </div>
      </Card>

      {member.status !== "active" ? (
        <p className="flex items-start gap-2 rounded-control border border-accent-400/50 bg-accent-100 px-4 py-3 text-accent-700" data-testid="member-suspended">
          <Icon name="alert" className="mt-0.5 size-5 shrink-0" />
          {t("suspended")}
        </p>
      ) : null}

      <Actions panel={panel} memberBase={memberBase} />

      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader title={t("activity.title")} />
          {panel.activity.length ? (
            <DeskActivity entries={panel.activity} locale={locale} numberLocale={loc} timeZone={panel.program.timeZone} />
          ) : (
            <p className="px-5 py-8 text-center text-sm text-ink-muted">{t("activity.empty")}</p>
          )}
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Coupons panel={panel} locale={locale} loc={loc} />
          <Rewards panel={panel} locale={locale} loc={loc} />
        </div>
      </div>
    </div>
  );
}

async function Actions({ panel, memberBase }: { panel: DeskMember; memberBase: string }) {
  const t = await getTranslations("DeskMember.actions");
  if (!panel.may.earn && !panel.may.redeem && !panel.may.adjust) return null;
  return (
    <nav aria-label={t("label")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="member-actions">
      {panel.may.earn ? (
        <ButtonLink href={`${memberBase}/purchase`} size="xl" className="h-20 text-xl">
          <Icon name="bag" className="size-7" />
          {t("purchase")}
        </ButtonLink>
      ) : null}
      {panel.may.redeem ? (
        <ButtonLink href={`${memberBase}/redeem`} variant="secondary" size="xl" className="h-20 text-xl">
          <Icon name="gift" className="size-7" />
          {t("redeem")}
        </ButtonLink>
      ) : null}
      {panel.may.adjust ? (
        <ButtonLink href={`${memberBase}/adjust`} variant="secondary" size="xl" className="h-20 text-xl">
          <Icon name="coins" className="size-7" />
          {t("adjust")}
        </ButtonLink>
      ) : null}
    </nav>
  );
}

async function Coupons({ panel, locale, loc }: { panel: DeskMember; locale: string; loc: string }) {
  const t = await getTranslations("DeskMember.coupons");
  return (
    <Card>
      <CardHeader title={t("title")} />
      {panel.coupons.length ? (
        <ul className="divide-y divide-line" data-testid="member-coupons">
          {panel.coupons.map((coupon) => (
            <li key={coupon.id} className="flex items-center justify-between gap-3 px-5 py-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-ink">{coupon.reward ? localizedText(coupon.reward.name, locale) : coupon.code}</p>
                <p className="text-xs text-ink-subtle">{coupon.expiresAt ? t("expires", { date: formatDate(coupon.expiresAt, loc, panel.program.timeZone) }) : t("noExpiry")}</p>
              </div>
              <code className="shrink-0 rounded bg-surface-muted px-2 py-1 font-mono text-sm text-ink">{coupon.code}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-6 text-sm text-ink-muted">{t("empty")}</p>
      )}
    </Card>
  );
}

async function Rewards({ panel, locale, loc }: { panel: DeskMember; locale: string; loc: string }) {
  const t = await getTranslations("DeskMember.rewards");
  const rewards = [...panel.rewards].sort((a, b) => Number(b.affordable) - Number(a.affordable) || a.price - b.price);
  return (
    <Card>
      <CardHeader title={t("title")} />
      {rewards.length ? (
        <ul className="divide-y divide-line" data-testid="member-rewards">
          {rewards.map((reward) => (
            <li key={reward.id} className="flex items-center justify-between gap-3 px-5 py-3" data-affordable={reward.affordable}>
              <div className="min-w-0">
                <p className="truncate font-medium text-ink">{localizedText(reward.name, locale)}</p>
                <p className={reward.affordable ? "text-xs text-brand-700" : "text-xs text-ink-subtle"}>
                  {reward.affordable ? t("affordable") : t("short", { points: formatPoints(reward.price - panel.points.available, loc) })}
                </p>
              </div>
              <span className="shrink-0 font-semibold text-ink tabular-nums">{t("price", { points: formatPoints(reward.price, loc) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-6 text-sm text-ink-muted">{t("empty")}</p>
      )}
    </Card>
  );
}

import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NoProgram } from "@/components/shell/no-program";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { getMemberDetail } from "@/lib/services/members/get-member-detail";
import { listMemberHistory } from "@/lib/services/members/list-member-history";
import { AccessDenied } from "../../_components/access-denied";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { guardRead } from "../../_lib/guard-read";
import { AdjustPointsForm } from "./_components/adjust-points-form";
import { ExpiryCard } from "./_components/expiry-card";
import { MemberLedger } from "./_components/member-ledger";
import { ProfileCard } from "./_components/profile-card";
import { ReferralCard } from "./_components/referral-card";
import { getMemberReferrals } from "@/lib/services/referrals/get-member-referrals";
import { TierCard } from "./_components/tier-card";
import { TierOverrideForm } from "./_components/tier-override-form";
import { CsvDownloadLink } from "../../_components/csv-download-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MemberDetail"))("eyebrow") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One member: balances, expiries, tier and its history, the explained ledger, and the manual adjustments the role allows. */
export default async function MemberPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  const actor = await requireUser(`/console/members/${memberId}`);
  const program = await getConsoleProgramFor(actor);
  if (!program) return <NoProgram />;
  if (!UUID.test(memberId)) notFound();
  const [t, tf, locale, db] = await Promise.all([getTranslations("MemberDetail"), getTranslations("MemberForms"), getLocale(), getAppDb()]);
  const now = new Date();
  const result = await guardRead(async () => {
    const detail = await getMemberDetail(db, actor, { programId: program.id, memberId }, now);
    return { detail, history: await listMemberHistory(db, actor, { programId: program.id, memberId, limit: 20 }), referrals: await getMemberReferrals(db, actor, { programId: program.id, memberId }) };
  });
  if (!result.allowed) return <AccessDenied />;
  const { detail, history, referrals } = result.data;
  const { member, balance } = detail;
  const loc = numberLocale(locale, program.locale);
  const points = (n: number) => formatPoints(n, loc);
  const inAYear = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);

  return (
    <>
      <Link href="/console/members" className="inline-flex items-center gap-1.5 text-sm font-medium text-ink-muted hover:text-ink">
        <Icon name="arrowLeft" className="size-4" />
        {t("back")}
      </Link>
      <div className="mt-4">
        <PageHeader
          eyebrow={t("eyebrow")}
          title={<span data-testid="member-name">{member.name ?? member.email ?? member.cardNumber}</span>}
          description={`${t("card", { number: member.cardNumber })} · ${t("since", { date: formatDate(member.enrolledAt, loc, program.timeZone) })}`}
          actions={member.status !== "active" ? <Badge tone="accent">{member.status}</Badge> : undefined}
        />
      </div>

      <div className="mt-8 grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="member-balances">
        <StatCard label={t("balances.available")} value={points(balance.available)} icon="wallet" testId="balance-available" />
        <StatCard label={t("balances.pending")} value={points(balance.pending)} icon="coins" testId="balance-pending" />
        <StatCard label={t("balances.held")} value={points(balance.held)} icon="layers" testId="balance-held" />
        <StatCard
          label={t("balances.lifetime")}
          value={points(balance.lifetimeEarned)}
          icon="trendingUp"
          testId="balance-lifetime"
          hint={t("balances.lifetimeHint", { redeemed: points(balance.lifetimeRedeemed), expired: points(balance.lifetimeExpired) })}
        />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <ExpiryCard detail={detail} fmt={{ numberLocale: loc, timeZone: program.timeZone }} />
          <TierCard detail={detail} fmt={{ locale, numberLocale: loc, timeZone: program.timeZone, now }} />
          <Card data-testid="member-history">
            <CardHeader title={t("history.title")} description={t("history.description")} action={<CsvDownloadLink href={`/console/members/${member.id}/export`} actor={actor} programId={program.id} testId="member-history-csv" />} />
            {/* Keyed by the newest entry: after an adjustment the refreshed page shows it at the top. */}
            <MemberLedger key={history.entries[0]?.id ?? 0} memberId={member.id} initial={history.entries} nextCursor={history.nextCursor} locale={locale} numberLocale={loc} timeZone={program.timeZone} />
          </Card>
        </div>
        <div className="space-y-6">
          <ProfileCard member={member} numberLocale={loc} />
          <ReferralCard referrals={referrals} />
          {detail.may.adjustPoints ? (
            <Card>
              <CardHeader title={tf("adjust.title")} description={tf("adjust.description")} />
              <div className="px-5 py-4">
                <AdjustPointsForm memberId={member.id} idempotencyKey={randomUUID()} />
              </div>
            </Card>
          ) : null}
          {detail.may.overrideTier ? (
            <Card>
              <CardHeader title={tf("override.title")} description={tf("override.description")} />
              <div className="px-5 py-4">
                <TierOverrideForm
                  memberId={member.id}
                  tiers={detail.tiers.map((tier) => ({ key: tier.key, label: localizedText(tier.name, locale) }))}
                  currentTier={member.tierKey}
                  defaultUntil={inAYear}
                  minDate={now.toISOString().slice(0, 10)}
                />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

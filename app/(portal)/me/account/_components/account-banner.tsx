import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/ui/icons";
import type { Actor } from "@/lib/auth/actor";
import { formatPoints } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getMyAccountSummary } from "@/lib/services/business-accounts/get-my-account";

/** On the home, for members who buy for a company: the company's balance, one tap from its page. Nothing for everyone else. */
export async function AccountBanner({ actor, numberLocale, pointName }: { actor: Actor; numberLocale: string; pointName: string }) {
  const summary = await getMyAccountSummary(await getAppDb(), actor);
  if (!summary) return null;
  const t = await getTranslations("MyAccount");
  return (
    <Link href="/me/account" className="flex min-h-11 items-center gap-3 rounded-card border border-brand-200 bg-brand-50/60 p-4 hover:bg-brand-50" data-testid="account-link">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-surface text-brand-600">
        <Icon name="store" className="size-5" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-ink">{summary.name}</span>
        <span className="block text-sm text-ink-muted">{t("pool")}: {formatPoints(summary.available, numberLocale)} {pointName}</span>
      </span>
      <Icon name="arrowRight" className="size-4 text-ink-subtle" />
    </Link>
  );
}

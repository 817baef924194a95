import Link from "@/components/link";
import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/ui/icons";

const LINKS = [
  { href: "/me/rewards", icon: "gift", title: "rewardsLink", hint: "rewardsLinkHint", testId: "rewards-link" },
  { href: "/me/card", icon: "qr", title: "cardLink", hint: "cardLinkHint", testId: "card-link" },
  { href: "/me/referrals", icon: "users", title: "referralsLink", hint: "referralsLinkHint", testId: "referrals-link" },
  { href: "/me/challenges", icon: "trophy", title: "challengesLink", hint: "challengesLinkHint", testId: "challenges-link" },
  { href: "/me/privacy", icon: "shield", title: "privacyLink", hint: "privacyLinkHint", testId: "privacy-link" },
] as const satisfies readonly { href: string; icon: IconName; title: string; hint: string; testId: string }[];

/** Redeeming, the member card (what they need at the counter), inviting friends, challenges and privacy, one tap from the home. */
export function QuickLinks() {
  const t = useTranslations("MyHome");
  return (
    <nav aria-label={t("quickLinks")} className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          className="flex flex-col gap-2 rounded-card border border-line bg-surface p-4 shadow-card transition-colors hover:border-brand-200 hover:bg-brand-50/40"
          data-testid={link.testId}
        >
          <span className="flex size-10 items-center justify-center rounded-full bg-brand-50 text-brand-600">
            <Icon name={link.icon} className="size-5" />
          </span>
          <span className="font-medium text-ink">{t(link.title)}</span>
          <span className="text-xs text-ink-muted">{t(link.hint)}</span>
        </Link>
      ))}
    </nav>
  );
}

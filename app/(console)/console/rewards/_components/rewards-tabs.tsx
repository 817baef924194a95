import Link from "@/components/link";
import { getTranslations } from "next-intl/server";
import { clsx } from "clsx";

const TABS = [
  { key: "catalog", href: "/console/rewards" },
  { key: "menus", href: "/console/rewards/menus" },
  { key: "coupons", href: "/console/rewards/coupons" },
] as const;

/** The rewards section's three views. */
export async function RewardsTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("RewardsSection.tabs");
  return (
    <nav className="mt-6 flex gap-1 border-b border-line" aria-label={t("catalog")}>
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={clsx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-ink-muted hover:text-ink",
          )}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}

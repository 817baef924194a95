"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { clsx } from "clsx";
import { Icon, type IconName } from "@/components/ui/icons";

type DeskNavItem = { key: "search" | "coupons" | "returns" | "endOfDay"; path: string; icon: IconName };

const ITEMS: DeskNavItem[] = [
  { key: "search", path: "", icon: "search" },
  { key: "coupons", path: "/coupons", icon: "gift" },
  { key: "returns", path: "/returns", icon: "refresh" },
  { key: "endOfDay", path: "/end-of-day", icon: "activity" },
];

/** The counter's tasks, as large tabs; a member's own screens count as "search". */
export function DeskNav({ storeId }: { storeId: string }) {
  const t = useTranslations("Staff.nav");
  const pathname = usePathname();
  const base = `/staff/${storeId}`;
  const current = ITEMS.slice(1).find((item) => pathname.startsWith(`${base}${item.path}`))?.key ?? "search";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2">
      {ITEMS.map((item) => (
        <Link
          key={item.key}
          href={`${base}${item.path}`}
          aria-current={current === item.key ? "page" : undefined}
          className={clsx(
            "inline-flex min-h-12 items-center gap-2 rounded-control border px-4 text-base font-medium transition",
            current === item.key ? "border-brand-600 bg-brand-600 text-white shadow-card" : "border-line bg-surface text-ink hover:border-brand-300 hover:text-brand-700",
          )}
        >
          <Icon name={item.icon} className="size-5" />
          {t(item.key)}
        </Link>
      ))}
      <Link href="/staff" className="ml-auto inline-flex min-h-12 items-center gap-2 rounded-control px-3 text-sm font-medium text-ink-muted hover:text-brand-700">
        <Icon name="store" className="size-5" />
        {t("changeStore")}
      </Link>
    </nav>
  );
}

"use client";

import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";

type StoreSummary = { id: string; name: string; code: string };

/**
 * The shell's layout sits above /staff/[storeId], so the header reads the
 * store from the route on the client and looks the name up in the stores
 * the layout passed (only those this user may work at).
 */
export function CurrentStoreBadge({ stores }: { stores: StoreSummary[] }) {
  const t = useTranslations("Staff");
  const { storeId } = useParams<{ storeId?: string }>();
  const store = stores.find((candidate) => candidate.id === storeId);
  return (
    <p
      className="flex min-w-0 items-center gap-2.5 rounded-control border border-line bg-surface-muted px-3 py-2"
      data-testid="current-store"
    >
      <Icon name="store" className={store ? "size-5 shrink-0 text-brand-600" : "size-5 shrink-0 text-ink-subtle"} />
      <span className="min-w-0 leading-tight">
        <span className="block truncate text-[11px] font-medium text-ink-subtle">{t("storeLabel")}</span>
        <span className="block truncate text-sm font-semibold text-ink">{store ? store.name : t("noStore")}</span>
      </span>
    </p>
  );
}

import { useTranslations } from "next-intl";
import type { ProgramOverview } from "@/app/_data/program-overview";
import { Card, CardHeader } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { formatCount } from "@/lib/format";

type StoreListCardProps = { stores: ProgramOverview["stores"]; numberLocale: string };

export function StoreListCard({ stores, numberLocale }: StoreListCardProps) {
  const t = useTranslations("Console.home.stores");
  return (
    <Card data-testid="store-list">
      <CardHeader title={t("title")} description={t("description", { count: stores.length, formatted: formatCount(stores.length, numberLocale) })} />
      {stores.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-ink-subtle">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-line">
          {stores.map((store) => (
            <li key={store.id} className="flex items-center gap-3 px-5 py-3">
              <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-surface-muted text-ink-muted">
                <Icon name="store" className="size-4" />
              </span>
              <span className="min-w-0 flex-1 truncate text-sm font-medium text-ink">{store.name}</span>
              <code className="font-mono text-xs text-ink-subtle">{store.code}</code>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

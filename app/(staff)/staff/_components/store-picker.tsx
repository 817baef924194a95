import Link from "@/components/link";
import { useTranslations } from "next-intl";
import type { DeskStore } from "@/lib/services/stores/list-desk-stores";
import { Icon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

type StorePickerProps = { stores: DeskStore[]; unknownStore: boolean };

export function StorePicker({ stores, unknownStore }: StorePickerProps) {
  const t = useTranslations("Staff.picker");
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      {unknownStore ? (
        <p
          className="mt-6 flex items-center gap-2 rounded-control border border-accent-400/50 bg-accent-100 px-4 py-3 text-sm text-accent-700"
          data-testid="unknown-store"
          data-access="denied"
        >
          <Icon name="alert" className="size-5 shrink-0" />
          {t("unknownStore")}
        </p>
      ) : null}
      {stores.length === 0 ? (
        <p className="mt-8 text-ink-muted">{t("empty")}</p>
      ) : (
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="store-picker">
          {stores.map((store) => (
            <li key={store.id}>
              <Link
                href={`/staff/${encodeURIComponent(store.id)}`}
                className="group flex min-h-24 items-center gap-4 rounded-card border border-line bg-surface p-5 shadow-card transition hover:border-brand-300 hover:shadow-raised"
              >
                <span className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600 group-hover:bg-brand-100">
                  <Icon name="store" className="size-6" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-lg font-semibold text-ink" data-testid="store-name">
                    {store.name}
                  </span>
                  <span className="block text-sm text-ink-subtle">{t("code", { code: store.code })}</span>
                </span>
                <Icon name="arrowRight" className="size-5 shrink-0 text-ink-subtle group-hover:text-brand-600" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useTranslations } from "next-intl";
import type { PortalProgram } from "@/app/_data/portal-program";
import { Icon } from "@/components/ui/icons";

export function StoreDirectory({ stores }: { stores: PortalProgram["stores"] }) {
  const t = useTranslations("Portal.home.stores");
  return (
    <section id="stores" aria-labelledby="stores-title">
      <h2 id="stores-title" className="text-lg font-semibold text-ink">
        {t("title")}
      </h2>
      {stores.length === 0 ? (
        <p className="mt-4 text-sm text-ink-subtle">{t("empty")}</p>
      ) : (
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {stores.map((store) => (
            <li key={store.id} className="flex items-center gap-3 rounded-card border border-line bg-surface p-4 shadow-card">
              <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-600">
                <Icon name="store" className="size-5" />
              </span>
              <span className="min-w-0 truncate font-medium text-ink">{store.name}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

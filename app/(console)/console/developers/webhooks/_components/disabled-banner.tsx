import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/ui/icons";

/** The console's notice that the system switched endpoints off after a day of failures. */
export async function DisabledBanner({ count }: { count: number }) {
  if (count === 0) return null;
  const t = await getTranslations("Webhooks.disabledBanner");
  return (
    <div className="mt-6 flex items-start gap-3 rounded-card border border-accent-400/60 bg-accent-100/70 px-5 py-4" data-testid="webhooks-disabled-banner">
      <Icon name="alert" className="mt-0.5 size-5 shrink-0 text-accent-700" />
      <div>
        <p className="text-sm font-semibold text-ink">{t("title", { count })}</p>
        <p className="mt-0.5 text-sm text-ink-muted">{t("body")}</p>
      </div>
    </div>
  );
}

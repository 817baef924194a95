import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";

/** How the engine reads a plan, in the order it does it. */
export function RulesHelp() {
  const t = useTranslations("PlanEditor.help");
  return (
    <aside className="rounded-card border border-brand-200 bg-brand-50 p-4 text-sm text-ink" data-testid="rules-help">
      <p className="flex items-center gap-2 font-semibold">
        <Icon name="info" className="size-4 text-brand-600" />
        {t("title")}
      </p>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-ink-muted">
        {(["exclusions", "base", "order", "conditions", "effect", "caps", "stacking", "pending"] as const).map((step) => (
          <li key={step}>{t(`steps.${step}`)}</li>
        ))}
      </ol>
    </aside>
  );
}

import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown by every surface while the database holds no program yet. */
export function NoProgram() {
  const t = useTranslations("NoProgram");
  return (
    <div data-testid="no-program">
      <EmptyState icon="terminal" title={t("title")}>
        <p>{t("body")}</p>
        <pre className="overflow-x-auto rounded-control bg-brand-950 px-4 py-3 text-left font-mono text-sm text-brand-50">
          <code>npm run cli -- program create …</code>
        </pre>
        <p className="text-xs text-ink-subtle">{t("hint")}</p>
      </EmptyState>
    </div>
  );
}

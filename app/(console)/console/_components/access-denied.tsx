import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";

/** A signed-in user without the page's permission: say so plainly, reveal nothing. */
export function AccessDenied() {
  const t = useTranslations("AdminCommon");
  return (
    <div data-testid="access-denied" data-access="denied">
      <EmptyState icon="alert" title={t("forbiddenTitle")}>
        <p>{t("forbiddenBody")}</p>
      </EmptyState>
    </div>
  );
}

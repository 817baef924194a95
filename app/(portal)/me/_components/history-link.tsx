import { useTranslations } from "next-intl";
import { CardLink } from "@/components/ui/card-link";

/** From the home to the member's explained history. */
export function HistoryLink() {
  const t = useTranslations("MemberHistory");
  return <CardLink href="/me/history" icon="activity" title={t("linkFromHome")} hint={t("linkFromHomeHint")} testId="history-link" />;
}

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function EndpointStatusBadge({ status }: { status: "active" | "disabled" }) {
  const t = useTranslations("Webhooks.status");
  return status === "active" ? (
    <Badge tone="brand" data-testid="endpoint-status">
      {t("active")}
    </Badge>
  ) : (
    <Badge tone="accent" data-testid="endpoint-status">
      {t("disabled")}
    </Badge>
  );
}

/** Why an endpoint is disabled, in the user's language (null when it is active). */
export function DisabledNotice({ reason }: { reason: string | null }) {
  const t = useTranslations("Webhooks.disabledReason");
  if (!reason) return null;
  return (
    <p className="mt-2 text-sm font-medium text-accent-700" data-testid="disabled-reason">
      {reason === "failing_24h" ? t("failing_24h") : t("manual")}
    </p>
  );
}

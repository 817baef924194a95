import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { VERIFY_SNIPPET } from "@/lib/domain/webhooks/verify-snippet";


export async function VerifySnippet() {
  const t = await getTranslations("Webhooks.verify");
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-3 text-sm text-ink-muted">
        <p>{t("intro")}</p>
        <pre className="overflow-x-auto rounded-control bg-ink p-4 font-mono text-xs leading-relaxed text-white" data-testid="verify-snippet">
          <code>{VERIFY_SNIPPET}</code>
        </pre>
        <p>{t("outro")}</p>
      </CardBody>
    </Card>
  );
}

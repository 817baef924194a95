"use client";

import { useTranslations } from "next-intl";
import { OneTimeSecret } from "@/components/ui/one-time-secret";

/** The signing secret, once: copy it now, it is never shown again. */
export function SigningSecret({ secret, rotated = false }: { secret: string; rotated?: boolean }) {
  const t = useTranslations("Webhooks.secret");
  return (
    <OneTimeSecret
      secret={secret}
      title={rotated ? t("rotatedTitle") : t("createdTitle")}
      warning={t("warning")}
      label={t("label")}
      copyLabel={t("copy")}
      copiedLabel={t("copied")}
      testId="webhook-secret"
    />
  );
}

"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/shell/status-page";
import { Button, ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

type ErrorPageProps = { error: unknown; retry: () => void };

export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const t = useTranslations();
  // Production hides server messages; the digest matches the server log line.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusPage
      icon="alert"
      brand={t("Common.brand")}
      title={t("Error.title")}
      body={t("Error.body")}
      actions={
        <>
          <Button onClick={() => retry()}>
            <Icon name="refresh" className="size-4" />
            {t("Error.retry")}
          </Button>
          <ButtonLink href="/" variant="secondary">
            {t("Common.backHome")}
          </ButtonLink>
        </>
      }
      footer={digest ? t("Error.reference", { digest }) : null}
    />
  );
}

"use client";

import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { queryKeys } from "@/lib/query-keys";
import type { CardTokenPayload } from "../_lib/card-codes";

/** A new token every minute; each lives five minutes, so a scan always finds a live one. */
const ROTATE_MS = 60_000;

async function fetchToken(): Promise<CardTokenPayload> {
  const response = await fetch("/me/card/token", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`card token ${response.status}`);
  return response.json() as Promise<CardTokenPayload>;
}

/**
 * The card's QR, refreshed in the background. Offline, the service worker
 * answers the token request with the last one fetched; once that has expired
 * the code is dimmed and marked, so staff fall back to the barcode.
 */
export function RotatingQr({ initial, numberLocale, timeZone }: { initial: CardTokenPayload; numberLocale: string; timeZone: string }) {
  const t = useTranslations("MyCard");
  const query = useQuery({ queryKey: queryKeys.myCardToken(), queryFn: fetchToken, initialData: initial, refetchInterval: ROTATE_MS, staleTime: ROTATE_MS - 5_000 });
  const [now, setNow] = useState(() => Date.now());
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 5_000);
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      clearInterval(tick);
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  const card = query.data;
  const expired = new Date(card.expiresAt).getTime() <= now;
  const time = new Intl.DateTimeFormat(numberLocale, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(card.expiresAt));

  return (
    <div className="flex flex-col items-center gap-3">
      <div
        role="img"
        aria-label={t("qrLabel")}
        data-testid="card-qr"
        data-token={card.token}
        className={expired ? "w-full max-w-64 opacity-30 grayscale" : "w-full max-w-64"}
        dangerouslySetInnerHTML={{ __html: card.qrSvg }}
      />
      <p className={expired ? "text-sm font-medium text-accent-700" : "text-sm text-ink-muted"} data-testid="card-qr-expiry" aria-live="polite">
        {expired ? t("expired", { time }) : t("validUntil", { time })}
      </p>
      {!online || query.isError ? (
        <p className="flex items-center gap-2 rounded-control bg-surface-muted px-3 py-2 text-sm text-ink-muted" data-testid="card-offline">
          <Icon name="info" className="size-4 shrink-0" />
          {t("offline")}
        </p>
      ) : null}
      <Button variant="secondary" onClick={() => void query.refetch()} disabled={query.isFetching} data-testid="card-refresh">
        <Icon name="refresh" className="size-4" />
        {query.isFetching ? t("refreshing") : t("refresh")}
      </Button>
    </div>
  );
}

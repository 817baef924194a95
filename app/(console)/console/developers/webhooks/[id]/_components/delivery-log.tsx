import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DeliveryView } from "@/lib/services/webhooks/webhook-deliveries";
import { ReplayButton } from "./replay-button";

const TONES = { pending: "neutral", succeeded: "brand", failed: "accent" } as const;

/** Deliveries newest first, each with every attempt: what the receiver answered, how fast, and when. */
export async function DeliveryLog({ endpointId, deliveries, when, canReplay }: { endpointId: string; deliveries: DeliveryView[]; when: (iso: string) => string; canReplay: boolean }) {
  const t = await getTranslations("Webhooks.log");
  if (!deliveries.length) return <p className="px-5 py-6 text-sm text-ink-muted">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-line" data-testid="delivery-log">
      {deliveries.map((d) => (
        <li key={d.id} className="px-5 py-4" data-testid="delivery" data-event-type={d.eventType}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <code className="font-mono text-sm font-semibold text-ink">{d.eventType}</code>
              <span className="font-mono text-xs text-ink-subtle">{d.eventId}</span>
              {d.replay ? <Badge>{t("replayTag", { n: d.replay })}</Badge> : null}
              <Badge tone={TONES[d.status]} data-testid="delivery-status">
                {t(`status.${d.status}`)}
              </Badge>
            </div>
            {canReplay ? <ReplayButton endpointId={endpointId} deliveryId={d.id} /> : null}
          </div>
          {d.attempts.length ? (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[32rem] text-left text-xs">
                <thead className="text-ink-subtle">
                  <tr>
                    <th className="py-1 pr-3 font-medium">{t("attempt")}</th>
                    <th className="py-1 pr-3 font-medium">{t("response")}</th>
                    <th className="py-1 pr-3 font-medium">{t("duration")}</th>
                    <th className="py-1 pr-3 font-medium">{t("time")}</th>
                    <th className="py-1 font-medium">{t("error")}</th>
                  </tr>
                </thead>
                <tbody className="text-ink">
                  {d.attempts.map((a) => (
                    <tr key={a.attempt} className="border-t border-line" data-testid="delivery-attempt">
                      <td className="py-1.5 pr-3 tabular-nums">{a.attempt}</td>
                      <td className={a.responseStatus && a.responseStatus < 300 ? "py-1.5 pr-3 font-mono text-brand-700" : "py-1.5 pr-3 font-mono text-accent-700"}>{a.responseStatus ?? t("noResponse")}</td>
                      <td className="py-1.5 pr-3 tabular-nums">{a.durationMs} ms</td>
                      <td className="py-1.5 pr-3 tabular-nums whitespace-nowrap">{when(a.at)}</td>
                      <td className="max-w-xs truncate py-1.5 text-ink-muted" title={a.error ?? undefined}>
                        {a.error ?? "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="mt-2 text-xs text-ink-subtle">{t("noAttempts")}</p>
          )}
          {d.nextAttemptAt && d.attempts.length ? <p className="mt-2 text-xs text-ink-subtle">{t("nextAttempt", { time: when(d.nextAttemptAt) })}</p> : null}
        </li>
      ))}
    </ul>
  );
}

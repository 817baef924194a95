import type { Executor } from "@/db/types";
import { readEnv } from "@/lib/env";
import { dispatchWebhooks } from "@/lib/services/webhooks/dispatch-webhooks";

const DEFAULT_POLL_MS = 2_000;

/**
 * Webhooks should leave within seconds, finer than pg-boss's one-minute cron,
 * so each worker instance also polls the outbox and the due deliveries on a
 * short timer (never overlapping itself). Many instances polling at once is
 * safe: events and deliveries are claimed with FOR UPDATE SKIP LOCKED and leases.
 */
export function startWebhookPoller(db: Executor, log: (line: string) => void, intervalMs = readEnv().LAZO_WEBHOOK_POLL_MS ?? DEFAULT_POLL_MS): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = dispatchWebhooks(db)
      .then((result) => {
        if (result.events || result.attempted) log(`Lazo jobs: webhooks ${JSON.stringify(result)}`);
      })
      .catch((error: unknown) => log(`Lazo jobs: webhooks ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

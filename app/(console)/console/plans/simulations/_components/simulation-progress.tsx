"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { queryKeys } from "@/lib/query-keys";
import type { SimulationProgress as Progress } from "@/lib/services/simulation/read-simulations";
import { getSimulationProgressAction } from "../actions";

const POLL_MS = 1_000;

type Props = { simulationId: string; initial: Progress; locale: string };

/** The run's progress bar: polls the run row every second until it finishes, then reloads the page with the results (a finished run shows it full). */
export function SimulationProgress(props: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 2, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={client}>
      <ProgressBar {...props} />
    </QueryClientProvider>
  );
}

function ProgressBar({ simulationId, initial, locale }: Props) {
  const t = useTranslations("PlanSimulation.run");
  const router = useRouter();
  const query = useQuery({
    queryKey: queryKeys.simulationProgress(simulationId),
    queryFn: () => getSimulationProgressAction(simulationId),
    initialData: { ok: true as const, progress: initial },
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data?.ok && (q.state.data.progress.status === "queued" || q.state.data.progress.status === "running") ? POLL_MS : false),
  });
  const answer = query.data;
  const progress = answer?.ok ? answer.progress : initial;
  const finished = progress.status === "completed" || progress.status === "failed";
  const startedUnfinished = initial.status === "queued" || initial.status === "running";
  useEffect(() => {
    // The page was rendered while the run went on: render it again, now with the results.
    if (finished && startedUnfinished) router.refresh();
  }, [finished, startedUnfinished, router]);

  const lost = query.isError || (answer && !answer.ok);
  const n = (v: number) => v.toLocaleString(locale);
  const state = lost ? "progressLost" : progress.status === "completed" ? (startedUnfinished ? "progressDone" : "progressFinished") : progress.status === "running" ? "progressRunning" : progress.total === null ? "progressWaiting" : "progressQueued";
  return (
    <div className="space-y-2" data-testid="simulation-progress" data-status={progress.status} data-percent={progress.percent}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <p className="font-medium text-ink" aria-live="polite">{t(state)}</p>
        <p className="text-ink-muted tabular-nums" data-testid="simulation-progress-percent">{`${progress.percent} %`}</p>
      </div>
      <div className="h-2.5 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-label={t("progressLabel")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
        <div className={`h-full rounded-full bg-brand-500 transition-all duration-500 ${finished ? "" : "animate-pulse"}`} style={{ width: `${Math.max(progress.percent, 2)}%` }} />
      </div>
      {progress.total !== null ? (
        <p className="text-xs text-ink-subtle tabular-nums" data-testid="simulation-progress-count">
          {t("progressCount", { processed: n(progress.processed), total: n(progress.total) })}
        </p>
      ) : null}
    </div>
  );
}

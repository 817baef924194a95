"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { formatCount, formatPoints } from "@/lib/format";
import type { PreviewAnswer } from "../actions";

type Props = {
  answer: PreviewAnswer | undefined;
  pending: boolean;
  failed: boolean;
  tierNames: Record<string, string>;
  numberLocale: string;
};

/** The live count and a masked sample of the members the rules select now. */
export function SegmentPreviewCard({ answer, pending, failed, tierNames, numberLocale }: Props) {
  const tp = useTranslations("Segments");
  const t = (key: string, values?: Record<string, string | number>) => tp(`preview.${key}` as "preview.count", values as { count: number });
  const ok = answer?.ok ? answer : null;
  return (
    <aside className="rounded-card border border-line bg-surface p-5 shadow-card lg:sticky lg:top-6" aria-labelledby="segment-preview-title" data-testid="segment-preview" data-pending={pending ? "true" : "false"}>
      <div className="flex items-center justify-between gap-2">
        <h2 id="segment-preview-title" className="text-sm font-semibold text-ink">
          {t("title")}
        </h2>
        <span className={clsx("text-xs text-ink-subtle transition-opacity", pending ? "opacity-100" : "opacity-0")} aria-hidden={!pending}>
          {t("counting")}
        </span>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {failed ? (
          <p className="mt-3 text-sm text-accent-700">{t("failed")}</p>
        ) : answer && !answer.ok ? (
          <p className="mt-3 text-sm text-accent-700" data-testid="segment-preview-invalid">
            {answer.message?.code === "validation_failed" ? t("invalid") : answer.message?.text}
          </p>
        ) : (
          <p className={clsx("mt-2 text-3xl font-semibold tracking-tight text-ink tabular-nums", pending && "opacity-60")} data-testid="segment-preview-count" data-count={ok?.count ?? ""}>
            {ok ? t("count", { count: ok.count }) : "…"}
          </p>
        )}
      </div>
      {ok ? (
        <div className="mt-4 border-t border-line pt-4">
          <h3 className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{t("sampleTitle")}</h3>
          {ok.sample.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">{t("sampleEmpty")}</p>
          ) : (
            <>
              <ul className="mt-2 divide-y divide-line" data-testid="segment-sample">
                {ok.sample.map((m) => (
                  <li key={m.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-ink">{m.name ?? t("noName")}</span>
                      <span className="block truncate text-xs text-ink-subtle">{m.email ?? "—"}</span>
                    </span>
                    <span className="shrink-0 text-right">
                      <span className="block tabular-nums text-ink">{t("points", { points: formatPoints(m.available, numberLocale) })}</span>
                      <span className="block text-xs text-ink-subtle">{m.tierKey ? (tierNames[m.tierKey] ?? m.tierKey) : t("noTier")}</span>
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-ink-subtle">
                {ok.count > ok.sample.length ? `${formatCount(ok.sample.length, numberLocale)} / ${formatCount(ok.count, numberLocale)} · ` : ""}
                {t("masked")}
              </p>
            </>
          )}
        </div>
      ) : null}
    </aside>
  );
}

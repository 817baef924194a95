import type { ReactNode } from "react";
import { Icon, type IconName } from "./icons";

type StatCardProps = {
  label: ReactNode;
  value: ReactNode;
  icon: IconName;
  hint?: ReactNode;
  testId?: string;
};

/** Characters past which a value (money with a currency code, say) steps down a size instead of breaking mid-number in a narrow card. */
const LONG_VALUE = 12;

export function StatCard({ label, value, icon, hint, testId }: StatCardProps) {
  const size = typeof value === "string" && value.length > LONG_VALUE ? "text-xl" : "text-2xl";
  return (
    <div className="rounded-card border border-line bg-surface p-5 shadow-card" data-testid={testId}>
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-medium text-ink-muted">{label}</p>
        <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-600">
          <Icon name={icon} className="size-4" />
        </span>
      </div>
      <p className={`mt-3 ${size} font-semibold tracking-tight break-words text-ink tabular-nums`}>{value}</p>
      {hint ? <p className="mt-1 line-clamp-2 text-xs text-ink-subtle">{hint}</p> : null}
    </div>
  );
}

import { clsx } from "clsx";
import type { ComponentProps } from "react";

export type BadgeTone = "neutral" | "brand" | "accent";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-surface-muted text-ink-muted ring-line",
  brand: "bg-brand-50 text-brand-700 ring-brand-200",
  accent: "bg-accent-100 text-accent-700 ring-accent-400/40",
};

export function Badge({ tone = "neutral", className, ...rest }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={clsx(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...rest}
    />
  );
}

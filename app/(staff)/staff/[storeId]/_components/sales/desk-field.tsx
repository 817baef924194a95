import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldNotes } from "@/components/forms/field-notes";
import { Icon, type IconName } from "@/components/ui/icons";

type DeskFieldProps = Omit<ComponentProps<"input">, "id" | "size"> & { id: string; label: ReactNode; hint?: ReactNode; error?: string; labelClassName?: string };

/** A large counter input (56 px) with its label, hint and error wired for screen readers. */
export function DeskField({ id, label, hint, error, className, labelClassName, ...input }: DeskFieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className={clsx("block text-sm font-medium text-ink", labelClassName)}>
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={clsx(
          "mt-1.5 block h-14 w-full rounded-control border bg-surface px-4 text-lg text-ink placeholder:text-ink-subtle focus:ring-4 focus:outline-none",
          error ? "border-accent-500 focus:border-accent-500 focus:ring-accent-100" : "border-line-strong focus:border-brand-500 focus:ring-brand-100",
        )}
        {...input}
      />
      <FieldNotes id={id} hint={hint} error={error} testId={id} />
    </div>
  );
}

/** One row of a receipt. */
export function ReceiptRow({ label, value, strong, testId }: { label: ReactNode; value: ReactNode; strong?: boolean; testId?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-4 border-b border-dashed border-line py-2 last:border-0">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className={clsx("text-right tabular-nums", strong ? "text-xl font-semibold text-ink" : "text-base text-ink")} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** A printable receipt card: icon and title, then the rows and buttons it is given. */
export function ReceiptCard({ icon, title, titleId, testId, children }: { icon: IconName; title: ReactNode; titleId: string; testId: string; children: ReactNode }) {
  return (
    <section className="mx-auto max-w-xl space-y-5 rounded-card border border-line bg-surface p-6 shadow-card print:border-0 print:shadow-none" aria-labelledby={titleId} data-testid={testId}>
      <div className="flex items-center gap-3">
        <span className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600 print:hidden">
          <Icon name={icon} className="size-6" />
        </span>
        <h2 id={titleId} className="text-2xl font-semibold text-ink">
          {title}
        </h2>
      </div>
      {children}
    </section>
  );
}

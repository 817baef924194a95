import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldNotes } from "@/components/forms/field-notes";

type TextFieldProps = Omit<ComponentProps<"input">, "id" | "name" | "size"> & {
  name: string;
  label: ReactNode;
  /** Shown in the label, e.g. "optional". */
  labelNote?: ReactNode;
  hint?: ReactNode;
  error?: string;
  inputSize?: "md" | "lg";
};

/** Label, input, hint and error, wired with aria-describedby / aria-invalid. */
export function TextField({ name, label, labelNote, hint, error, inputSize = "md", className, ...input }: TextFieldProps) {
  const id = `field-${name}`;
  const described = describedBy(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
        {labelNote ? <span className="font-normal text-ink-subtle"> ({labelNote})</span> : null}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={clsx(
          "mt-1.5 block w-full rounded-control border bg-surface px-3.5 text-ink placeholder:text-ink-subtle focus:ring-4 focus:outline-none",
          inputSize === "lg" ? "h-14 text-lg" : "h-11 text-base sm:text-sm",
          error ? "border-accent-500 focus:border-accent-500 focus:ring-accent-100" : "border-line-strong focus:border-brand-500 focus:ring-brand-100",
        )}
        {...input}
      />
      <FieldNotes id={id} hint={hint} error={error} testId={name} />
    </div>
  );
}

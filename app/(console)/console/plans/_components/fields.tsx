import { clsx } from "clsx";
import type { ReactNode } from "react";
import type { FormState } from "@/components/forms/form-state";
import { describedBy } from "@/components/forms/field-notes";

/** The value to show: what was just posted (after a refusal), else the saved one. */
export function shown(state: FormState, name: string, saved: string | number | undefined | null): string {
  return state.values?.[name] ?? (saved === undefined || saved === null ? "" : String(saved));
}

export function shownMany(state: FormState, name: string, saved: readonly (string | number)[] | undefined): string[] {
  if (state.values) return (state.values[name] ?? "").split(",").filter(Boolean);
  return (saved ?? []).map(String);
}

const inputClass = (error?: string) =>
  clsx(
    "mt-1.5 block h-10 w-full rounded-control border bg-surface px-3 text-sm text-ink focus:ring-4 focus:outline-none",
    error ? "border-accent-500 focus:ring-accent-100" : "border-line-strong focus:border-brand-500 focus:ring-brand-100",
  );

export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`field-${name}-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid={`${name}-error`}>
      {error}
    </p>
  ) : null;
}

type InputProps = { name: string; label: ReactNode; state: FormState; saved?: string | number | null; hint?: ReactNode; type?: string; step?: string; className?: string; placeholder?: string; inputMode?: "decimal" | "numeric" | "text" };

/** Label, input, hint and field error, tied together with aria-describedby. */
export function Input({ name, label, state, saved, hint, type = "text", step, className, placeholder, inputMode }: InputProps) {
  const error = state.fieldErrors?.[name];
  const id = `field-${name}`;
  const described = describedBy(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        step={step}
        inputMode={inputMode}
        placeholder={placeholder}
        defaultValue={shown(state, name, saved)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={inputClass(error)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
    </div>
  );
}

type SelectProps = { name: string; label: ReactNode; state: FormState; saved?: string; options: { value: string; label: string }[]; className?: string };

export function Select({ name, label, state, saved, options, className }: SelectProps) {
  const error = state.fieldErrors?.[name];
  const id = `field-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select id={id} name={name} defaultValue={shown(state, name, saved)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={inputClass(error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} error={error} />
    </div>
  );
}

type ChecksProps = { name: string; legend: ReactNode; state: FormState; saved?: readonly (string | number)[]; options: { value: string; label: string }[]; hint?: ReactNode };

/** A group of checkboxes posting one name many times; its error is described on the fieldset. */
export function Checks({ name, legend, state, saved, options, hint }: ChecksProps) {
  const error = state.fieldErrors?.[name];
  const chosen = shownMany(state, name, saved);
  const described = describedBy(`field-${name}`, hint, error);
  return (
    <fieldset aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      {hint ? (
        <p id={`field-${name}-hint`} className="mt-0.5 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-ink">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="size-4 accent-brand-600" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

export function Toggle({ name, label, state, saved }: { name: string; label: ReactNode; state: FormState; saved: boolean }) {
  const checked = state.values ? state.values[name] === "on" : saved;
  return (
    <label className="flex items-center gap-2.5 text-sm text-ink">
      <input type="checkbox" name={name} defaultChecked={checked} className="size-4 accent-brand-600" />
      {label}
    </label>
  );
}

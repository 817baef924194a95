import type { ReactNode } from "react";

/** The aria-describedby value for a field's hint and error, as FieldNotes renders them. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error below it, with the ids describedBy points to; the error's test id is `${testId}-error`. */
export function FieldNotes({ id, hint, error, testId }: { id: string; hint?: ReactNode; error?: string; testId: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

"use client";

import { useActionState } from "react";
import type { FormState } from "@/components/forms/form-state";
import { setProductActiveAction } from "../actions";

/** Deactivate / reactivate one product; a refusal shows next to the button. */
export function ProductActiveButton({ sku, active, label }: { sku: string; active: boolean; label: string }) {
  const [state, action, pending] = useActionState(setProductActiveAction, {} as FormState);
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name="active" value={String(!active)} />
      <button type="submit" disabled={pending} className="text-xs font-medium text-brand-700 hover:underline disabled:opacity-50" data-testid="product-active-toggle">
        {label}
      </button>
      {state.message?.tone === "error" ? <span className="text-xs text-accent-700">{state.message.text}</span> : null}
    </form>
  );
}

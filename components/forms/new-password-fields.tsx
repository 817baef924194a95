import { Icon } from "@/components/ui/icons";
import type { FormState } from "./form-state";
import { TextField } from "./text-field";

export type NewPasswordLabels = { password: string; rulesTitle: string; rules: { min: string; repeat: string; common: string }; confirm: string };

/** New password, its rules and the confirmation: shared by password reset and invitation acceptance. */
export function NewPasswordFields({ state, labels }: { state: FormState; labels: NewPasswordLabels }) {
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={labels.password}
        autoComplete="new-password"
        required
        minLength={10}
        autoFocus
        aria-describedby={["password-rules", state.fieldErrors?.password ? "field-password-error" : null].filter(Boolean).join(" ")}
        error={state.fieldErrors?.password}
      />
      <div id="password-rules" className="-mt-2 rounded-control bg-surface-muted px-3.5 py-3 text-xs text-ink-muted">
        <p className="font-medium text-ink">{labels.rulesTitle}</p>
        <ul className="mt-1.5 space-y-1">
          {(["min", "repeat", "common"] as const).map((rule) => (
            <li key={rule} className="flex items-start gap-2">
              <Icon name="info" className="mt-px size-3.5 shrink-0 text-brand-600" />
              {labels.rules[rule]}
            </li>
          ))}
        </ul>
      </div>
      <TextField name="confirm" type="password" label={labels.confirm} autoComplete="new-password" required error={state.fieldErrors?.confirm} />
    </>
  );
}

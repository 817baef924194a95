"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { Button } from "@/components/ui/button";
import { copyToProgramAction } from "../organization/actions";

type Kind = "plan" | "rewards" | "campaign";
type Props = { kinds: Kind[]; targets: { id: string; name: string }[]; campaignId?: string; label?: string };

/**
 * "Copy to another brand": a native modal dialog (focus trap and Escape for
 * free) with what to copy and where. The copy lands as a draft in the target.
 */
export function CopyToProgramDialog({ kinds, targets, campaignId, label }: Props) {
  const t = useTranslations("Organization.copy");
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(copyToProgramAction, emptyFormState);
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()} data-testid="open-copy-dialog">
        {label ?? t("open")}
      </Button>
      <dialog ref={dialog} aria-labelledby="copy-dialog-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-line bg-surface p-0 text-ink shadow-raised backdrop:bg-ink/40" data-testid="copy-dialog">
        <form action={action} className="space-y-5 p-6" noValidate>
          <div>
            <h2 id="copy-dialog-title" className="text-lg font-semibold">{t("title")}</h2>
            <p className="mt-1 text-sm text-ink-muted">{t("description")}</p>
          </div>
          {campaignId ? <input type="hidden" name="campaignId" value={campaignId} /> : null}
          <fieldset>
            <legend className="text-sm font-medium">{t("what")}</legend>
            <div className="mt-2 space-y-2">
              {kinds.map((k, i) => (
                <label key={k} className="flex cursor-pointer items-start gap-3 rounded-control border border-line px-3 py-2.5 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                  <input type="radio" name="kind" value={k} defaultChecked={(state.values?.kind ?? kinds[0]) === k || (i === 0 && !state.values?.kind)} className="mt-1 accent-brand-600" />
                  <span className="text-sm">
                    <span className="block font-medium">{t(`kinds.${k}`)}</span>
                    <span className="block text-ink-muted">{t(`notes.${k}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {targets.length ? (
            <div>
              <label htmlFor="copy-target" className="block text-sm font-medium">{t("target")}</label>
              <select id="copy-target" name="toProgramId" defaultValue={state.values?.toProgramId ?? ""} aria-invalid={state.fieldErrors?.toProgramId ? true : undefined} aria-describedby={state.fieldErrors?.toProgramId ? "copy-target-error" : undefined} className="mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3 text-sm focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none">
                <option value="" disabled>{t("pick")}</option>
                {targets.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
              {state.fieldErrors?.toProgramId ? <p id="copy-target-error" className="mt-1.5 text-sm text-accent-700">{state.fieldErrors.toProgramId}</p> : null}
            </div>
          ) : (
            <p className="rounded-control border border-dashed border-line-strong px-3 py-2.5 text-sm text-ink-muted">{t("none")}</p>
          )}
          <FormMessage message={state.message} id="copy-message" />
          <div className="flex justify-end gap-2 border-t border-line pt-4">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>{t("cancel")}</Button>
            {targets.length ? <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton> : null}
          </div>
        </form>
      </dialog>
    </>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { discardDraftAction, publishPlanAction, rollbackPlanAction } from "../actions";

type Option = { value: string; label: string };

/** Publish (for everyone, or as a pilot for some stores/segments) or throw the draft away. */
export function DraftActions({ draftId, stores, segments }: { draftId: string; stores: Option[]; segments: Option[] }) {
  const t = useTranslations("Plans");
  const [published, publish] = useActionState(publishPlanAction, {} as FormState);
  const [discarded, discard] = useActionState(discardDraftAction, {} as FormState);
  return (
    <div className="space-y-4">
      <FormMessage id="draft-message" message={published.message ?? discarded.message} />
      <form action={publish} className="space-y-3" data-testid="publish-form">
        <input type="hidden" name="draftId" value={draftId} />
        <details className="rounded-control border border-line px-3.5 py-2.5">
          <summary className="cursor-pointer text-sm font-medium text-ink">{t("pilot.title")}</summary>
          <p className="mt-1 text-xs text-ink-subtle">{t("pilot.hint")}</p>
          {stores.length ? <PilotChecks name="pilot.storeIds" legend={t("pilot.stores")} options={stores} /> : null}
          {segments.length ? <PilotChecks name="pilot.segmentIds" legend={t("pilot.segments")} options={segments} /> : null}
        </details>
        <SubmitButton pendingLabel={t("publishing")}>{t("publish")}</SubmitButton>
      </form>
      <form action={discard}>
        <input type="hidden" name="draftId" value={draftId} />
        <SubmitButton variant="ghost" pendingLabel={t("discarding")}>
          {t("discard")}
        </SubmitButton>
      </form>
    </div>
  );
}

function PilotChecks({ name, legend, options }: { name: string; legend: string; options: Option[] }) {
  return (
    <fieldset className="mt-3">
      <legend className="text-xs font-medium text-ink-muted">{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-ink">
            <input type="checkbox" name={name} value={o.value} className="size-4 accent-brand-600" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Publishes a new version copying this one (for a pilot row: rolls it out to everyone). */
export function RollbackButton({ versionId, label }: { versionId: string; label: string }) {
  const t = useTranslations("Plans");
  const [state, action] = useActionState(rollbackPlanAction, {} as FormState);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="versionId" value={versionId} />
      <SubmitButton variant="secondary" pendingLabel={t("publishing")}>
        {label}
      </SubmitButton>
      {state.message ? (
        <span className={state.message.tone === "error" ? "text-xs text-accent-700" : "text-xs text-brand-700"} aria-live="polite">
          {state.message.text}
        </span>
      ) : null}
    </form>
  );
}

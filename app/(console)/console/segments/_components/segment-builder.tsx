"use client";

import { useActionState, useEffect, useState } from "react";
import { keepPreviousData, QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { SegmentDefinition } from "@/lib/domain/segments/definition";
import { queryKeys } from "@/lib/query-keys";
import { previewSegmentAction, saveSegmentAction } from "../actions";
import type { BuilderOptions } from "./condition-values";
import { GroupEditor } from "./group-editor";
import { SegmentPreviewCard } from "./segment-preview";

type Props = {
  segmentId?: string;
  initialName: string;
  initialDefinition: SegmentDefinition;
  options: BuilderOptions;
  canWrite: boolean;
  numberLocale: string;
};

/** Waits until `value` has stopped changing for `ms` (typing a number should not fire a count per keystroke). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The rule builder with its live count; readers (analysts) get the same view without editing or saving. */
export function SegmentBuilder(props: Props) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={client}>
      <Builder {...props} />
    </QueryClientProvider>
  );
}

function Builder({ segmentId, initialName, initialDefinition, options, canWrite, numberLocale }: Props) {
  const t = useTranslations("Segments");
  const [name, setName] = useState(initialName);
  const [definition, setDefinition] = useState<SegmentDefinition>(initialDefinition);
  const [state, save] = useActionState(saveSegmentAction, {} as FormState);
  const json = JSON.stringify(definition);
  const settled = useDebounced(json, 400);
  const preview = useQuery({
    queryKey: queryKeys.segmentPreview(settled),
    queryFn: () => previewSegmentAction(JSON.parse(settled) as unknown),
    placeholderData: keepPreviousData,
  });
  // Live errors follow the edits; the save's own errors cover what the preview cannot see (the name).
  const liveErrors = preview.data && !preview.data.ok ? (preview.data.fieldErrors ?? {}) : {};
  const errors = { ...liveErrors };
  const tierNames = Object.fromEntries(options.tiers.map((o) => [o.value, o.label]));

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form action={save} noValidate className="space-y-5" data-testid="segment-form" aria-describedby="segment-form-message">
        {segmentId ? <input type="hidden" name="segmentId" value={segmentId} /> : null}
        <input type="hidden" name="definition" value={json} />
        <FormMessage id="segment-form-message" message={state.message} />
        <div className="rounded-card border border-line bg-surface p-5 shadow-card">
          <TextField name="name" label={t("name")} placeholder={t("namePlaceholder")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={state.fieldErrors?.name} disabled={!canWrite} required maxLength={80} />
        </div>
        <section className="rounded-card border border-line bg-surface p-5 shadow-card" aria-labelledby="segment-rules">
          <h2 id="segment-rules" className="mb-3 text-sm font-semibold text-ink">
            {t("rules")}
          </h2>
          <GroupEditor group={definition} path={[]} root={definition} setRoot={setDefinition} errors={errors} options={options} disabled={!canWrite} />
        </section>
        {canWrite ? (
          <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-auto">
            {t("save")}
          </SubmitButton>
        ) : null}
      </form>
      <SegmentPreviewCard
        answer={preview.data}
        pending={preview.isFetching || settled !== json}
        failed={preview.isError}
        tierNames={tierNames}
        numberLocale={numberLocale}
      />
    </div>
  );
}

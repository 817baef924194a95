"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { emptyFormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { removeCoalitionLinkAction, setCoalitionRateAction } from "../actions";

type Link = { toProgramId: string; toName: string; rate: string; backRate: string };
type Props = { current: { id: string; name: string }; links: Link[]; sisters: { id: string; name: string }[]; canManage: boolean; locale: string };

function RemoveLink({ toProgramId }: { toProgramId: string }) {
  const t = useTranslations("Organization.coalition");
  const [state, action] = useActionState(removeCoalitionLinkAction, emptyFormState);
  return (
    <form action={action}>
      <input type="hidden" name="toProgramId" value={toProgramId} />
      <SubmitButton variant="ghost" pendingLabel={t("removing")} className="h-8 px-2.5 text-xs">
        {t("remove")}
      </SubmitButton>
      {state.message?.tone === "error" ? <p className="text-xs text-accent-700">{state.message.text}</p> : null}
    </form>
  );
}

/** The current brand's coalition links (both rates) and the form that links or re-rates a sister. */
export function CoalitionCard({ current, links, sisters, canManage }: Props) {
  const t = useTranslations("Organization.coalition");
  const [state, action] = useActionState(setCoalitionRateAction, emptyFormState);
  return (
    <Card className="mt-6" data-testid="coalition-card">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-5">
        {links.length === 0 ? (
          <p className="rounded-control border border-dashed border-line-strong px-4 py-3 text-sm text-ink-muted">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-line rounded-control border border-line" data-testid="coalition-links">
            {links.map((l) => (
              <li key={l.toProgramId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-ink">{t("rateLine", { from: current.name, rate: l.rate, to: l.toName })}</p>
                  <p className="text-ink-muted">{t("rateLine", { from: l.toName, rate: l.backRate, to: current.name })}</p>
                </div>
                {canManage ? <RemoveLink toProgramId={l.toProgramId} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canManage && sisters.length ? (
          <form action={action} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
            <div>
              <label htmlFor="field-toProgramId" className="block text-sm font-medium text-ink">{t("target")}</label>
              <select id="field-toProgramId" name="toProgramId" defaultValue={state.values?.toProgramId ?? sisters[0]!.id} className="mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3 text-sm text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none">
                {sisters.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </div>
            <TextField name="rate" label={t("rate")} inputMode="decimal" defaultValue={state.values?.rate ?? links[0]?.rate ?? "1"} hint={t("rateHint", { name: current.name })} error={state.fieldErrors?.rate} />
            <SubmitButton pendingLabel={t("pending")} className="sm:mt-7">{t("submit")}</SubmitButton>
            <div className="sm:col-span-3">
              <FormMessage message={state.message} id="coalition-message" />
            </div>
          </form>
        ) : !canManage ? (
          <p className="text-sm text-ink-muted">{t("readOnly")}</p>
        ) : null}
      </CardBody>
    </Card>
  );
}

"use client";

import { useActionState } from "react";
import { useAnswerKey } from "./use-answer-key";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { testBasketAction, type TesterState } from "../tester/actions";
import { Input, Select } from "./fields";
import { TesterResult } from "./tester-result";

type Option = { value: string; label: string };

export type TesterOptions = { stores: Option[]; tiers: Option[]; hasDraft: boolean; now: string; currency: string; locale: string; lines: number };

/** The rule tester: a basket, where, when and who → points per line and each rule's outcome. */
export function TesterForm({ options }: { options: TesterOptions }) {
  const t = useTranslations("PlanTester");
  const te = useTranslations("PlanEditor");
  const [state, action] = useActionState(testBasketAction, {} as TesterState);
  const answer = useAnswerKey(state);
  return (
    <div className="space-y-6">
      <Card>
        <CardBody>
          <form key={answer} action={action} noValidate className="space-y-5" data-testid="tester-form" aria-describedby="tester-message">
            <FormMessage id="tester-message" message={state.message} />
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Select name="source" label={t("source")} state={state} saved={options.hasDraft ? "draft" : "live"} options={[...(options.hasDraft ? [{ value: "draft", label: t("sources.draft") }] : []), { value: "live", label: t("sources.live") }]} />
              <Select name="channel" label={t("channel")} state={state} saved="pos" options={(["pos", "ecommerce", "app"] as const).map((v) => ({ value: v, label: te(`channels.${v}`) }))} />
              <Select name="storeId" label={t("store")} state={state} saved="" options={[{ value: "", label: t("noStore") }, ...options.stores]} />
              <Input name="at" type="datetime-local" label={t("at")} state={state} saved={options.now} hint={t("atHint")} />
              <Input name="member" label={t("member")} state={state} hint={t("memberHint")} />
              <Select name="tier" label={t("tier")} state={state} saved="" options={[{ value: "", label: t("noTier") }, ...options.tiers]} />
            </div>
            <fieldset>
              <legend className="text-sm font-semibold text-ink">{t("basket")}</legend>
              <div className="mt-2 space-y-3">
                {Array.from({ length: options.lines }, (_, i) => (
                  <div key={i} className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="tester-line">
                    <Input name={`lines.${i}.sku`} label={t("line.sku", { n: i + 1 })} state={state} />
                    <Input name={`lines.${i}.category`} label={t("line.category", { n: i + 1 })} state={state} />
                    <Input name={`lines.${i}.quantity`} label={t("line.quantity", { n: i + 1 })} state={state} saved={1} inputMode="decimal" />
                    <Input name={`lines.${i}.unitPrice`} label={t("line.unitPrice", { n: i + 1, currency: options.currency })} state={state} inputMode="decimal" />
                  </div>
                ))}
              </div>
            </fieldset>
            <SubmitButton pendingLabel={t("running")}>{t("run")}</SubmitButton>
          </form>
        </CardBody>
      </Card>
      {state.result ? (
        <Card data-testid="tester-result">
          <CardHeader title={t("result.title", { points: state.result.evaluation.points })} description={t("result.version", { version: state.result.version.version, status: t(`sources.${state.result.version.status === "draft" ? "draft" : "live"}`) })} />
          <CardBody>
            <TesterResult result={state.result} options={options} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

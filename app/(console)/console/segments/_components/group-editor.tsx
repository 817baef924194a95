"use client";

import { clsx } from "clsx";
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icons";
import { BEHAVIOUR_FIELDS, MAX_GROUP_DEPTH, newCondition, PREDICTION_FIELDS, PROFILE_FIELDS, type SegmentCondition, type SegmentDefinition, type SegmentField, type SegmentGroup } from "@/lib/domain/segments/definition";
import { appendItem, errorsUnder, replaceItem, updateGroup, type TreePath } from "../_lib/tree";
import { ConditionValues, controlClass, type BuilderOptions } from "./condition-values";

type Shared = {
  root: SegmentDefinition;
  setRoot: (next: SegmentDefinition) => void;
  errors: Record<string, string | undefined>;
  options: BuilderOptions;
  disabled: boolean;
};

function FieldPicker({ value, onPick, label, placeholder }: { value: SegmentField | ""; onPick: (f: SegmentField) => void; label: string; placeholder?: string }) {
  const t = useTranslations("Segments");
  return (
    <select aria-label={label} value={value} onChange={(e) => e.currentTarget.value && onPick(e.currentTarget.value as SegmentField)} className={clsx(controlClass, "min-w-0 border-line-strong font-medium focus:border-brand-500 focus:ring-brand-100 sm:min-w-56")}>
      {placeholder ? <option value="">{placeholder}</option> : null}
      <optgroup label={t("builder.profile")}>
        {PROFILE_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`fields.${f}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("builder.behaviour")}>
        {BEHAVIOUR_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`fields.${f}`)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("builder.predictions")}>
        {PREDICTION_FIELDS.map((f) => (
          <option key={f} value={f}>
            {t(`fields.${f}`)}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

function ConditionRow({ condition, path, root, setRoot, errors, options, disabled }: Shared & { condition: SegmentCondition; path: TreePath }) {
  const t = useTranslations("Segments");
  const mine = errorsUnder(errors, path);
  const errorFor = (prop: string) => mine.find(([key]) => key === prop || key.startsWith(`${prop}.`))?.[1];
  const set = (next: SegmentCondition | null) => setRoot(replaceItem(root, path, next));
  return (
    <div className="rounded-control border border-line bg-surface p-3" data-testid="segment-condition">
      {/* Field on the first line, its values on the second: the builder column is narrow beside the preview. */}
      <div className="flex items-center justify-between gap-2">
        {disabled ? (
          <span className="flex h-10 items-center text-sm font-semibold text-ink">{t(`fields.${condition.type}`)}</span>
        ) : (
          <FieldPicker label={t("builder.field")} value={condition.type} onPick={(f) => set(newCondition(f))} />
        )}
        {!disabled ? (
          <button type="button" onClick={() => set(null)} aria-label={t("builder.removeCondition")} title={t("builder.removeCondition")} className="flex size-10 shrink-0 items-center justify-center rounded-control text-ink-subtle hover:bg-surface-muted hover:text-accent-700">
            <span aria-hidden className="text-xl leading-none">×</span>
          </button>
        ) : null}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <ConditionValues key={condition.type} condition={condition} onChange={set} errorFor={errorFor} options={options} disabled={disabled} />
      </div>
      {PREDICTION_FIELDS.includes(condition.type) ? <p className="mt-1.5 text-xs text-ink-subtle">{t("values.predictionHint")}</p> : null}
      {mine.length ? (
        <ul className="mt-2 space-y-0.5 text-sm font-medium text-accent-700" data-testid="condition-error">
          {[...new Set(mine.map(([, m]) => m))].map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One group: how it combines (all/any), its conditions and nested groups, and the buttons that add to it. */
export function GroupEditor({ group, path, ...shared }: Shared & { group: SegmentGroup; path: TreePath }) {
  const t = useTranslations("Segments");
  const { root, setRoot, errors, disabled } = shared;
  const depth = path.length + 1;
  const own = errors[[...path.map((i) => `items.${i}`), "items"].join(".")];
  const joiner = group.match === "all" ? t("builder.and") : t("builder.or");
  return (
    <div className={clsx("space-y-2 rounded-card border p-3 sm:p-4", path.length ? "border-brand-200 bg-brand-50/40" : "border-line bg-surface-muted/60")} data-testid="segment-group">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t("builder.matchLabel")}
          value={group.match}
          disabled={disabled}
          onChange={(e) => setRoot(updateGroup(root, path, (g) => ({ ...g, match: e.currentTarget.value as "all" | "any" })))}
          className={clsx(controlClass, "border-line-strong font-semibold focus:border-brand-500 focus:ring-brand-100")}
        >
          <option value="all">{t("builder.matchAll")}</option>
          <option value="any">{t("builder.matchAny")}</option>
        </select>
        {path.length && !disabled ? (
          <button type="button" onClick={() => setRoot(replaceItem(root, path, null))} className="ml-auto text-sm font-medium text-ink-muted hover:text-accent-700">
            {t("builder.removeGroup")}
          </button>
        ) : null}
      </div>
      {group.items.length === 0 && path.length === 0 ? <p className="px-1 py-2 text-sm text-ink-muted">{t("builder.emptyRoot")}</p> : null}
      {group.items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? <p className="px-1 text-xs font-bold tracking-wider text-brand-700 uppercase">{joiner}</p> : null}
          {item.type === "group" ? <GroupEditor group={item} path={[...path, i]} {...shared} /> : <ConditionRow condition={item} path={[...path, i]} {...shared} />}
        </Fragment>
      ))}
      {own ? <p className="text-sm font-medium text-accent-700" data-testid="group-error">{own}</p> : null}
      {!disabled ? (
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <FieldPicker label={t("builder.addCondition")} placeholder={`+ ${t("builder.addCondition")}`} value="" onPick={(f) => setRoot(appendItem(root, path, newCondition(f)))} />
          {depth < MAX_GROUP_DEPTH ? (
            <button type="button" onClick={() => setRoot(appendItem(root, path, { type: "group", match: group.match === "all" ? "any" : "all", items: [] }))} className={clsx(controlClass, "inline-flex items-center gap-1.5 border-line-strong font-medium hover:bg-surface-muted")}>
              <Icon name="layers" className="size-4" /> {t("builder.addGroup")}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

export const GRANTABLE = ["admin", "marketer", "analyst", "staff"] as const;
type TeamStore = { id: string; name: string; code: string };

type AccessFieldsProps = {
  idPrefix: string;
  stores: TeamStore[];
  defaultRole?: string;
  defaultStoreIds?: string[];
  defaultMayAdjust?: boolean;
  errors?: Record<string, string | undefined>;
};

/** Role, and for store staff their stores and "may adjust points": shared by the invite and edit forms. */
export function AccessFields({ idPrefix, stores, defaultRole = "marketer", defaultStoreIds = [], defaultMayAdjust = false, errors }: AccessFieldsProps) {
  const t = useTranslations("Team");
  const [role, setRole] = useState(defaultRole);
  const roleId = `${idPrefix}-role`;
  return (
    <>
      <div>
        <label htmlFor={roleId} className="block text-sm font-medium text-ink">
          {t("fields.role")}
        </label>
        <select
          id={roleId}
          name="role"
          // Uncontrolled on purpose: React resets forms after an action, and a
          // controlled select would then show the first option while posting another.
          defaultValue={defaultRole}
          onChange={(e) => setRole(e.target.value)}
          aria-describedby={`${roleId}-hint`}
          className="mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3 text-base text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none sm:text-sm"
        >
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <p id={`${roleId}-hint`} className="mt-1.5 text-xs text-ink-subtle">
          {t(`roleHints.${role as (typeof GRANTABLE)[number]}`)}
        </p>
      </div>
      {role === "staff" ? (
        <fieldset aria-describedby={errors?.storeIds ? `${idPrefix}-stores-error` : undefined}>
          <legend className="text-sm font-medium text-ink">{t("fields.stores")}</legend>
          <div className="mt-2 grid gap-2">
            {stores.map((s) => (
              <label key={s.id} className="flex items-center gap-2.5 rounded-control border border-line px-3 py-2 text-sm text-ink hover:bg-surface-muted">
                <input type="checkbox" name="storeIds" value={s.id} defaultChecked={defaultStoreIds.includes(s.id)} className="size-4 accent-brand-600" />
                <span className="min-w-0 truncate">{s.name}</span>
                <span className="ml-auto font-mono text-[11px] text-ink-subtle">{s.code}</span>
              </label>
            ))}
          </div>
          {errors?.storeIds ? (
            <p id={`${idPrefix}-stores-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid="storeIds-error">
              {errors.storeIds}
            </p>
          ) : null}
          <label className="mt-3 flex items-start gap-2.5 text-sm text-ink">
            <input type="checkbox" name="mayAdjustPoints" defaultChecked={defaultMayAdjust} className="mt-0.5 size-4 accent-brand-600" />
            <span>
              {t("fields.mayAdjustPoints")}
              <span className="block text-xs text-ink-subtle">{t("fields.mayAdjustPointsHint")}</span>
            </span>
          </label>
        </fieldset>
      ) : null}
    </>
  );
}

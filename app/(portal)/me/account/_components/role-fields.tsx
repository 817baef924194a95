"use client";

import { useTranslations } from "next-intl";
import { clsx } from "clsx";
import { describedBy, FieldNotes } from "@/components/forms/field-notes";
import { BUSINESS_USER_ROLES, type BusinessUserRole } from "@/lib/domain/business-accounts/user-permissions";

/** The permission (three explained choices) and the monthly limit, shared by the invite and the edit forms. */
export function RoleFields({ idPrefix, role, limit, pointName, errors }: { idPrefix: string; role: string; limit: string; pointName: string; errors?: Record<string, string | undefined> }) {
  const t = useTranslations("MyAccount");
  const limitId = `${idPrefix}-limit`;
  const limitError = errors?.monthlyRedemptionLimit;
  const hint = t("limitHint", { pointName });
  return (
    <>
      <fieldset className="space-y-2" aria-describedby={errors?.role ? `${idPrefix}-role-error` : undefined}>
        <legend className="text-sm font-medium text-ink">{t("roleLabel")}</legend>
        {BUSINESS_USER_ROLES.map((r: BusinessUserRole) => (
          <label key={r} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-control border border-line-strong px-3 py-2.5 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="role" value={r} defaultChecked={role === r} className="mt-1 size-4 accent-brand-600" data-testid={`${idPrefix}-role-${r}`} />
            <span>
              <span className="block text-sm font-medium text-ink">{t(`role.${r}`)}</span>
              <span className="block text-xs text-ink-muted">{t(`roleHint.${r}`)}</span>
            </span>
          </label>
        ))}
        {errors?.role ? <p id={`${idPrefix}-role-error`} className="text-sm text-accent-700">{errors.role}</p> : null}
      </fieldset>
      <div>
        <label htmlFor={limitId} className="block text-sm font-medium text-ink">
          {t("limitLabel")} <span className="font-normal text-ink-subtle">({t("limitOptional")})</span>
        </label>
        <input
          id={limitId}
          name="monthlyRedemptionLimit"
          inputMode="numeric"
          defaultValue={limit}
          aria-invalid={limitError ? true : undefined}
          aria-describedby={describedBy(limitId, hint, limitError)}
          className={clsx(
            "mt-1.5 block h-11 w-full rounded-control border bg-surface px-3.5 text-base text-ink focus:ring-4 focus:outline-none sm:text-sm",
            limitError ? "border-accent-500 focus:ring-accent-100" : "border-line-strong focus:border-brand-500 focus:ring-brand-100",
          )}
          data-testid={`${idPrefix}-limit`}
        />
        <FieldNotes id={limitId} hint={hint} error={limitError} testId={`${idPrefix}-limit`} />
      </div>
    </>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { createMenuAction, renameMenuAction } from "../actions";

type MenuValues = { id: string; nameEs: string; nameEn: string; descriptionEs: string; descriptionEn: string };

/** Creates a menu, or renames one when `menu` is given. */
export function MenuForm({ menu }: { menu?: MenuValues }) {
  const t = useTranslations("RewardMenus");
  const [state, action] = useActionState(menu ? renameMenuAction : createMenuAction, {} as FormState);
  const reset = state.message?.tone === "success" && !menu;
  const v = (name: keyof MenuValues) => (reset ? "" : (state.values?.[name] ?? menu?.[name] ?? ""));
  const id = menu ? `menu-${menu.id}` : "menu-new";
  return (
    <form action={action} noValidate className="space-y-3" data-testid={menu ? "rename-menu-form" : "create-menu-form"}>
      {menu ? <input type="hidden" name="menuId" value={menu.id} /> : null}
      <FormMessage id={`${id}-message`} message={state.message} />
      <div key={JSON.stringify(state)} className="space-y-3">
        {(["nameEs", "nameEn", "descriptionEs", "descriptionEn"] as const).map((name) => (
          <Field key={name} id={`${id}-${name}`} name={name} label={t(`fields.${name}`)} defaultValue={v(name)} error={state.fieldErrors?.[name]} />
        ))}
      </div>
      <SubmitButton pendingLabel={t("create.creating")} className="w-full" variant={menu ? "secondary" : "primary"}>
        {menu ? t("renameSubmit") : t("create.submit")}
      </SubmitButton>
    </form>
  );
}

/** Like TextField, but with ids unique per form: several rename forms share one page. */
function Field({ id, name, label, defaultValue, error }: { id: string; name: string; label: string; defaultValue: string; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1.5 block h-11 w-full rounded-control border border-line-strong bg-surface px-3.5 text-base text-ink focus:border-brand-500 focus:ring-4 focus:ring-brand-100 focus:outline-none sm:text-sm"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-accent-700" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

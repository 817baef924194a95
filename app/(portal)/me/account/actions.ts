"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { linkOrigin } from "@/lib/auth/request-origin";
import { requireMember } from "@/lib/auth/session";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { inviteBuyer } from "@/lib/services/business-accounts/invite-buyer";
import { findMyAccountId } from "@/lib/services/business-accounts/get-my-account";
import { removeAccountUser, updateAccountUser } from "@/lib/services/business-accounts/manage-account-users";

const PATH = "/me/account";
const REFUSALS = ["member_in_other_account", "last_manager", "not_found"] as const;
const FIELD_KEYS = ["email", "name", "role", "limit"] as const;
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

type Errors = Awaited<ReturnType<typeof getTranslations<"MyAccount.errors">>>;

/** A refusal or invalid input as the form's state; anything unexpected is thrown on. */
function refusal(error: unknown, t: Errors, values: Record<string, string>): FormState {
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) {
      const key = messages[0] as (typeof FIELD_KEYS)[number];
      const name = field === "monthlyRedemptionLimit" ? "monthlyRedemptionLimit" : field;
      fieldErrors[name] = (FIELD_KEYS as readonly string[]).includes(key) ? t(key) : t("generic");
    }
    return { fieldErrors, values, message: { tone: "error", text: t("generic"), code: error.code } };
  }
  if (isLazoError(error)) {
    const known = (REFUSALS as readonly string[]).includes(error.code) ? (error.code as (typeof REFUSALS)[number]) : "generic";
    return { values, message: { tone: "error", text: t(known), code: error.code } };
  }
  throw error;
}

/** An account admin invites a buyer by email (enrolled if new) with a permission and a monthly limit. */
export async function inviteBuyerAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireMember(PATH);
  const [t, locale] = await Promise.all([getTranslations("MyAccount"), getLocale()]);
  const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role"), monthlyRedemptionLimit: text(form, "monthlyRedemptionLimit") };
  try {
    await inviteBuyer(await getAppDb(), actor, { ...values, role: values.role as "earn", appUrl: await linkOrigin(), locale: locale === "en" ? "en" : "es" });
  } catch (error) {
    return refusal(error, await getTranslations("MyAccount.errors"), values);
  }
  revalidatePath(PATH);
  return { message: { tone: "success", text: t("invited", { email: values.email }) } };
}

/** Changes one user's permission and limit. */
export async function updateBuyerAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireMember(PATH);
  const t = await getTranslations("MyAccount");
  const values = { role: text(form, "role"), monthlyRedemptionLimit: text(form, "monthlyRedemptionLimit") };
  try {
    const db = await getAppDb();
    const limit = values.monthlyRedemptionLimit === "" ? null : Number(values.monthlyRedemptionLimit);
    if (limit !== null && (!Number.isInteger(limit) || limit < 0)) throw new ValidationError({ monthlyRedemptionLimit: ["limit"] });
    await updateAccountUser(db, actor, { programId: actor.programId, accountId: await findMyAccountId(db, actor), memberId: text(form, "memberId"), role: values.role as "earn", monthlyRedemptionLimit: limit });
  } catch (error) {
    return refusal(error, await getTranslations("MyAccount.errors"), values);
  }
  revalidatePath(PATH);
  return { message: { tone: "success", text: t("saved") } };
}

/** Takes a user out of the account (their history stays in the pool's activity). */
export async function removeBuyerAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireMember(PATH);
  const t = await getTranslations("MyAccount");
  try {
    const db = await getAppDb();
    await removeAccountUser(db, actor, { programId: actor.programId, accountId: await findMyAccountId(db, actor), memberId: text(form, "memberId") });
  } catch (error) {
    return refusal(error, await getTranslations("MyAccount.errors"), {});
  }
  revalidatePath(PATH);
  return { message: { tone: "success", text: t("removed") } };
}

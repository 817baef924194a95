"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireMember } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sign-in";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { anonymizeMyAccount } from "@/lib/services/members/anonymize-member";
import { updateMyConsents } from "@/lib/services/members/update-my-consents";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** The member's optional consents (self only: the service takes whose from the session). */
export async function updateConsentsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireMember("/me/privacy");
  const t = await getTranslations("MyPrivacy");
  const values = { marketing: text(formData, "marketing"), personalization: text(formData, "personalization") };
  try {
    await updateMyConsents(await getAppDb(), actor, values);
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors = Object.fromEntries(Object.keys(error.fields).filter((k) => k in values).map((k) => [k, t("consents.required")]));
      return { values, fieldErrors, message: { tone: "error", text: t("errors.generic"), code: error.code } };
    }
    if (isLazoError(error)) return { values, message: { tone: "error", text: t("errors.generic"), code: error.code } };
    throw error;
  }
  revalidatePath("/me/privacy");
  return { values, message: { tone: "success", text: t("consents.saved") } };
}

/** Deletes (anonymizes) the signed-in member's account after an explicit confirmation, then ends this session. */
export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireMember("/me/privacy");
  const t = await getTranslations("MyPrivacy");
  try {
    await anonymizeMyAccount(await getAppDb(), actor, { confirm: formData.get("confirm") ?? undefined });
  } catch (error) {
    if (error instanceof ValidationError) return { fieldErrors: { confirm: t("delete.confirmRequired") }, message: { tone: "error", text: t("delete.confirmRequired"), code: error.code } };
    if (isLazoError(error)) return { message: { tone: "error", text: t("errors.generic"), code: error.code } };
    throw error;
  }
  await endSession();
  redirect("/me/sign-in?notice=account-deleted");
}

"use server";

import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { setPasswordFromLink } from "../_lib/set-password-from-link";

/** The link's token is the credential here: the service checks it (single use, one hour) and ends the user's other sessions. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("ResetPassword.errors");
  return setPasswordFromLink(formData, { purpose: "reset", successPath: "/sign-in?notice=password-reset", t });
}

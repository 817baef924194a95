"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { setPasswordWithToken } from "@/lib/services/auth/password-tokens";
import { passwordSchema } from "@/lib/validation/auth";

/** The English rule messages of passwordSchema → this page's translated ones. */
const RULE_KEYS = {
  "Use at least 10 characters.": "min",
  "Use at most 200 characters.": "max",
  "Do not repeat one character.": "repeat",
  "This password is too common.": "common",
} as const;

/** The link's token is the credential here: the service checks it (single use, one hour) and ends the user's other sessions. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("ResetPassword.errors");
  const token = String(formData.get("token") ?? "");
  const password = String(formData.get("password") ?? "");
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) {
    const key = RULE_KEYS[parsed.error.issues[0]?.message as keyof typeof RULE_KEYS] ?? "min";
    return { fieldErrors: { password: t(key) } };
  }
  if (password !== String(formData.get("confirm") ?? "")) return { fieldErrors: { confirm: t("mismatch") } };
  try {
    await setPasswordWithToken(await getAppDb(), { token, password, purpose: "reset" });
  } catch (error) {
    if (error instanceof ValidationError || (isLazoError(error) && error.code === "invalid_token")) return { message: { tone: "error", text: t("invalidToken") } };
    if (isLazoError(error)) return { message: { tone: "error", text: t("generic") } };
    throw error;
  }
  redirect("/sign-in?notice=password-reset");
}

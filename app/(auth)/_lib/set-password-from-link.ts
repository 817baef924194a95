import "server-only";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { setPasswordWithToken, type PasswordTokenPurpose } from "@/lib/services/auth/password-tokens";
import { passwordSchema } from "@/lib/validation/auth";

/** The English rule messages of passwordSchema → the translated keys both pages share. */
const RULE_KEYS = {
  "Use at least 10 characters.": "min",
  "Use at most 200 characters.": "max",
  "Do not repeat one character.": "repeat",
  "This password is too common.": "common",
} as const;

type ErrorKey = (typeof RULE_KEYS)[keyof typeof RULE_KEYS] | "mismatch" | "invalidToken" | "generic";

/**
 * Sets a password from a mailed link (password reset or invitation): the
 * single-use token is the credential, checked by the service. Field errors come
 * back translated through `t`; success redirects to `successPath`.
 */
export async function setPasswordFromLink(
  formData: FormData,
  options: { purpose: PasswordTokenPurpose; successPath: string; t: (key: ErrorKey) => string },
): Promise<FormState> {
  const { t } = options;
  const token = String(formData.get("token") ?? "");
  const password = String(formData.get("password") ?? "");
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) return { fieldErrors: { password: t(RULE_KEYS[parsed.error.issues[0]?.message as keyof typeof RULE_KEYS] ?? "min") } };
  if (password !== String(formData.get("confirm") ?? "")) return { fieldErrors: { confirm: t("mismatch") } };
  try {
    await setPasswordWithToken(await getAppDb(), { token, password, purpose: options.purpose });
  } catch (error) {
    if (error instanceof ValidationError || (isLazoError(error) && error.code === "invalid_token")) return { message: { tone: "error", text: t("invalidToken") } };
    if (isLazoError(error)) return { message: { tone: "error", text: t("generic") } };
    throw error;
  }
  redirect(options.successPath);
}

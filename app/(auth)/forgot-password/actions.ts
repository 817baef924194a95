"use server";

import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { linkOrigin, requestIp } from "@/lib/auth/request-origin";
import { isLazoError, RateLimitedError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";

/** Public by nature (the user is signed out): the service answers the same for every address and limits requests. */
export async function requestPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, locale] = await Promise.all([getTranslations("ForgotPassword"), getLocale()]);
  const email = String(formData.get("email") ?? "").trim();
  const values = { email };
  try {
    await requestPasswordReset(await getAppDb(), { email, locale, ip: await requestIp(), linkBase: await linkOrigin() });
  } catch (error) {
    if (error instanceof ValidationError) return { values, fieldErrors: { email: t("errors.email") } };
    if (error instanceof RateLimitedError) return { values, message: { tone: "error", text: t("errors.rateLimited", { seconds: error.retryAfterSeconds }) } };
    if (isLazoError(error)) return { values, message: { tone: "error", text: t("errors.generic") } };
    throw error;
  }
  return { values, message: { tone: "success", text: t("sent", { email: email.toLowerCase() }) } };
}

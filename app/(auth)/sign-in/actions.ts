"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { safeCallbackPath } from "@/lib/auth/session";
import { signInUser } from "@/lib/auth/sign-in";
import { getAppDb } from "@/lib/server/app-database";
import { getUserHome } from "@/lib/services/auth/get-user-home";
import { signInSchema } from "@/lib/validation/auth";

/** Email + password → session cookie → the page asked for, or the user's home (console, or the desk for store staff). */
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("SignIn.errors");
  const email = String(formData.get("email") ?? "").trim();
  const values = { email };
  const parsed = signInSchema.safeParse({ email, password: String(formData.get("password") ?? "") });
  if (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    return { values, fieldErrors: { email: bad.has("email") ? t("email") : undefined, password: bad.has("password") ? t("password") : undefined } };
  }
  const outcome = await signInUser(parsed.data);
  if (!outcome.ok) {
    if (outcome.code === "rate_limited") return { values, message: { tone: "error", text: t("rateLimited", { seconds: outcome.retryAfterSeconds ?? 60 }) } };
    if (outcome.code === "invalid_credentials" || outcome.code === "validation_failed") return { values, message: { tone: "error", text: t("invalid") } };
    return { values, message: { tone: "error", text: t("generic") } };
  }
  const callbackUrl = String(formData.get("callbackUrl") ?? "");
  const destination = callbackUrl ? safeCallbackPath(callbackUrl, "/console") : await getUserHome(await getAppDb(), { email: parsed.data.email });
  redirect(destination);
}

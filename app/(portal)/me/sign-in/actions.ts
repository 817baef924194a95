"use server";

import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requestIp } from "@/lib/auth/request-origin";
import { safeCallbackPath } from "@/lib/auth/session";
import { signInMember } from "@/lib/auth/sign-in";
import { isLazoError, RateLimitedError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { requestMemberCode } from "@/lib/services/auth/member-codes";
import { getPortalProgram } from "@/lib/services/programs/get-portal-program";
import { portalHref } from "../_lib/portal-params";

function fields(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "").trim() || undefined;
  return { email: text("email") ?? "", program: text("program"), callbackUrl: text("callbackUrl"), code: (text("code") ?? "").replace(/\s/g, "") };
}

async function programIdOf(slug: string | undefined): Promise<string | null> {
  return (await getPortalProgram(await getAppDb(), { slug }))?.program.id ?? null;
}

/** Step 1: mail a code (the answer never says whether the address is a member), then on to the code step. */
export async function requestCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, locale] = await Promise.all([getTranslations("MemberSignIn.errors"), getLocale()]);
  const { email, program, callbackUrl } = fields(formData);
  const values = { email };
  const programId = await programIdOf(program);
  if (!programId) return { values, message: { tone: "error", text: t("generic") } };
  try {
    await requestMemberCode(await getAppDb(), { programId, email, locale, ip: await requestIp() });
  } catch (error) {
    if (error instanceof ValidationError) return { values, fieldErrors: { email: t("email") } };
    if (error instanceof RateLimitedError) return { values, message: { tone: "error", text: t("rateLimited", { seconds: error.retryAfterSeconds }) } };
    if (isLazoError(error)) return { values, message: { tone: "error", text: t("generic") } };
    throw error;
  }
  redirect(portalHref("/me/verify", { email: email.toLowerCase(), program, callbackUrl }));
}

/** Step 2: the 6-digit code signs the member in (Auth.js "member-code" provider). */
export async function verifyCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("MemberVerify.errors");
  const { email, program, callbackUrl, code } = fields(formData);
  if (!/^\d{6}$/.test(code)) return { fieldErrors: { code: t("format") } };
  const programId = await programIdOf(program);
  if (!programId) return { message: { tone: "error", text: t("generic") } };
  const outcome = await signInMember({ programId, email, code });
  if (!outcome.ok) {
    const text =
      outcome.code === "code_exhausted"
        ? t("exhausted")
        : outcome.code === "rate_limited"
          ? t("rateLimited", { seconds: outcome.retryAfterSeconds ?? 60 })
          : outcome.code === "invalid_code" || outcome.code === "validation_failed"
            ? t("invalid")
            : t("generic");
    return { message: { tone: "error", text } };
  }
  redirect(safeCallbackPath(callbackUrl, "/me"));
}

/** "Send a new code" on the code step: same answer for every address. */
export async function resendCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, locale] = await Promise.all([getTranslations("MemberVerify"), getLocale()]);
  const { email, program } = fields(formData);
  const programId = await programIdOf(program);
  if (!programId) return { message: { tone: "error", text: t("errors.generic") } };
  try {
    await requestMemberCode(await getAppDb(), { programId, email, locale, ip: await requestIp() });
  } catch (error) {
    if (error instanceof RateLimitedError) return { message: { tone: "error", text: t("errors.rateLimited", { seconds: error.retryAfterSeconds }) } };
    if (isLazoError(error)) return { message: { tone: "error", text: t("errors.generic") } };
    throw error;
  }
  return { message: { tone: "success", text: t("resent") } };
}

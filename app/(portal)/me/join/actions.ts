"use server";

import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requestIp } from "@/lib/auth/request-origin";
import { isLazoError, RateLimitedError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { joinProgram } from "@/lib/services/members/join-program";
import { getPortalProgram } from "@/lib/services/programs/get-portal-program";
import { portalHref } from "../_lib/portal-params";
import { ReferralError } from "@/lib/services/referrals/referral-errors";

const FIELD_OF: Record<string, "name" | "email" | "phone" | "birthday" | "terms" | "referralCode"> = {
  referralCode: "referralCode",
  name: "name",
  email: "email",
  phone: "phone",
  birthday: "birthday",
  "consents.terms": "terms",
};

/** Public enrolment: the service validates, creates the member (or not, if the address is taken) and mails a code. */
export async function joinAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, tr, locale] = await Promise.all([getTranslations("Join.errors"), getTranslations("ReferralJoin.errors"), getLocale()]);
  const text = (name: string) => String(formData.get(name) ?? "").trim();
  const checked = (name: string) => formData.get(name) === "on";
  const values = { name: text("name"), email: text("email"), phone: text("phone"), birthday: text("birthday"), referralCode: text("referralCode"), marketing: checked("marketing") ? "on" : "", personalization: checked("personalization") ? "on" : "" };
  const slug = text("program") || undefined;
  const portal = await getPortalProgram(await getAppDb(), { slug });
  if (!portal) return { values, message: { tone: "error", text: t("generic") } };
  try {
    await joinProgram(await getAppDb(), {
      programId: portal.program.id,
      name: values.name,
      email: values.email,
      phone: values.phone,
      birthday: values.birthday,
      referralCode: values.referralCode,
      consents: { terms: checked("terms"), marketing: checked("marketing"), personalization: checked("personalization") },
      locale,
      ip: await requestIp(),
    });
  } catch (error) {
    if (error instanceof ReferralError) return { values, fieldErrors: { referralCode: tr(error.reason) }, message: { tone: "error", text: tr(error.reason), code: error.code } };
    if (error instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const key of Object.keys(error.fields)) {
        const field = FIELD_OF[key];
        if (field) fieldErrors[field] = field === "referralCode" ? tr("referral_code_unknown") : t(field);
      }
      return { values, fieldErrors, message: Object.keys(fieldErrors).length ? undefined : { tone: "error", text: t("generic") } };
    }
    if (error instanceof RateLimitedError) return { values, message: { tone: "error", text: t("rateLimited", { seconds: error.retryAfterSeconds }) } };
    if (isLazoError(error)) return { values, message: { tone: "error", text: t("generic") } };
    throw error;
  }
  redirect(portalHref("/me/verify", { email: values.email.toLowerCase(), program: slug }));
}

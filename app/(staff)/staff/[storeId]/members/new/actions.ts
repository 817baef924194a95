"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { enrolAtDesk } from "@/lib/services/desk/enrol-at-desk";
import { getDeskContext } from "@/lib/services/stores/list-desk-stores";

const FIELDS = ["name", "email", "phone"] as const;

/** Enrols the member on the spot, then opens their panel at this store. */
export async function enrolAtDeskAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/staff");
  const storeId = String(form.get("storeId") ?? "");
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  let memberId: string;
  try {
    const db = await getAppDb();
    const desk = await getDeskContext(db, actor);
    const result = await enrolAtDesk(db, actor, {
      programId: desk?.program.id ?? "",
      storeId,
      name: values.name,
      email: values.email,
      phone: values.phone,
      terms: (form.get("terms") === "on") as true,
      marketing: form.get("marketing") === "on",
      personalization: form.get("personalization") === "on",
    });
    memberId = result.memberId;
  } catch (error) {
    return enrolFailure(error, values);
  }
  redirect(`/staff/${storeId}/members/${memberId}?enrolled=1`);
}

async function enrolFailure(error: unknown, values: Record<string, string>): Promise<FormState> {
  if (!isLazoError(error) || error.status >= 500) throw error;
  const t = await getTranslations("DeskEnrol.errors");
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const field of Object.keys(error.fields)) {
      if (field === "name" || field === "email" || field === "phone" || field === "terms") fieldErrors[field] = t(field);
    }
    return { fieldErrors, values, message: { tone: "error", text: t("checkFields"), code: error.code } };
  }
  if (error.code === "member_exists") {
    const existing = typeof error.details?.memberId === "string" ? error.details.memberId : "";
    return { fieldErrors: { email: t("exists") }, values: { ...values, existingMemberId: existing }, message: { tone: "error", text: t("exists"), code: error.code } };
  }
  return { values, message: { tone: "error", text: t("generic"), code: error.code } };
}

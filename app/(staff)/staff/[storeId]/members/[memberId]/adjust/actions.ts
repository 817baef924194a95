"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { formatPoints, numberLocale } from "@/lib/format";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { adjustDeskPoints } from "@/lib/services/desk/adjust-desk-points";
import { deskProgramId } from "../../../_lib/desk-call";
import { deskFailure } from "../../../_lib/desk-sales-errors";

const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** "−50" typed with a real minus sign, or "1,000": a number as people type it; anything else stays NaN for the schema to refuse. */
function typedInteger(text: string): number {
  const cleaned = text.replace(/[\u2212\u2013]/g, "-").replace(/[\s,]/g, "");
  return /^[-+]?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Manual adjustment at the counter (points:adjust at the store, reason required, audited by the service). */
export async function adjustDeskPointsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const storeId = field(form, "storeId");
  const memberId = field(form, "memberId");
  const values = { points: field(form, "points"), reason: field(form, "reason") };
  const actor = await requireUser("/staff");
  try {
    const programId = await deskProgramId(actor);
    const points = typedInteger(values.points);
    const result = await adjustDeskPoints(await getAppDb(), actor, { programId, storeId, memberId, points, reason: values.reason, idempotencyKey: field(form, "idempotencyKey") });
    revalidatePath(`/staff/${storeId}/members/${memberId}`, "layout");
    const [t, locale] = await Promise.all([getTranslations("DeskAdjust"), getLocale()]);
    const loc = numberLocale(locale);
    return { message: { tone: "success", text: t("done", { points: `${points > 0 ? "+" : ""}${formatPoints(points, loc)}`, available: formatPoints(result.balance.available, loc) }) } };
  } catch (error) {
    const failure = await deskFailure(error);
    return { values, fieldErrors: failure.fieldErrors, message: { tone: "error", text: failure.message, code: failure.code } };
  }
}

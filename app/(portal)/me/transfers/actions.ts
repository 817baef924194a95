"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireMember } from "@/lib/auth/session";
import { formatPoints } from "@/lib/format";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { transferPoints } from "@/lib/services/coalition/transfer-points";

const REFUSALS = ["insufficient_points", "transfer_rounds_to_zero", "programs_not_linked", "member_not_linked"] as const;
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/**
 * The member moves their own points to a sister brand. The form carries a key
 * drawn when it rendered, so a double submit moves the points once.
 */
export async function transferPointsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireMember("/me/transfers");
  const t = await getTranslations("Transfers");
  const values = { toProgramId: text(form, "toProgramId"), points: text(form, "points") };
  const points = /^\d{1,9}$/.test(values.points) ? Number(values.points) : Number.NaN;
  try {
    const result = await transferPoints(await getAppDb(), actor, {
      fromProgramId: actor.programId,
      memberId: actor.memberId,
      toProgramId: values.toProgramId,
      points,
      channel: "portal",
      idempotencyKey: text(form, "idempotencyKey") || undefined,
    });
    revalidatePath("/me", "layout");
    const locale = text(form, "numberLocale") || "es-419";
    return { message: { tone: "success", text: t("done", { debited: formatPoints(result.pointsDebited, locale), credited: formatPoints(result.pointsCredited, locale), program: text(form, `name:${values.toProgramId}`) }) } };
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors = { ...(error.fields.points ? { points: t("errors.points") } : {}), ...(error.fields.toProgramId ? { toProgramId: t("errors.program") } : {}) };
      return { values, fieldErrors, message: { tone: "error", text: Object.keys(fieldErrors).length ? t(fieldErrors.points ? "errors.points" : "errors.program") : t("errors.generic"), code: error.code } };
    }
    if (isLazoError(error)) {
      const known = (REFUSALS as readonly string[]).includes(error.code) ? (error.code as (typeof REFUSALS)[number]) : "generic";
      return { values, message: { tone: "error", text: t(`errors.${known}`), code: error.code } };
    }
    throw error;
  }
}

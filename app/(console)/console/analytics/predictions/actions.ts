"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { refreshPredictions } from "@/lib/services/analytics/refresh-predictions";
import { formFailure } from "../../_lib/action-errors";
import { getConsoleProgramFor } from "../../_lib/console-program";

const PATH = "/console/analytics/predictions";

/**
 * "Recalcular": fits the models on the purchases up to the form's `asOf` (the
 * page sends the program's today) and stores the predictions (analytics:read,
 * audited). A post without a date is refused on validation and writes nothing.
 */
export async function refreshPredictionsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const db = await getAppDb();
  try {
    const result = await refreshPredictions(db, actor, { programId: program?.id ?? "", asOf: String(form.get("asOf") ?? "") });
    revalidatePath(PATH);
    const t = await getTranslations("Predictions");
    return { message: { tone: "success", text: t("refreshed", { count: result.members }) } };
  } catch (error) {
    return formFailure(error);
  }
}

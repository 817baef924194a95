"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireMember } from "@/lib/auth/session";
import { isLazoError, NotFoundError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { updateMyLeaderboard } from "@/lib/services/gamification/my-leaderboard";
import { leaderboardMessageKey } from "@/lib/validation/leaderboard";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/**
 * Joins the leaderboard, changes the name shown on it, or leaves it (the
 * pressed button's `visible`). Self only: the service takes whose from the session.
 */
export async function updateLeaderboardAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireMember("/me/leaderboard");
  const t = await getTranslations("Leaderboard");
  const values = { visible: text(form, "visible"), nameChoice: text(form, "nameChoice"), displayName: text(form, "displayName") };
  const joinedBefore = form.get("joined") === "yes";
  try {
    const choice = await updateMyLeaderboard(await getAppDb(), actor, { visible: values.visible, nameChoice: values.nameChoice || undefined, displayName: values.displayName });
    revalidatePath("/me/leaderboard");
    revalidatePath("/me/privacy");
    const done = !choice.joined ? "left" : joinedBefore ? "renamed" : "joined";
    return { values, message: { tone: "success", text: t(`form.${done}`) } };
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const [field, messages] of Object.entries(error.fields)) {
        const key = leaderboardMessageKey(messages[0] ?? "");
        fieldErrors[field] = t(`errors.${key && key !== "enabled" ? key : "generic"}`);
      }
      return { values, fieldErrors, message: { tone: "error", text: t("errors.checkFields"), code: error.code } };
    }
    if (error instanceof NotFoundError && error.resource === "leaderboard") return { values, message: { tone: "error", text: t("errors.off"), code: error.code } };
    if (isLazoError(error)) return { values, message: { tone: "error", text: t("errors.generic"), code: error.code } };
    throw error;
  }
}

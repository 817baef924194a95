"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { isLazoError, ValidationError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { runReferralRewardsNow } from "@/lib/services/referrals/run-referral-rewards";
import { updateReferralSettings } from "@/lib/services/referrals/referral-settings";
import { REFERRAL_SETTINGS_MESSAGES, type ReferralSettingsMessageKey } from "@/lib/validation/referrals";
import { getConsoleProgramFor } from "../../_lib/console-program";

const PATH = "/console/settings/program";
const FIELDS = ["referrerPoints", "refereePoints", "limitPerReferrer", "minPurchase"] as const;
const KEY_OF = new Map(Object.entries(REFERRAL_SETTINGS_MESSAGES).map(([key, text]) => [text as string, key as ReferralSettingsMessageKey]));

/** Saves Settings → Program → Referrals; the service checks program:write and validates before writing. */
export async function updateReferralSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const t = await getTranslations("ReferralSettings");
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  try {
    const { changed } = await updateReferralSettings(await getAppDb(), actor, { programId: program?.id ?? "", ...values });
    if (changed) revalidatePath(PATH);
    return { message: { tone: "success", text: t(changed ? "saved" : "unchanged") } };
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const [path, messages] of Object.entries(error.fields)) fieldErrors[path.split(".")[0]!] ??= t(`errors.${KEY_OF.get(messages[0] ?? "") ?? "invalid"}`);
      return { values, fieldErrors, message: { tone: "error", text: t("checkFields"), code: error.code } };
    }
    if (isLazoError(error)) return { values, message: { tone: "error", text: t("errors.generic"), code: error.code } };
    throw error;
  }
}

/** "Process now": the pending release and the referral rewards it makes due, for this program, without waiting for the job. */
export async function runReferralRewardsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const t = await getTranslations("ReferralSettings");
  try {
    const done = await runReferralRewardsNow(await getAppDb(), actor, { programId: program?.id ?? "", confirm: form.get("confirm") === "run" });
    return { message: { tone: "success", text: t("ranNow", { released: done.points, referrals: done.referrals }) } };
  } catch (error) {
    if (isLazoError(error)) return { message: { tone: "error", text: t("errors.generic"), code: error.code } };
    throw error;
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { currencyMinorDigits } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { setLeaderboardEnabled } from "@/lib/services/gamification/leaderboard-settings";
import { createChallenge, getChallengeFormContext, setChallengeStatus, updateChallenge } from "@/lib/services/gamification/manage-challenges";
import { getConsoleProgramFor } from "../_lib/console-program";
import { challengeFailure } from "./_lib/challenge-errors";
import { challengeInputOf, echoValues } from "./_lib/challenge-form";

const PATH = "/console/challenges";

export async function saveChallengeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const challengeId = String(form.get("challengeId") ?? "");
  const actor = await requireUser(challengeId ? `${PATH}/${challengeId}/edit` : `${PATH}/new`);
  const program = await getConsoleProgramFor(actor);
  const programId = program?.id ?? "";
  const db = await getAppDb();
  try {
    const { currency, timeZone } = await getChallengeFormContext(db, actor, { programId });
    const input = challengeInputOf(form, { programId, timeZone, minorDigits: currencyMinorDigits(currency) });
    if (challengeId) await updateChallenge(db, actor, { ...input, challengeId } as never);
    else await createChallenge(db, actor, input as never);
  } catch (error) {
    return challengeFailure(error, echoValues(form));
  }
  revalidatePath(PATH);
  redirect(`${PATH}?saved=1`);
}

/** Activate or pause, from the list. */
export async function setChallengeStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const db = await getAppDb();
  try {
    const row = await setChallengeStatus(db, actor, { programId: program?.id ?? "", challengeId: String(form.get("challengeId") ?? ""), status: String(form.get("status") ?? "") } as never);
    revalidatePath(PATH);
    const t = await getTranslations("Challenges");
    return { message: { tone: "success", text: t("statusChanged", { status: t(`statuses.${row.status}`) }) } };
  } catch (error) {
    return challengeFailure(error);
  }
}

/** Turns the portal's leaderboard on or off (the service checks campaigns:write, then the value). */
export async function setLeaderboardAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  try {
    const { enabled } = await setLeaderboardEnabled(await getAppDb(), actor, { programId: program?.id ?? "", enabled: String(form.get("enabled") ?? "") } as never);
    revalidatePath(PATH);
    const t = await getTranslations("Challenges.leaderboard");
    return { message: { tone: "success", text: t(enabled ? "turnedOn" : "turnedOff") } };
  } catch (error) {
    return challengeFailure(error);
  }
}

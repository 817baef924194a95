"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { currencyMinorDigits } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getCampaignFormContext } from "@/lib/services/campaigns/read-campaigns";
import { createCampaign, runCampaignNow, setCampaignStatus, testSendCampaign, updateCampaign } from "@/lib/services/campaigns/manage-campaigns";
import { getConsoleProgramFor } from "../_lib/console-program";
import { campaignFailure } from "./_lib/campaign-errors";
import { campaignInputOf, echoValues } from "./_lib/campaign-form-input";

const PATH = "/console/campaigns";

async function context(actor: Awaited<ReturnType<typeof requireUser>>) {
  const program = await getConsoleProgramFor(actor);
  return { actor, programId: program?.id ?? "", timeZone: program?.timeZone ?? "UTC", db: await getAppDb() };
}

export async function saveCampaignAction(_previous: FormState, form: FormData): Promise<FormState> {
  const campaignId = String(form.get("campaignId") ?? "");
  const { actor, programId, timeZone, db } = await context(await requireUser(campaignId ? `${PATH}/${campaignId}/edit` : `${PATH}/new`));
  let saved: { id: string };
  try {
    const { currency } = await getCampaignFormContext(db, actor, { programId });
    const input = campaignInputOf(form, { programId, timeZone, minorDigits: currencyMinorDigits(currency) });
    saved = campaignId ? await updateCampaign(db, actor, { ...input, campaignId } as never) : await createCampaign(db, actor, input as never);
  } catch (error) {
    return campaignFailure(error, echoValues(form));
  }
  revalidatePath(PATH);
  redirect(`${PATH}/${saved.id}?saved=1`);
}

/**
 * Activating a grant or an offer launches its sweep right after the answer
 * (the page shows its progress); the hourly campaigns-run job finishes any
 * sweep a restart cut short, and re-running never awards twice.
 */
export async function setCampaignStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  const campaignId = String(form.get("campaignId") ?? "");
  const { actor, programId, db } = await context(await requireUser(`${PATH}/${campaignId}`));
  try {
    const row = await setCampaignStatus(db, actor, { programId, campaignId, status: String(form.get("status") ?? "") } as never);
    if (row.status === "running" && (row.kind === "grant" || row.kind === "offer")) {
      after(() => runCampaignNow(db, actor, { programId, campaignId: row.id }).catch((error: unknown) => console.error(`Lazo: campaign ${row.id} sweep failed`, error)));
    }
    revalidatePath(`${PATH}/${campaignId}`);
    const t = await getTranslations("Campaigns");
    return { message: { tone: "success", text: t("statusChanged", { status: t(`statuses.${row.status}`) }) } };
  } catch (error) {
    return campaignFailure(error);
  }
}

export async function runCampaignNowAction(_previous: FormState, form: FormData): Promise<FormState> {
  const campaignId = String(form.get("campaignId") ?? "");
  const { actor, programId, db } = await context(await requireUser(`${PATH}/${campaignId}`));
  try {
    const counts = await runCampaignNow(db, actor, { programId, campaignId });
    revalidatePath(`${PATH}/${campaignId}`);
    const t = await getTranslations("Campaigns");
    return { message: { tone: "success", text: t("ranNow", { awarded: counts.awarded, control: counts.control, budget: counts.budget, noConsent: counts.noConsent, unavailable: counts.unavailable }) } };
  } catch (error) {
    return campaignFailure(error);
  }
}

export async function testSendCampaignAction(_previous: FormState, form: FormData): Promise<FormState> {
  const campaignId = String(form.get("campaignId") ?? "");
  const { actor, programId, db } = await context(await requireUser(`${PATH}/${campaignId}`));
  const values = { to: String(form.get("to") ?? ""), locale: String(form.get("locale") ?? "es") };
  try {
    const sent = await testSendCampaign(db, actor, { programId, campaignId, ...values } as never);
    const t = await getTranslations("Campaigns");
    return { values, message: { tone: "success", text: t("testSent", { subject: sent.subject }) } };
  } catch (error) {
    return campaignFailure(error, values);
  }
}

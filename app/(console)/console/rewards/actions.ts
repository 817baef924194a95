"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { voidCoupon } from "@/lib/services/coupons/void-coupon";
import { getRewardEditor } from "@/lib/services/rewards/get-reward-editor";
import { importPartnerCodes } from "@/lib/services/rewards/import-partner-codes";
import { createRewardMenu, moveRewardMenu, renameRewardMenu } from "@/lib/services/rewards/manage-menus";
import { archiveReward, createReward, updateRewardTerms } from "@/lib/services/rewards/manage-rewards";
import { getConsoleProgramFor } from "../_lib/console-program";
import { echo, rewardFormFailure, rewardInputFromForm } from "./_lib/reward-form";

const PATH = "/console/rewards";

/** The program and database an action works on; every action first checks the session itself (requireUser). */
async function context(actor: Awaited<ReturnType<typeof requireUser>>) {
  const program = await getConsoleProgramFor(actor);
  return { actor, programId: program?.id ?? "", timeZone: program?.timeZone ?? "UTC", db: await getAppDb() };
}

export async function saveRewardAction(_previous: FormState, form: FormData): Promise<FormState> {
  const rewardId = String(form.get("rewardId") ?? "");
  const { actor, programId, timeZone, db } = await context(await requireUser(rewardId ? `${PATH}/${rewardId}` : `${PATH}/new`));
  let createdId: string | null = null;
  try {
    const { currency } = await getRewardEditor(db, actor, { programId });
    const input = rewardInputFromForm(form, currency, timeZone);
    if (rewardId) await updateRewardTerms(db, actor, { programId, rewardId, ...input } as never);
    else createdId = (await createReward(db, actor, { programId, ...input } as never)).id;
  } catch (error) {
    return rewardFormFailure(error, echo(form));
  }
  revalidatePath(PATH);
  if (createdId) redirect(`${PATH}/${createdId}?created=1`);
  return { message: { tone: "success", text: (await getTranslations("RewardForm"))("saved") } };
}

export async function archiveRewardAction(_previous: FormState, form: FormData): Promise<FormState> {
  const rewardId = String(form.get("rewardId") ?? "");
  const { actor, programId, db } = await context(await requireUser(`${PATH}/${rewardId}`));
  try {
    await archiveReward(db, actor, { programId, rewardId });
  } catch (error) {
    return rewardFormFailure(error);
  }
  revalidatePath(PATH);
  return { message: { tone: "success", text: (await getTranslations("RewardForm"))("archived") } };
}

export async function importCodesAction(_previous: FormState, form: FormData): Promise<FormState> {
  const rewardId = String(form.get("rewardId") ?? "");
  const { actor, programId, db } = await context(await requireUser(`${PATH}/${rewardId}`));
  const text = String(form.get("codes") ?? "");
  try {
    const result = await importPartnerCodes(db, actor, { programId, rewardId, text });
    revalidatePath(PATH);
    const t = await getTranslations("PartnerCodes");
    const done = t("done", { added: result.added, skipped: result.alreadyThere + result.duplicates, free: result.free });
    const invalid = result.invalid.length ? ` ${t("invalid", { count: result.invalid.length, sample: result.invalid.slice(0, 3).join(", ") })}` : "";
    return { message: { tone: "success", text: done + invalid } };
  } catch (error) {
    return rewardFormFailure(error, { codes: text.slice(0, 20_000) });
  }
}

export async function createMenuAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(`${PATH}/menus`));
  const s = (k: string) => String(form.get(k) ?? "").trim();
  try {
    await createRewardMenu(db, actor, { programId, name: { es: s("nameEs"), en: s("nameEn") }, description: { es: s("descriptionEs"), en: s("descriptionEn") } });
  } catch (error) {
    return rewardFormFailure(error, echo(form));
  }
  revalidatePath(`${PATH}/menus`);
  return { message: { tone: "success", text: (await getTranslations("RewardMenus"))("create.done") } };
}

export async function renameMenuAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(`${PATH}/menus`));
  const s = (k: string) => String(form.get(k) ?? "").trim();
  try {
    await renameRewardMenu(db, actor, { programId, menuId: s("menuId"), name: { es: s("nameEs"), en: s("nameEn") }, description: { es: s("descriptionEs"), en: s("descriptionEn") } });
  } catch (error) {
    return rewardFormFailure(error, echo(form));
  }
  revalidatePath(`${PATH}/menus`);
  return { message: { tone: "success", text: (await getTranslations("RewardMenus"))("renamed") } };
}

/** Moves one menu a place up or down. */
export async function moveMenuAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(`${PATH}/menus`));
  try {
    await moveRewardMenu(db, actor, { programId, menuId: String(form.get("menuId") ?? ""), direction: form.get("direction") === "up" ? "up" : "down" });
  } catch (error) {
    return rewardFormFailure(error);
  }
  revalidatePath(`${PATH}/menus`);
  return {};
}

export async function voidCouponAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(`${PATH}/coupons`));
  const reason = String(form.get("reason") ?? "");
  let done: { code: string; refunded: number };
  try {
    const result = await voidCoupon(db, actor, { programId, couponId: String(form.get("couponId") ?? ""), reason });
    done = { code: result.coupon.code, refunded: result.refunded };
  } catch (error) {
    return rewardFormFailure(error, { reason });
  }
  revalidatePath(`${PATH}/coupons`);
  // The row's form goes away with the coupon's new status, so the page itself says what happened.
  redirect(`${PATH}/coupons?code=${encodeURIComponent(done.code)}&voided=${done.refunded}`);
}

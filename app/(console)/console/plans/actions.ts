"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { planTranslator } from "./_lib/translate";
import type { FormState } from "@/components/forms/form-state";
import { requireUser, type UserActor } from "@/lib/auth/session";
import type { PlanDefinition } from "@/lib/domain/plan/plan-definition";
import { currencyMinorDigits } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { discardPlanDraft } from "@/lib/services/plans/discard-plan-draft";
import { getPlanOverview } from "@/lib/services/plans/get-plan-overview";
import { publishPlanDraft } from "@/lib/services/plans/publish-plan-draft";
import { rollbackPlanVersion } from "@/lib/services/plans/rollback-plan-version";
import { getPlanDraft, savePlanDraft } from "@/lib/services/plans/save-plan-draft";
import { formFailure } from "../_lib/action-errors";
import { getConsoleProgramFor } from "../_lib/console-program";
import { applyExclusions, applyGeneral, applyTiers, echo, many, ruleFrom, ruleIdFrom } from "./_lib/plan-form";
import { planFormFailure } from "./_lib/plan-form-errors";
import { applyEventRules } from "./_lib/event-rules-form";

const PATH = "/console/plans";

async function context(actor: UserActor) {
  const program = await getConsoleProgramFor(actor);
  return { actor, programId: program?.id ?? "", db: await getAppDb() };
}

async function saved(): Promise<FormState> {
  revalidatePath(PATH, "layout");
  return { message: { tone: "success", text: (await planTranslator("PlanEditor"))("saved") } };
}

/**
 * Loads the draft (or the live copy), applies one section of the form and
 * saves the whole document. A post without the section's marker (or naming a
 * rule that is not there) saves no definition at all, so the service refuses
 * it — after checking the permission, like any other input.
 */
async function saveSection(actor: UserActor, form: FormData, section: string, patch: (plan: PlanDefinition, digits: number) => PlanDefinition | null, field?: (path: string) => string | null): Promise<FormState> {
  const { programId, db } = await context(actor);
  const values = echo(form);
  try {
    const [{ definition }, overview] = await Promise.all([getPlanDraft(db, actor, { programId }), getPlanOverview(db, actor, { programId })]);
    const name = String(form.get("name") ?? "").trim();
    const patched = form.get("section") === section ? patch(definition, currencyMinorDigits(overview.program.currency)) : null;
    await savePlanDraft(db, actor, { programId, ...(name ? { name } : {}), definition: patched as PlanDefinition });
    return await saved();
  } catch (error) {
    return planFormFailure(error, values, field);
  }
}

export async function saveGeneralAction(_previous: FormState, form: FormData): Promise<FormState> {
  return saveSection(await requireUser(`${PATH}/draft`), form, "general", (plan, digits) => applyGeneral(plan, form, digits));
}

export async function saveTiersAction(_previous: FormState, form: FormData): Promise<FormState> {
  return saveSection(await requireUser(`${PATH}/draft`), form, "tiers", (plan, digits) => applyTiers(plan, form, digits));
}

export async function saveExclusionsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return saveSection(await requireUser(`${PATH}/draft`), form, "exclusions", (plan) => applyExclusions(plan, form), (p) => p.replace(/^definition\./, "").replace(/\.\d+$/, ""));
}

/** Adds a rule or replaces the one with the posted id; its errors land on the rule form's own field names. */
export async function saveRuleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const posted = String(form.get("ruleId") ?? "");
  let index = -1;
  let id = posted;
  const state = await saveSection(
    await requireUser(`${PATH}/draft`),
    form,
    "rule",
    (plan, digits) => {
      const rules = plan.rules ?? [];
      index = rules.findIndex((r) => r.id === posted);
      if (posted && index < 0) return null;
      id = index >= 0 ? posted : ruleIdFrom(String(form.get("name.en") || form.get("name.es") || ""), rules.map((r) => r.id));
      const rule = ruleFrom(form, id, digits);
      const next = index >= 0 ? rules.map((r, i) => (i === index ? rule : r)) : [...rules, rule];
      if (index < 0) index = next.length - 1;
      return { ...plan, rules: next };
    },
    (path) => {
      const m = /^definition\.rules\.(\d+)\.(.+)$/.exec(path);
      if (!m || Number(m[1]) !== index) return null;
      return m[2]!.replace(/^effect\.(factor|points)$/, "effect.value").replace(/^(conditions\.(?:channels|storeIds|categories|skus|daysOfWeek|tiers|segmentIds))\.\d+$/, "$1");
    },
  );
  if (state.message?.tone === "success") redirect(`${PATH}/draft?saved=${encodeURIComponent(id)}#rules`);
  return state;
}

/** The event rules table, saved as a whole; errors land on each row's fields. */
export async function saveEventRulesAction(_previous: FormState, form: FormData): Promise<FormState> {
  return saveSection(await requireUser(`${PATH}/draft`), form, "event-rules", (plan) => applyEventRules(plan, form), (p) => p.replace(/^definition\./, "").replace(/^(eventRules\.\d+\.tiers)\.\d+$/, "$1"));
}

export async function removeRuleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const ruleId = String(form.get("ruleId") ?? "");
  return saveSection(await requireUser(`${PATH}/draft`), form, "remove-rule", (plan) => (plan.rules?.some((r) => r.id === ruleId) ? { ...plan, rules: plan.rules.filter((r) => r.id !== ruleId) } : null));
}

export async function publishPlanAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const { programId, db } = await context(actor);
  let published;
  try {
    published = await publishPlanDraft(db, actor, { programId, draftId: String(form.get("draftId") ?? ""), pilot: { storeIds: many(form, "pilot.storeIds"), segmentIds: many(form, "pilot.segmentIds") } });
  } catch (error) {
    return formFailure(error);
  }
  // The draft card (and this form) is gone once published: the page says what happened.
  revalidatePath(PATH, "layout");
  redirect(`${PATH}?published=${published.version}`);
}

export async function discardDraftAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const { programId, db } = await context(actor);
  try {
    await discardPlanDraft(db, actor, { programId, draftId: String(form.get("draftId") ?? "") });
  } catch (error) {
    return formFailure(error);
  }
  revalidatePath(PATH, "layout");
  redirect(`${PATH}?discarded=1`);
}

export async function rollbackPlanAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const { programId, db } = await context(actor);
  let restored;
  try {
    restored = await rollbackPlanVersion(db, actor, { programId, versionId: String(form.get("versionId") ?? "") });
  } catch (error) {
    return formFailure(error);
  }
  revalidatePath(PATH, "layout");
  redirect(`${PATH}?restored=${restored.version}`);
}

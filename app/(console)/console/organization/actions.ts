"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CONSOLE_PROGRAM_COOKIE } from "@/app/_data/console-program-choice";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { removeCoalitionLink, setCoalitionRate } from "@/lib/services/coalition/manage-coalition";
import { copyToProgram } from "@/lib/services/organizations/copy-to-program";
import { createBrand } from "@/lib/services/organizations/create-brand";
import { chooseConsoleProgram } from "@/lib/services/programs/get-console-program";
import { getConsoleProgramFor } from "../_lib/console-program";
import { organizationFailure } from "./_lib/organization-errors";

const PATH = "/console/organization";
const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** Where the switcher lands: the same console section (its list), never a page of the other program's ids. */
function sectionOf(path: string): string {
  const [, root, section] = path.split("/");
  return root === "console" && section && /^[a-z-]+$/.test(section) ? `/console/${section}` : "/console";
}

/** The program switcher: remembers the pick in a cookie (a hint: pages only ever show programs the user may read). */
export async function switchProgramAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/console");
  let target: string;
  try {
    const program = await chooseConsoleProgram(await getAppDb(), actor, field(form, "programId"));
    (await cookies()).set(CONSOLE_PROGRAM_COOKIE, program.id, { httpOnly: true, sameSite: "lax", path: "/", secure: process.env.NODE_ENV === "production" && process.env.LAZO_INSECURE_COOKIES !== "1", maxAge: 60 * 60 * 24 * 365 });
    target = sectionOf(field(form, "returnTo"));
  } catch (error) {
    return organizationFailure(error);
  }
  revalidatePath("/console", "layout");
  redirect(target);
}

/** A new brand in the current program's organization (organization owners only). */
export async function createBrandAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const values = Object.fromEntries(["name", "slug", "currency", "locale", "timeZone"].map((k) => [k, field(form, k)]));
  try {
    const db = await getAppDb();
    const organizationId = program ? (await chooseConsoleProgram(db, actor, program.id)).organizationId : "";
    const created = await createBrand(db, actor, { organizationId, name: values.name!, slug: values.slug!, currency: values.currency || undefined, locale: values.locale || undefined, timeZone: values.timeZone || undefined });
    revalidatePath("/console", "layout");
    return { message: { tone: "success", text: (await getTranslations("Organization.brands"))("created", { name: created.name }) } };
  } catch (error) {
    return organizationFailure(error, values);
  }
}

/** Links the current program with a sister at a rate (both ways); program:write in both. */
export async function setCoalitionRateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const values = { toProgramId: field(form, "toProgramId"), rate: field(form, "rate") };
  try {
    await setCoalitionRate(await getAppDb(), actor, { fromProgramId: program?.id ?? "", ...values });
    revalidatePath(PATH);
    return { message: { tone: "success", text: (await getTranslations("Organization.coalition"))("saved") } };
  } catch (error) {
    return organizationFailure(error, values);
  }
}

/** Ends the link between the current program and a sister (both ways). */
export async function removeCoalitionLinkAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  try {
    await removeCoalitionLink(await getAppDb(), actor, { fromProgramId: program?.id ?? "", toProgramId: field(form, "toProgramId") });
    revalidatePath(PATH);
    return { message: { tone: "success", text: (await getTranslations("Organization.coalition"))("removed") } };
  } catch (error) {
    return organizationFailure(error);
  }
}

/** Copies the current program's plan, catalog or one campaign to a sister program, as drafts there. */
export async function copyToProgramAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const values = { kind: field(form, "kind"), toProgramId: field(form, "toProgramId"), campaignId: field(form, "campaignId") };
  try {
    const input = { kind: values.kind as "plan", fromProgramId: program?.id ?? "", toProgramId: values.toProgramId, ...(values.campaignId ? { campaignId: values.campaignId } : {}) };
    const result = await copyToProgram(await getAppDb(), actor, input);
    return { values, message: { tone: "success", text: (await getTranslations("Organization.copy"))(`done.${result.kind}`, { count: result.copied }) } };
  } catch (error) {
    return organizationFailure(error, values);
  }
}

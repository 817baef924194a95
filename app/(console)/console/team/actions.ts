"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { linkOrigin } from "@/lib/auth/request-origin";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { changeTeamMember } from "@/lib/services/team/change-team-member";
import { inviteTeamMember } from "@/lib/services/team/invite-team-member";
import { removeTeamMember } from "@/lib/services/team/remove-team-member";
import type { ChangeTeamMemberInput } from "@/lib/validation/team";
import { formFailure } from "../_lib/action-errors";
import { getConsoleProgramFor } from "../_lib/console-program";

const PATH = "/console/team";

/** Role, stores and "may adjust points" as the access fields post them. */
function accessFields(form: FormData) {
  return {
    role: String(form.get("role") ?? "") as ChangeTeamMemberInput["role"],
    storeIds: form.getAll("storeIds").map(String),
    extraPermissions: form.get("mayAdjustPoints") ? (["points:adjust"] as const).slice() : [],
  };
}

export async function inviteTeamMemberAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const access = accessFields(form);
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role: access.role, storeIds: access.storeIds.join(","), mayAdjustPoints: access.extraPermissions.length ? "1" : "" };
  try {
    const input = { programId: program?.id ?? "", email: values.email, name: values.name, ...access, appUrl: await linkOrigin() };
    const invited = await inviteTeamMember(await getAppDb(), actor, input);
    revalidatePath(PATH);
    const t = await getTranslations("Team.invite");
    return { message: { tone: "success", text: t(invited.invitationSent ? "sent" : "notified", { email: invited.email }) } };
  } catch (error) {
    return formFailure(error, values);
  }
}

export async function changeTeamMemberAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  try {
    await changeTeamMember(await getAppDb(), actor, { programId: program?.id ?? "", membershipId: String(form.get("membershipId") ?? ""), ...accessFields(form) });
    revalidatePath(PATH);
    return { message: { tone: "success", text: (await getTranslations("Team.edit"))("saved") } };
  } catch (error) {
    return formFailure(error);
  }
}

export async function removeTeamMemberAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  try {
    await removeTeamMember(await getAppDb(), actor, { programId: program?.id ?? "", membershipId: String(form.get("membershipId") ?? "") });
    revalidatePath(PATH);
    return { message: { tone: "success", text: (await getTranslations("Team.remove"))("done") } };
  } catch (error) {
    return formFailure(error);
  }
}

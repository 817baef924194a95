"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, setWebhookEndpointStatus, updateWebhookEndpoint } from "@/lib/services/webhooks/manage-endpoints";
import { replayWebhookDelivery, sendTestWebhook } from "@/lib/services/webhooks/webhook-deliveries";
import type { CreateWebhookInput } from "@/lib/validation/webhook";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { webhookFailure } from "./_lib/webhook-failure";

const PATH = "/console/developers/webhooks";

/** The signing secret travels back once, in this response only. */
export type SecretState = FormState & { secret?: string; endpointId?: string };

async function context(actor: Awaited<ReturnType<typeof requireUser>>) {
  const program = await getConsoleProgramFor(actor);
  return { actor, programId: program?.id ?? "", db: await getAppDb() };
}

const events = (form: FormData) => form.getAll("events").map(String) as CreateWebhookInput["events"];

export async function createWebhookAction(_previous: SecretState, form: FormData): Promise<SecretState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  const url = String(form.get("url") ?? "");
  const description = String(form.get("description") ?? "");
  try {
    const created = await createWebhookEndpoint(db, actor, { programId, url, description, events: events(form) });
    revalidatePath(PATH);
    return { secret: created.secret, endpointId: created.id };
  } catch (error) {
    return webhookFailure(error, { url, description, events: events(form).join(",") });
  }
}

export async function updateWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  const endpointId = String(form.get("endpointId") ?? "");
  const description = String(form.get("description") ?? "");
  try {
    await updateWebhookEndpoint(db, actor, { programId, endpointId, description, events: events(form) });
    revalidatePath(`${PATH}/${endpointId}`);
    return { message: { tone: "success", text: (await getTranslations("Webhooks.detail"))("saved") } };
  } catch (error) {
    return webhookFailure(error, { description });
  }
}

export async function setWebhookStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  const endpointId = String(form.get("endpointId") ?? "");
  const status = form.get("status") === "active" ? "active" : "disabled";
  try {
    await setWebhookEndpointStatus(db, actor, { programId, endpointId, status });
    revalidatePath(`${PATH}/${endpointId}`);
    return { message: { tone: "success", text: (await getTranslations("Webhooks.actions"))(status === "active" ? "enabled" : "disabled") } };
  } catch (error) {
    return webhookFailure(error);
  }
}

export async function rotateWebhookSecretAction(_previous: SecretState, form: FormData): Promise<SecretState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  const endpointId = String(form.get("endpointId") ?? "");
  try {
    const rotated = await rotateWebhookSecret(db, actor, { programId, endpointId });
    revalidatePath(`${PATH}/${endpointId}`);
    return { secret: rotated.secret, endpointId };
  } catch (error) {
    return webhookFailure(error);
  }
}

export async function deleteWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  try {
    await deleteWebhookEndpoint(db, actor, { programId, endpointId: String(form.get("endpointId") ?? "") });
  } catch (error) {
    return webhookFailure(error);
  }
  revalidatePath(PATH);
  redirect(PATH);
}

export async function sendTestWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  const endpointId = String(form.get("endpointId") ?? "");
  try {
    await sendTestWebhook(db, actor, { programId, endpointId });
    revalidatePath(`${PATH}/${endpointId}`);
    return { message: { tone: "success", text: (await getTranslations("Webhooks.actions"))("testQueued") } };
  } catch (error) {
    return webhookFailure(error);
  }
}

export async function replayWebhookAction(_previous: FormState, form: FormData): Promise<FormState> {
  const { actor, programId, db } = await context(await requireUser(PATH));
  const endpointId = String(form.get("endpointId") ?? "");
  try {
    await replayWebhookDelivery(db, actor, { programId, deliveryId: String(form.get("deliveryId") ?? "") });
    revalidatePath(`${PATH}/${endpointId}`);
    return { message: { tone: "success", text: (await getTranslations("Webhooks.log"))("replayed") } };
  } catch (error) {
    return webhookFailure(error);
  }
}

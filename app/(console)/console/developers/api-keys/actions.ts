"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys/manage-api-keys";
import type { CreateApiKeyInput } from "@/lib/validation/api-key";
import { formFailure } from "../../_lib/action-errors";
import { getConsoleProgramFor } from "../../_lib/console-program";

const PATH = "/console/developers/api-keys";

/** The secret travels back once, in this response only; it is never stored or shown again. */
export type CreateApiKeyState = FormState & { created?: { name: string; key: string } };

export async function createApiKeyAction(_previous: CreateApiKeyState, form: FormData): Promise<CreateApiKeyState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const name = String(form.get("name") ?? "");
  const rateLimit = String(form.get("rateLimitPerMinute") ?? "").trim();
  try {
    const scopes = form.getAll("scopes").map(String) as CreateApiKeyInput["scopes"];
    // Empty: the server default. Anything else must be a number; "12x" becomes NaN and the schema says why.
    const rateLimitPerMinute = rateLimit === "" ? undefined : Number(rateLimit);
    const created = await createApiKey(await getAppDb(), actor, { programId: program?.id ?? "", name, scopes, rateLimitPerMinute });
    revalidatePath(PATH);
    return { created: { name: created.name, key: created.key } };
  } catch (error) {
    return formFailure(error, { name, rateLimitPerMinute: rateLimit });
  }
}

export async function revokeApiKeyAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  try {
    await revokeApiKey(await getAppDb(), actor, { programId: program?.id ?? "", keyId: String(form.get("keyId") ?? "") });
    revalidatePath(PATH);
    return { message: { tone: "success", text: (await getTranslations("ApiKeys.revoke"))("done") } };
  } catch (error) {
    return formFailure(error);
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { updateProgramSettings } from "@/lib/services/programs/update-program-settings";
import type { UpdateProgramSettingsInput } from "@/lib/validation/program-settings";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { settingsFailure } from "./_lib/settings-errors";

const PATH = "/console/settings/program";
const FIELDS = ["name", "pointNameEs", "pointNameEn", "locale", "timeZone", "pointValue", "clawbackPolicy"] as const;

/** Saves the program settings form; the service checks program:write and validates before writing anything. */
export async function updateProgramSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  try {
    const { pointNameEs, pointNameEn, clawbackPolicy, ...rest } = values;
    const input = { ...rest, programId: program?.id ?? "", pointName: { es: pointNameEs, en: pointNameEn }, clawbackPolicy: clawbackPolicy as UpdateProgramSettingsInput["clawbackPolicy"] };
    const { changed } = await updateProgramSettings(await getAppDb(), actor, input);
    // The name, locale and zone show across the console (shell, dates, analytics): refresh all of it.
    if (changed) revalidatePath("/console", "layout");
    return { message: { tone: "success", text: (await getTranslations("ProgramSettings"))(changed ? "saved" : "unchanged") } };
  } catch (error) {
    return settingsFailure(error, values);
  }
}

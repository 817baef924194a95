"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { isLazoError, ValidationError } from "@/lib/errors";
import { enqueueSimulation } from "@/lib/jobs/simulation-job";
import { getAppDb, getJobQueue } from "@/lib/server/app-database";
import { getPlanSimulationProgress, type SimulationProgress } from "@/lib/services/simulation/read-simulations";
import { startPlanSimulation } from "@/lib/services/simulation/start-simulation";
import { SIMULATION_MESSAGES } from "@/lib/validation/simulation";
import { formFailure } from "../../_lib/action-errors";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { planTranslator } from "../_lib/translate";

const PATH = "/console/plans/simulations";

/** The schema's English messages → keys of PlanSimulation.errors. */
const MESSAGE_KEYS: Record<string, string> = Object.fromEntries(Object.entries(SIMULATION_MESSAGES).map(([key, text]) => [text, key]));

/** "Simular": queues a run of the chosen version against the live plan (plans:write, audited) and opens its page. */
export async function startSimulationAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  const values = { versionId: String(form.get("versionId") ?? ""), from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") };
  let started;
  try {
    const db = await getAppDb();
    started = await startPlanSimulation(db, actor, { programId: program?.id ?? "", ...values }, async (job) => enqueueSimulation(await getJobQueue(), job));
  } catch (error) {
    if (!(error instanceof ValidationError)) return formFailure(error, values);
    const t = await planTranslator("PlanSimulation");
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(error.fields)) fieldErrors[field] = t(`errors.${MESSAGE_KEYS[messages[0] ?? ""] ?? "invalid"}`);
    return { fieldErrors, values, message: { tone: "error", text: t("errors.checkFields"), code: error.code } };
  }
  redirect(`${PATH}/${started.id}`);
}

/** What the progress bar polls (plans:read). Refusals come back as a code, so the bar can say so instead of spinning. */
export async function getSimulationProgressAction(simulationId: string): Promise<{ ok: true; progress: SimulationProgress } | { ok: false; code: string }> {
  const actor = await requireUser(PATH);
  const program = await getConsoleProgramFor(actor);
  try {
    return { ok: true, progress: await getPlanSimulationProgress(await getAppDb(), actor, { programId: program?.id ?? "", simulationId: String(simulationId) }) };
  } catch (error) {
    if (isLazoError(error)) return { ok: false, code: error.code };
    throw error;
  }
}

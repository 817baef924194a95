import "server-only";
import { planTranslator } from "./translate";
import type { FormState } from "@/components/forms/form-state";
import { ValidationError } from "@/lib/errors";
import { planErrorKey } from "@/lib/validation/plan";
import { formFailure } from "../../_lib/action-errors";

/**
 * A refused plan → translated messages next to the fields. `field` maps a
 * schema path ("definition.tiers.2.threshold") to the form's input name, or
 * null when the form has no such input (the message then goes on top).
 */
export async function planFormFailure(error: unknown, values: Record<string, string>, field: (path: string) => string | null = (p) => p.replace(/^definition\./, "")): Promise<FormState> {
  if (!(error instanceof ValidationError)) return formFailure(error, values);
  const t = await planTranslator("PlanErrors");
  const fieldErrors: Record<string, string> = {};
  let unplaced = false;
  for (const [path, messages] of Object.entries(error.fields)) {
    const name = field(path);
    const text = t(planErrorKey(messages[0]));
    if (name && !fieldErrors[name]) fieldErrors[name] = text;
    if (!name) unplaced = true;
  }
  return { fieldErrors, values, message: { tone: "error", text: t(unplaced ? "checkPlan" : "checkFields") } };
}

import { formInstant, formMoneyMinor, formText as text, orNull } from "../../_lib/form-fields";

const TRIGGER_PARAM: Record<string, string | null> = {
  nth_purchase: "n",
  points_milestone: "points",
  inactivity: "days",
  points_expiring: "withinDays",
  tier_upgrade: null,
  first_purchase: null,
  birthday: null,
  anniversary: null,
};


/** The campaign form's fields → the service's input (the schema does the validating). */
export function campaignInputOf(form: FormData, ctx: { programId: string; timeZone: string; minorDigits: number }): Record<string, unknown> {
  const kind = text(form, "kind");
  const triggerType = text(form, "triggerType");
  const param = TRIGGER_PARAM[triggerType];
  const triggerValue = text(form, "triggerValue");
  const date = (name: string) => formInstant(form, name, ctx.timeZone);
  const budgetMoneyMinor = formMoneyMinor(form, "budgetMoney", ctx.minorDigits);
  return {
    programId: ctx.programId,
    name: text(form, "name"),
    kind,
    segmentId: orNull(text(form, "segmentId")),
    trigger: kind === "trigger" && triggerType ? { type: triggerType, ...(param ? { [param]: triggerValue } : {}) } : null,
    points: kind === "trigger" || kind === "grant" ? orNull(text(form, "points")) : null,
    multiplier: kind === "bonus" ? orNull(text(form, "multiplier")) : null,
    rewardId: kind === "offer" ? orNull(text(form, "rewardId")) : null,
    channels: form.getAll("channels").map(String),
    templates: { es: { subject: text(form, "es.subject"), body: text(form, "es.body") }, en: { subject: text(form, "en.subject"), body: text(form, "en.body") } },
    controlSharePct: text(form, "controlSharePct") || "0",
    budgetPoints: kind === "offer" ? null : orNull(text(form, "budgetPoints")),
    budgetCount: kind === "offer" ? orNull(text(form, "budgetCount")) : null,
    budgetMoneyMinor,
    frequencyCap: orNull(text(form, "frequencyCap")),
    startsAt: date("startsAt"),
    endsAt: date("endsAt"),
  };
}

/** The form's echo of what was typed, for a failed save. */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "channels" && !k.startsWith("$")) values[k] = v;
  values.channels = form.getAll("channels").map(String).join(",");
  return values;
}

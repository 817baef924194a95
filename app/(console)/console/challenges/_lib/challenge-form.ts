import { formInstant, formMoneyMinor, formText as text, orNull } from "../../_lib/form-fields";
import type { ChallengeListItem } from "@/lib/services/gamification/manage-challenges";
import { localInputValue } from "../../campaigns/_lib/campaign-form-values";

/** The challenge form's fields → the service's input (the schema does the validating). */
export function challengeInputOf(form: FormData, ctx: { programId: string; timeZone: string; minorDigits: number }): Record<string, unknown> {
  const date = (name: string) => formInstant(form, name, ctx.timeZone);
  const minAmountMinor = formMoneyMinor(form, "minAmount", ctx.minorDigits);
  const kind = text(form, "kind");
  return {
    programId: ctx.programId,
    name: { es: text(form, "name.es"), en: text(form, "name.en") },
    description: { es: text(form, "description.es"), en: text(form, "description.en") },
    kind,
    count: kind === "purchases" || kind === "stores" ? orNull(text(form, "count")) : null,
    windowDays: kind === "purchases" || kind === "stores" ? orNull(text(form, "windowDays")) : null,
    category: kind === "purchases" || kind === "streak" ? orNull(text(form, "category")) : null,
    minAmountMinor: kind === "purchases" || kind === "streak" ? minAmountMinor : null,
    fields: kind === "profile" ? form.getAll("fields").map(String) : [],
    weeks: kind === "streak" ? orNull(text(form, "weeks")) : null,
    badgeName: { es: text(form, "badgeName.es"), en: text(form, "badgeName.en") },
    badgeIcon: text(form, "badgeIcon"),
    rewardPoints: text(form, "rewardPoints") || "0",
    rewardId: orNull(text(form, "rewardId")),
    startsAt: date("startsAt"),
    endsAt: date("endsAt"),
  };
}

/** The form's echo of what was typed, for a failed save. */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "fields" && !k.startsWith("$")) values[k] = v;
  values.fields = form.getAll("fields").map(String).join(",");
  return values;
}

/** A stored challenge → the form's string values. */
export function formValuesOf(c: Omit<ChallengeListItem, "participants" | "completions">, timeZone: string, minorDigits: number): Record<string, string> {
  const r = c.rule;
  const min = "minAmountMinor" in r && r.minAmountMinor ? (r.minAmountMinor / 10 ** minorDigits).toFixed(minorDigits) : "";
  return {
    "name.es": c.name.es,
    "name.en": c.name.en,
    "description.es": c.description.es,
    "description.en": c.description.en,
    kind: c.kind,
    count: "count" in r ? String(r.count) : "",
    windowDays: "windowDays" in r && r.windowDays ? String(r.windowDays) : "",
    category: "category" in r && r.category ? r.category : "",
    minAmount: min,
    fields: r.kind === "profile" ? r.fields.join(",") : "",
    weeks: r.kind === "streak" ? String(r.weeks) : "",
    "badgeName.es": c.badgeName.es,
    "badgeName.en": c.badgeName.en,
    badgeIcon: c.badgeIcon,
    rewardPoints: String(c.rewardPoints),
    rewardId: c.rewardId ?? "",
    startsAt: localInputValue(c.startsAt, timeZone),
    endsAt: localInputValue(c.endsAt, timeZone),
  };
}

import type { CampaignRow } from "@/lib/services/campaigns/read-campaigns";
import type { CampaignDefinition } from "@/lib/domain/campaigns/definition";

/** An instant as the datetime-local value of the program's clock ("2026-06-13T00:00"). */
export function localInputValue(at: Date | null, timeZone: string): string {
  if (!at) return "";
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A stored campaign → the form's string values. */
export function formValuesOf(c: CampaignRow, timeZone: string, minorDigits: number): Record<string, string> {
  const d = c.definition as CampaignDefinition;
  const trigger = d.trigger as Record<string, unknown> | null | undefined;
  const param = trigger ? Object.entries(trigger).find(([k]) => k !== "type" && k !== "windowDays" && k !== "toTier" && k !== "minPoints") : undefined;
  return {
    name: c.name,
    kind: c.kind,
    segmentId: c.segmentId ?? "",
    triggerType: (trigger?.type as string) ?? "birthday",
    triggerValue: param ? String(param[1]) : "",
    points: d.points ? String(d.points) : "",
    multiplier: d.multiplier ? String(d.multiplier) : "",
    rewardId: d.rewardId ?? "",
    controlSharePct: String(c.controlShare),
    budgetPoints: c.budgetPoints ? String(c.budgetPoints) : "",
    budgetCount: c.budgetCount ? String(c.budgetCount) : "",
    budgetMoney: c.budgetMoneyMinor ? (c.budgetMoneyMinor / 10 ** minorDigits).toFixed(minorDigits) : "",
    frequencyCap: c.frequencyCap ? String(c.frequencyCap) : "",
    startsAt: localInputValue(c.startsAt, timeZone),
    endsAt: localInputValue(c.endsAt, timeZone),
    channels: (d.channels ?? []).join(","),
    "es.subject": d.templates.es.subject,
    "es.body": d.templates.es.body,
    "en.subject": d.templates.en.subject,
    "en.body": d.templates.en.body,
  };
}

import type { CampaignTemplates, MessageTemplate } from "./definition";

export type TemplateValues = { name?: string | null; points?: number | null; program?: string | null };

/** Fills {name}, {points} and {program} in a template; unknown placeholders stay as written. */
export function renderTemplate(t: MessageTemplate, values: TemplateValues): MessageTemplate {
  const fill = (s: string) =>
    s.replace(/\{(name|points|program)\}/g, (whole, key: keyof TemplateValues) => {
      const v = values[key];
      return v === null || v === undefined ? "" : String(v);
    });
  return { subject: fill(t.subject), body: fill(t.body) };
}

/** The member's language: Spanish unless their locale starts with "en". */
export function templateFor(templates: CampaignTemplates, locale: string | null | undefined): MessageTemplate {
  return locale?.toLowerCase().startsWith("en") ? templates.en : templates.es;
}

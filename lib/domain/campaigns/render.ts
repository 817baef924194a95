import type { CampaignTemplates, MessageTemplate } from "./definition";

export type TemplateValues = { name?: string | null; points?: number | null; program?: string | null; reward?: string | null; code?: string | null };

const PLACEHOLDERS = /\{(name|points|program|reward|code)\}/g;

/** Fills {name}, {points}, {program}, and for offers {reward} and {code}, in a template; unknown placeholders stay as written. */
export function renderTemplate(t: MessageTemplate, values: TemplateValues): MessageTemplate {
  const fill = (s: string) =>
    s.replace(PLACEHOLDERS, (whole, key: keyof TemplateValues) => {
      const v = values[key];
      return v === null || v === undefined ? "" : String(v);
    });
  return { subject: fill(t.subject), body: fill(t.body) };
}

/** The member's language: Spanish unless their locale starts with "en". */
export function languageOf(locale: string | null | undefined): "es" | "en" {
  return locale?.toLowerCase().startsWith("en") ? "en" : "es";
}

export function templateFor(templates: CampaignTemplates, locale: string | null | undefined): MessageTemplate {
  return templates[languageOf(locale)];
}

/**
 * An offer's email always carries its coupon: when the marketer's text does
 * not show the code, a closing line does (in the member's language).
 */
export function withCouponLine(mail: MessageTemplate, coupon: { code: string; expiresOn: string | null }, locale: "es" | "en"): MessageTemplate {
  if (mail.body.includes(coupon.code)) return mail;
  const line =
    locale === "en"
      ? `Your coupon: ${coupon.code}${coupon.expiresOn ? ` (valid until ${coupon.expiresOn})` : ""}. Show it at the counter or find it under "My coupons" in the portal.`
      : `Tu cupón: ${coupon.code}${coupon.expiresOn ? ` (válido hasta el ${coupon.expiresOn})` : ""}. Muéstralo en caja o búscalo en «Mis cupones» del portal.`;
  return { subject: mail.subject, body: `${mail.body}\n\n${line}` };
}

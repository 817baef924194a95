import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import es from "@/messages/members.es.json";
import en from "@/messages/members.en.json";
import { explainEntry, type HistoryEntryInput } from "@/lib/domain/ledger/explain-entry";
import { formatDate } from "@/lib/format";
import { changeText, entryTitle, partText, type Words, type WordsContext } from "./entry-words";

function context(locale: "es" | "en"): WordsContext {
  const t = createTranslator({ locale, messages: locale === "es" ? es : en, namespace: "LedgerWords" }) as unknown as Words;
  return { t, locale, numberLocale: locale === "es" ? "es-MX" : "en", timeZone: "America/Mexico_City" };
}

const purchase: HistoryEntryInput = {
  id: 9,
  kind: "earn",
  points: 1240,
  availableDelta: 1240,
  pendingDelta: 0,
  reason: null,
  storeName: "Centro",
  orderRef: "A-1",
  occurredAt: "2026-11-21T18:00:00.000Z",
  explanation: { planVersionId: "v", basePoints: 620, tierMultiplier: 1, rules: [{ ruleId: "w", fired: true, points: 620, cappedBy: "perMemberPerDay" }] },
  reversesEntryId: null,
  lot: { pendingUntil: null, expiresAt: "2027-11-21T18:00:00.000Z" },
};
const names = { v: { w: { es: "Doble puntos fin de semana", en: "Double points weekend" } } };

describe("entry words", () => {
  it.each([
    ["es", "Compra", "+1,240", ["Tienda: Centro", "Ticket A-1", "Puntos base +620", "Doble puntos fin de semana +620 (tope diario)", "Vencen el {date}"]],
    ["en", "Purchase", "+1,240", ["Store: Centro", "Receipt A-1", "Base points +620", "Double points weekend +620 (daily cap)", "Expire on {date}"]],
  ] as const)("words a purchase in %s", (locale, title, change, parts) => {
    const c = context(locale);
    const entry = explainEntry(purchase, names);
    expect(entryTitle(entry, c)).toBe(title);
    expect(changeText(entry, c)).toBe(change);
    const date = formatDate("2027-11-21T18:00:00.000Z", c.numberLocale, c.timeZone);
    expect(entry.parts.map((p) => partText(p, c))).toEqual(parts.map((text) => text.replace("{date}", date)));
  });

  it("names debits, inactivity expiry and plural lots", () => {
    const c = context("es");
    const expired = explainEntry({ ...purchase, kind: "expire", availableDelta: -30, storeName: null, orderRef: null, lot: null, explanation: { lots: [1, 2], policy: "lot_date" } });
    expect(entryTitle(expired, c)).toBe("Puntos vencidos");
    expect(changeText(expired, c)).toBe("−30");
    expect(partText(expired.parts[0]!, c)).toBe("Vencieron 2 lotes de puntos");
    expect(partText({ type: "expiredLots", lots: 1, policy: "inactivity" }, context("en"))).toBe("Expired for inactivity (no purchases or redemptions)");
    const debit = explainEntry({ ...purchase, kind: "adjust", availableDelta: -5, explanation: null, reason: "Error" });
    expect(entryTitle(debit, c)).toBe("Ajuste en contra");
  });
});

import "server-only";
import { getTranslations } from "next-intl/server";
import { REWARD_KINDS } from "@/lib/validation/rewards";
import { currencyDigits } from "@/lib/domain/money";
import { localTime } from "@/lib/domain/rules/local-time";
import { localizedText } from "@/lib/localized-text";
import type { RewardEditor } from "@/lib/services/rewards/get-reward-editor";
import type { RewardFormValues } from "../_components/reward-form";

/** The local day an instant falls on; an "until" instant is the next midnight, so it shows the day before. */
const day = (d: Date | null, timeZone: string, until = false) => (d ? localTime(new Date(d.getTime() - (until ? 1 : 0)), timeZone).date : "");
const num = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

/** The reward form's options and starting values, in the UI language. */
export async function rewardEditorProps(editor: RewardEditor, locale: string, timeZone: string) {
  const t = await getTranslations("Rewards");
  const r = editor.reward;
  const initial: RewardFormValues = r
    ? {
        kind: r.kind,
        status: r.status,
        nameEs: r.name.es,
        nameEn: r.name.en,
        descriptionEs: r.description?.es ?? "",
        descriptionEn: r.description?.en ?? "",
        value: r.value === null ? "" : r.kind === "percent_discount" ? String(r.value / 100) : String(r.value / 10 ** currencyDigits(editor.currency)),
        imageUrl: r.imageUrl ?? "",
        pointsPrice: String(r.pointsPrice),
        stock: num(r.stock),
        couponValidDays: String(r.couponValidDays),
        perMemberLimit: num(r.perMemberLimit),
        periodCount: num(r.periodLimit?.count),
        periodDays: num(r.periodLimit?.days),
        validFrom: day(r.validFrom, timeZone),
        validUntil: day(r.validUntil, timeZone, true),
        menuId: r.menuId ?? "",
        tiers: (r.eligibility?.tiers ?? []).join(","),
        segmentIds: (r.eligibility?.segmentIds ?? []).join(","),
        targetKind: r.targetSku ? "sku" : r.targetCategory ? "category" : "",
        targetSku: r.targetSku ?? "",
        targetCategory: r.targetCategory ?? "",
        ...Object.fromEntries(Object.entries(r.tierPrices ?? {}).map(([k, p]) => [`tierPrice.${k}`, String(p)])),
      }
    : { kind: "amount_discount", status: "active", couponValidDays: "30" };
  return {
    currency: editor.currency,
    initial,
    kinds: REWARD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
    statuses: (r ? (["draft", "active", "archived"] as const) : (["draft", "active"] as const)).map((s) => ({ value: s, label: t(`status.${s}`) })),
    menus: editor.menus.map((m) => ({ value: m.id, label: localizedText(m.name, locale) })),
    tiers: editor.tiers.map((tier) => ({ value: tier.key, label: localizedText(tier.name, locale) })),
    segments: editor.segments.map((s) => ({ value: s.id, label: s.name })),
    categories: editor.categories.map((c) => ({ value: c.code, label: [...c.path, c.name].join(" › ") })),
    products: editor.products.map((p) => ({ value: p.sku, label: p.name })),
  };
}

"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { requireUser } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { previewDeskPurchase, type DeskPurchasePreview } from "@/lib/services/desk/preview-desk-purchase";
import { recordDeskPurchase } from "@/lib/services/desk/record-desk-purchase";
import type { RuleMiss } from "@/lib/domain/rules/types";
import type { DeskActionResult } from "../../../_lib/desk-action-result";
import { deskProgramId } from "../../../_lib/desk-call";
import { deskFailure } from "../../../_lib/desk-sales-errors";

/** What the cashier typed: amounts already in minor units (the form knows the currency's digits). */
export type PurchaseDraft = {
  memberId: string;
  orderId: string;
  amountMinor: number;
  lines?: { sku?: string; category?: string; quantity: number; unitPriceMinor: number }[];
};

export type PurchasePreviewView = {
  points: number;
  basePoints: number;
  tierMultiplier: number;
  pendingDays: number;
  pointsPending: number;
  alreadyRecorded: boolean;
  rules: { id: string; name: string; fired: boolean; points: number; detail: string | null }[];
  balanceAfter: { available: number; pending: number };
};

export type PurchaseReceiptView = {
  orderId: string;
  store: string;
  occurredAt: string;
  amountMinor: number;
  currency: string;
  pointsEarned: number;
  pointsPending: number;
  balance: { available: number; pending: number };
  replayed: boolean;
  tierChanged: boolean;
};

/** Points the purchase would earn and why (points:earn at the store; writes nothing). */
export async function previewPurchaseAction(storeId: string, draft: PurchaseDraft): Promise<DeskActionResult<PurchasePreviewView>> {
  const actor = await requireUser("/staff");
  try {
    const programId = await deskProgramId(actor);
    const preview = await previewDeskPurchase(await getAppDb(), actor, { ...draft, programId, storeId });
    return { ok: true, data: await describePreview(preview) };
  } catch (error) {
    return deskFailure(error);
  }
}

/** Records the purchase; the order reference makes a double submit or a retry credit once. */
export async function recordPurchaseAction(storeId: string, draft: PurchaseDraft): Promise<DeskActionResult<PurchaseReceiptView>> {
  const actor = await requireUser("/staff");
  try {
    const programId = await deskProgramId(actor);
    const r = await recordDeskPurchase(await getAppDb(), actor, { ...draft, programId, storeId });
    // The member's balance on this page (and their panel) comes back with the action's answer.
    revalidatePath(`/staff/${storeId}/members/${draft.memberId}`, "layout");
    return {
      ok: true,
      data: {
        orderId: r.orderId,
        store: r.store.name,
        occurredAt: r.occurredAt,
        amountMinor: r.amountMinor,
        currency: r.currency,
        pointsEarned: r.pointsEarned,
        pointsPending: r.pointsPending,
        balance: { available: r.balance.available, pending: r.balance.pending },
        replayed: r.replayed,
        tierChanged: Boolean(r.tierChange),
      },
    };
  } catch (error) {
    return deskFailure(error);
  }
}

async function describePreview(preview: DeskPurchasePreview): Promise<PurchasePreviewView> {
  const [t, locale] = await Promise.all([getTranslations("DeskSales.miss"), getLocale()]);
  const money = (minor: number) => formatMoney(minor, preview.currency, numberLocale(locale));
  const names = new Map(preview.rules.map((r) => [r.id, localizedText(r.name, locale)]));
  const detail = (miss: RuleMiss | undefined): string | null => {
    if (!miss) return null;
    switch (miss.code) {
      case "before":
      case "after":
        return t(miss.code, { date: miss.date });
      case "hours":
        return t("hours", { from: miss.from, to: miss.to });
      case "tier":
        return miss.tier ? t("tier") : t("noTier");
      case "min_ticket":
        return t("min_ticket", { amount: money(miss.minTicketMinor) });
      case "exclusive":
        return t("exclusive", { rule: names.get(miss.ruleId) ?? miss.ruleId });
      case "capped":
        return t("capped", { cap: t(`caps.${miss.cap}`) });
      default:
        return t(miss.code);
    }
  };
  const e = preview.evaluation;
  return {
    points: e.points,
    basePoints: e.basePoints,
    tierMultiplier: e.tierMultiplier,
    pendingDays: e.pendingDays,
    pointsPending: preview.pointsPending,
    alreadyRecorded: preview.alreadyRecorded,
    rules: e.rules.map((r) => ({ id: r.ruleId, name: names.get(r.ruleId) ?? r.ruleId, fired: r.fired, points: r.points, detail: detail(r.miss ?? (r.cappedBy ? { code: "capped", cap: r.cappedBy } : undefined)) })),
    balanceAfter: preview.balanceAfter,
  };
}

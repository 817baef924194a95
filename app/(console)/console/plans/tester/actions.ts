"use server";

import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { currencyMinorDigits } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { getPlanOverview } from "@/lib/services/plans/get-plan-overview";
import { testPlanBasket, type BasketTest } from "@/lib/services/plans/test-plan-basket";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { echo, money, num, TESTER_LINES } from "../_lib/plan-form";
import { planFormFailure } from "../_lib/plan-form-errors";

export type TesterState = FormState & { result?: BasketTest };


/** Runs the rule tester on the posted basket; nothing is written. */
export async function testBasketAction(_previous: TesterState, form: FormData): Promise<TesterState> {
  const actor = await requireUser("/console/plans/tester");
  const program = await getConsoleProgramFor(actor);
  const values = echo(form);
  const text = (name: string) => String(form.get(name) ?? "").trim();
  try {
    const db = await getAppDb();
    const { program: info } = await getPlanOverview(db, actor, { programId: program?.id ?? "" });
    const digits = currencyMinorDigits(info.currency);
    const lines = [];
    for (let i = 0; i < TESTER_LINES; i++) {
      if (!text(`lines.${i}.sku`) && !text(`lines.${i}.category`) && !text(`lines.${i}.unitPrice`)) continue;
      lines.push({
        ...(text(`lines.${i}.sku`) ? { sku: text(`lines.${i}.sku`) } : {}),
        ...(text(`lines.${i}.category`) ? { category: text(`lines.${i}.category`) } : {}),
        quantity: num(form, `lines.${i}.quantity`),
        unitPriceMinor: money(form, `lines.${i}.unitPrice`, digits),
      });
    }
    const result = await testPlanBasket(db, actor, {
      programId: program?.id ?? "",
      source: text("source") === "draft" ? "draft" : "live",
      channel: text("channel") as "pos",
      ...(text("storeId") ? { storeId: text("storeId") } : {}),
      at: text("at").slice(0, 16),
      ...(text("member") ? { member: text("member") } : {}),
      ...(text("tier") ? { tier: text("tier") } : {}),
      lines,
    });
    return { values, result };
  } catch (error) {
    return planFormFailure(error, values, (path) => path.replace(/^lines\.(\d+)\.unitPriceMinor$/, "lines.$1.unitPrice").replace(/^lines$/, "lines.0.unitPrice"));
  }
}

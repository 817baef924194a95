"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { refusal, type ActionResult } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { isHistoryFilter } from "@/lib/domain/ledger/explain-entry";
import { formatDate, formatPoints, numberLocale } from "@/lib/format";
import { localizedText } from "@/lib/localized-text";
import { getAppDb } from "@/lib/server/app-database";
import { adjustMemberPoints } from "@/lib/services/ledger/adjust-member-points";
import type { ExplainedHistoryPage } from "@/lib/services/ledger/list-explained-history";
import { getMemberDetail } from "@/lib/services/members/get-member-detail";
import { listMemberHistory } from "@/lib/services/members/list-member-history";
import { overrideMemberTier } from "@/lib/services/tiers/override-member-tier";
import { getConsoleProgramFor } from "../../_lib/console-program";
import { memberFormFailure } from "./_lib/member-form-errors";

const path = (memberId: string) => `/console/members/${memberId}`;
const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** "−50" typed with a real minus sign, or "1,000": a number as people type it; anything else stays NaN for the schema to refuse. */
function typedInteger(text: string): number {
  const cleaned = text.replace(/[\u2212\u2013]/g, "-").replace(/[\s,]/g, "");
  return /^[-+]?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Manual points adjustment (points:adjust, audited by the service); the idempotency key makes a double submit harmless. */
export async function adjustPointsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const memberId = field(form, "memberId");
  const actor = await requireUser(path(memberId));
  const program = await getConsoleProgramFor(actor);
  const values = { points: field(form, "points"), reason: field(form, "reason") };
  try {
    // Without a console program (store staff) there is nothing to adjust here.
    if (!program) throw new NotFoundError("program");
    const points = typedInteger(values.points);
    const input = { programId: program?.id ?? "", memberId, points, reason: values.reason, idempotencyKey: `console-adjust:${field(form, "idempotencyKey")}` };
    const result = await adjustMemberPoints(await getAppDb(), actor, input);
    revalidatePath(path(memberId));
    const [t, locale] = await Promise.all([getTranslations("MemberForms.adjust"), getLocale()]);
    const loc = numberLocale(locale, program?.locale);
    return { message: { tone: "success", text: t("done", { points: `${points > 0 ? "+" : ""}${formatPoints(points, loc)}`, available: formatPoints(result.balance.available, loc) }) } };
  } catch (error) {
    return memberFormFailure(error, values);
  }
}

/** Manual tier override until a date, with a reason (members:write; history, audit and event by the service). */
export async function overrideTierAction(_previous: FormState, form: FormData): Promise<FormState> {
  const memberId = field(form, "memberId");
  const actor = await requireUser(path(memberId));
  const program = await getConsoleProgramFor(actor);
  // The reason field is "overrideReason": the adjustment form on the same page has its own "reason" (field ids must be unique).
  const values = { tierKey: field(form, "tierKey"), until: field(form, "until"), overrideReason: field(form, "overrideReason") };
  try {
    // The override lasts through the end of the chosen day (UTC), and is shown as that same day.
    const until = /^\d{4}-\d{2}-\d{2}$/.test(values.until) ? new Date(`${values.until}T23:59:59Z`) : (undefined as unknown as Date);
    const db = await getAppDb();
    const result = await overrideMemberTier(db, actor, { programId: program?.id ?? "", memberId, tierKey: values.tierKey, until, reason: values.overrideReason });
    revalidatePath(path(memberId));
    const [t, locale, detail] = await Promise.all([getTranslations("MemberForms.override"), getLocale(), getMemberDetail(db, actor, { programId: program!.id, memberId })]);
    const tier = detail.tiers.find((x) => x.key === result.to);
    return { message: { tone: "success", text: t("done", { tier: tier ? localizedText(tier.name, locale) : result.to, date: formatDate(result.until, numberLocale(locale, program?.locale), "UTC") }) } };
  } catch (error) {
    const state = await memberFormFailure(error, values);
    if (state.fieldErrors?.reason) state.fieldErrors = { ...state.fieldErrors, overrideReason: state.fieldErrors.reason, reason: undefined };
    return state;
  }
}

/** "Show more" on the member page: the next page of explained entries (members:read, checked by the service). */
export async function loadMoreMemberHistory(memberId: string, filter: string | null, before: number): Promise<ActionResult<ExplainedHistoryPage>> {
  const actor = await requireUser(path(String(memberId)));
  const program = await getConsoleProgramFor(actor);
  try {
    return { ok: true, ...(await listMemberHistory(await getAppDb(), actor, { programId: program?.id ?? "", memberId, filter: isHistoryFilter(filter) ? filter : undefined, before, limit: 20 })) };
  } catch (error) {
    return refusal(error);
  }
}

import type { ProgramRow } from "@/db/queries/programs";
import { getProgramForUpdate, updateProgramSettingsRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { currencyDigits } from "@/lib/domain/money";
import { referralSettingsOf, type ReferralSettings } from "@/lib/domain/referrals/referral-rules";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { updateReferralSettingsSchema, type UpdateReferralSettingsInput } from "@/lib/validation/referrals";

export type ReferralSettingsView = ReferralSettings & { programId: string; currency: string; currencyDigits: number };

export function referralSettingsView(program: ProgramRow): ReferralSettingsView {
  return { programId: program.id, currency: program.currency, currencyDigits: currencyDigits(program.currency), ...referralSettingsOf(program.settings.referrals) };
}

/** For Settings → Program (owners and admins: `program:write`). */
export async function getReferralSettings(db: Executor, actor: Actor, input: { programId: string }): Promise<ReferralSettingsView> {
  return referralSettingsView(await authorizeProgram(db, actor, "program:write", input.programId));
}

/**
 * Saves the program's referral rewards (kept with the other program settings),
 * audited with before and after. They apply to referrals rewarded from now on;
 * saving the same values writes nothing.
 */
export async function updateReferralSettings(db: Executor, actor: Actor, input: UpdateReferralSettingsInput): Promise<{ changed: boolean; settings: ReferralSettingsView }> {
  const program = await authorizeProgram(db, actor, "program:write", input.programId);
  const data = parseInput(updateReferralSettingsSchema(currencyDigits(program.currency)), input);
  return db.transaction(async (tx) => {
    const current = await getProgramForUpdate(tx, program.id);
    if (!current) throw new NotFoundError("program", program.id);
    const before = referralSettingsOf(current.settings.referrals);
    const after: ReferralSettings = { referrerPoints: data.referrerPoints, refereePoints: data.refereePoints, limitPerReferrer: data.limitPerReferrer, minPurchaseMinor: data.minPurchaseMinor };
    if (canonicalJson(before) === canonicalJson(after)) return { changed: false, settings: referralSettingsView(current) };
    const row = await updateProgramSettingsRow(tx, { programId: program.id, values: { name: current.name, pointName: current.pointName, locale: current.locale, timeZone: current.timeZone, settings: { ...current.settings, referrals: after } }, now: new Date() });
    await recordAudit(tx, actor, { program, action: "program.referral_settings_update", targetType: "program", targetId: program.id, before: { referrals: before }, after: { referrals: after } });
    return { changed: true, settings: referralSettingsView(row) };
  });
}

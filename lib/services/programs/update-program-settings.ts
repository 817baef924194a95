import { getProgramForUpdate, updateProgramSettingsRow } from "@/db/queries/programs";
import type { ProgramSettings } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { currencyDigits } from "@/lib/domain/money";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { parseInput } from "@/lib/validation/common";
import { updateProgramSettingsSchema, type UpdateProgramSettingsInput } from "@/lib/validation/program-settings";
import { authorizeProgram } from "./authorize-program";
import { programSettingsView, type ProgramSettingsView } from "./get-program-settings";

type Audited = Omit<ProgramSettingsView, "programId" | "currency" | "currencyDigits">;

function audited(view: ProgramSettingsView): Audited {
  const { name, pointName, locale, timeZone, pointValueMilli, clawbackPolicy } = view;
  return { name, pointName, locale, timeZone, pointValueMilli, clawbackPolicy };
}

/** Only the fields that changed, before and after (the audit log shows the difference, not the whole form). Key order does not count: jsonb reorders keys. */
function changes(before: Audited, after: Audited): { before: Partial<Audited>; after: Partial<Audited> } | null {
  const keys = (Object.keys(after) as (keyof Audited)[]).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
  if (keys.length === 0) return null;
  const pick = (from: Audited) => Object.fromEntries(keys.map((k) => [k, from[k]])) as Partial<Audited>;
  return { before: pick(before), after: pick(after) };
}

/**
 * Changes a program's name, point name, locale, time zone, point value and
 * clawback policy (`program:write`: owners and admins). The currency is not
 * editable: amounts already stored are in its minor units. Validation happens
 * before anything is written; the change and its audit entry (before/after of
 * the changed fields) commit together. Saving the same values writes nothing.
 */
export async function updateProgramSettings(db: Executor, actor: Actor, input: UpdateProgramSettingsInput, now = new Date()): Promise<{ changed: boolean; settings: ProgramSettingsView }> {
  const program = await authorizeProgram(db, actor, "program:write", input.programId);
  const data = parseInput(updateProgramSettingsSchema(currencyDigits(program.currency)), input);
  return db.transaction(async (tx) => {
    const current = await getProgramForUpdate(tx, program.id);
    if (!current) throw new NotFoundError("program", program.id);
    const settings: ProgramSettings = { ...current.settings, clawbackPolicy: data.clawbackPolicy };
    if (data.pointValue === null) delete settings.pointValueMilli;
    else settings.pointValueMilli = data.pointValue;
    const next = { name: data.name, pointName: data.pointName, locale: data.locale, timeZone: data.timeZone, settings };
    const before = programSettingsView(current);
    const diff = changes(audited(before), audited(programSettingsView({ ...current, ...next })));
    if (!diff) return { changed: false, settings: before };
    const row = await updateProgramSettingsRow(tx, { programId: program.id, values: next, now });
    await recordAudit(tx, actor, { program, action: "program.settings_update", targetType: "program", targetId: program.id, ...diff });
    return { changed: true, settings: programSettingsView(row) };
  });
}

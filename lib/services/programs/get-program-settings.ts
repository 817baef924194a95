import type { ProgramRow } from "@/db/queries/programs";
import type { LocalizedText } from "@/db/schema/tenancy";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { currencyDigits } from "@/lib/domain/money";
import { DEFAULT_CLAWBACK_POLICY, type ClawbackPolicyChoice } from "@/lib/validation/program-settings";
import { authorizeProgram } from "./authorize-program";

/** What the settings page edits (and shows read-only: the currency). */
export type ProgramSettingsView = {
  programId: string;
  name: string;
  pointName: LocalizedText;
  locale: string;
  timeZone: string;
  currency: string;
  currencyDigits: number;
  /** Minor units × 1,000 per point; null when the program never set it (liability and money budgets are then unknown). */
  pointValueMilli: number | null;
  clawbackPolicy: ClawbackPolicyChoice;
};

export function programSettingsView(program: ProgramRow): ProgramSettingsView {
  return {
    programId: program.id,
    name: program.name,
    pointName: program.pointName,
    locale: program.locale,
    timeZone: program.timeZone,
    currency: program.currency,
    currencyDigits: currencyDigits(program.currency),
    pointValueMilli: program.settings.pointValueMilli ?? null,
    clawbackPolicy: program.settings.clawbackPolicy ?? DEFAULT_CLAWBACK_POLICY,
  };
}

/** The program's settings for the page that edits them: owners and admins only (`program:write`). */
export async function getProgramSettings(db: Executor, actor: Actor, input: { programId: string }): Promise<ProgramSettingsView> {
  const program = await authorizeProgram(db, actor, "program:write", input.programId);
  return programSettingsView(program);
}

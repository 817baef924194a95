import { findLedgerProblems, type LedgerProblem } from "@/db/queries/ledger-verify";
import { getProgramBySlug } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

export type LedgerVerification = { ok: boolean; accounts: number; problems: LedgerProblem[] };

/** Checks every account (or one program's) against its entries, lots and holds. */
export async function verifyLedger(db: Executor, options: { programSlug?: string } = {}): Promise<LedgerVerification> {
  let programId: string | undefined;
  if (options.programSlug) {
    const program = await getProgramBySlug(db, options.programSlug);
    if (!program) throw new NotFoundError("program", options.programSlug);
    programId = program.id;
  }
  const { accounts, problems } = await findLedgerProblems(db, programId);
  return { ok: problems.length === 0, accounts, problems };
}

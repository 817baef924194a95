import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { currencyDigits } from "@/lib/domain/money";
import { loadCatalogProgram } from "./catalog-access";

/** What the CSV import page needs before any file is chosen; refuses those who may not write the catalog. */
export async function getImportContext(db: Executor, actor: Actor, input: { programId: string }): Promise<{ currency: string; digits: number; locale: string }> {
  const program = await loadCatalogProgram(db, actor, input.programId, "write");
  return { currency: program.currency, digits: currencyDigits(program.currency), locale: program.locale };
}

import { getProgramById } from "@/db/queries/programs";
import { findStoreByCode, insertStores } from "@/db/queries/stores";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createStoreSchema, type CreateStoreInput } from "@/lib/validation/team";
import { recordAudit } from "@/lib/services/audit/record-audit";

export async function createStore(db: Executor, actor: Actor, input: CreateStoreInput) {
  const data = parseInput(createStoreSchema, input);
  const program = await getProgramById(db, data.programId);
  if (!program) throw new NotFoundError("program", data.programId);
  authorize(actor, "program:write", program);
  return db.transaction(async (tx) => {
    if (await findStoreByCode(tx, { programId: program.id, code: data.code })) {
      throw new ConflictError("store_code_taken", `Store code ${data.code} is taken.`, { fields: { code: ["This code is taken."] } });
    }
    const [store] = await insertStores(tx, [{ programId: program.id, code: data.code, name: data.name, city: data.city }]);
    await recordAudit(tx, actor, { program, action: "store.create", targetType: "store", targetId: store!.id, after: { code: data.code, name: data.name } });
    return store!;
  });
}

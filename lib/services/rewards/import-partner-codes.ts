import { countFreePartnerCodes, getReward, insertPartnerCodes } from "@/db/queries/rewards";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parsePartnerCodes } from "@/lib/domain/rewards/partner-codes";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { parseInput } from "@/lib/validation/common";
import { importPartnerCodesSchema } from "@/lib/validation/rewards";
import type { z } from "zod";

export type ImportPartnerCodesResult = { added: number; alreadyThere: number; duplicates: number; invalid: string[]; free: number };

/** Adds a partner's codes to a partner perk; codes already in its list are skipped, so re-importing a file is harmless. */
export async function importPartnerCodes(db: Executor, actor: Actor, input: z.input<typeof importPartnerCodesSchema>): Promise<ImportPartnerCodesResult> {
  const program = await authorizeProgram(db, actor, "rewards:write", input?.programId);
  const data = parseInput(importPartnerCodesSchema, input);
  const reward = await getReward(db, { programId: program.id, rewardId: data.rewardId });
  if (!reward) throw new NotFoundError("reward", data.rewardId);
  if (reward.kind !== "partner_perk") throw new ValidationError({ rewardId: ["Codes can only be imported for partner perks."] });
  const parsed = parsePartnerCodes(data.text);
  if (parsed.codes.length === 0) throw new ValidationError({ text: ["No codes found: paste one code a line."] });
  return db.transaction(async (tx) => {
    const added = await insertPartnerCodes(tx, { programId: program.id, rewardId: reward.id, codes: parsed.codes });
    const free = await countFreePartnerCodes(tx, { programId: program.id, rewardId: reward.id });
    const result = { added, alreadyThere: parsed.codes.length - added, duplicates: parsed.duplicates, invalid: parsed.invalid.slice(0, 20), free };
    await recordAudit(tx, actor, { program, action: "reward.import_codes", targetType: "reward", targetId: reward.id, after: { ...result, invalid: parsed.invalid.length } });
    return result;
  });
}

import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { authorizeSelf, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { getBalance } from "@/lib/services/ledger/get-balance";

export type MySummary = { name: string | null; email: string | null; cardNumber: string; available: number; pending: number };

/** The signed-in member's own name, card and balance — never anybody else's. */
export async function getMySummary(db: Executor, actor: Actor): Promise<MySummary> {
  if (actor.kind !== "member") throw new NotFoundError("member");
  const ref = { programId: actor.programId, memberId: actor.memberId };
  authorizeSelf(actor, ref);
  const member = await getMember(db, ref);
  if (!member || member.status !== "active") throw new NotFoundError("member", ref.memberId);
  const balance = await getBalance(db, ref);
  return { name: member.name, email: member.email, cardNumber: member.cardNumber, available: balance.available, pending: balance.pending };
}

import { findMembership, type Membership } from "@/db/queries/business-accounts";
import type { ProgramRow } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { roleAllows } from "@/lib/domain/business-accounts/user-permissions";
import { NotFoundError } from "@/lib/errors";

/**
 * Who may see or change a business account: console users and API keys with
 * members:read (see) or members:write (change); a member only for the account
 * they manage. Anyone else gets "not found", so account ids reveal nothing.
 * Returns the acting member's membership when a member acts.
 */
export async function authorizeAccount(db: Executor, actor: Actor, program: ProgramRow, accountId: string, need: "read" | "manage"): Promise<Membership | null> {
  if (actor.kind !== "member") {
    authorize(actor, need === "read" ? "members:read" : "members:write", program);
    return null;
  }
  const membership = actor.programId === program.id ? await findMembership(db, { programId: program.id, memberId: actor.memberId }) : undefined;
  if (!membership || membership.account.id !== accountId || !roleAllows(membership.user.role, "manage")) throw new NotFoundError("account", accountId);
  return membership;
}

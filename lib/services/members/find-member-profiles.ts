import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { getMemberProfile, type MemberProfile } from "./get-member-profile";
import { lookupMembers } from "./lookup-members";

/** Exact lookup by one identifier, as profiles with balances (authorized by lookupMembers). */
export async function findMemberProfiles(
  db: Executor,
  actor: Actor,
  input: { programId: string; externalId?: string; email?: string; phone?: string; cardNumber?: string },
): Promise<MemberProfile[]> {
  const rows = await lookupMembers(db, actor, input);
  return Promise.all(rows.map((m) => getMemberProfile(db, actor, { programId: input.programId, memberId: m.id })));
}

import { getAccountByMember } from "@/db/queries/ledger";
import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { cardTokenKey, verifyCardToken } from "@/lib/auth/member-card-token";
import { serverSecret } from "@/lib/auth/server-secret";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";

export type ScannedMember = { memberId: string; name: string | null; cardNumber: string; tierKey: string | null; available: number; tokenExpiresAt: string };

/**
 * Staff scan a member card's QR: the token must be signed for this program and
 * still live, and the member active. Authorized (members:read in the program)
 * before the token is even looked at. Refusals carry stable codes:
 * `card_token_invalid` (forged, other program, not a token) and `card_token_expired`.
 */
export async function resolveMemberToken(db: Executor, actor: Actor, input: { programId: string; token: unknown }, now = new Date()): Promise<ScannedMember> {
  const program = await authorizeProgram(db, actor, "members:read", input.programId);
  const token = typeof input.token === "string" ? input.token.slice(0, 200) : "";
  const check = verifyCardToken(cardTokenKey(serverSecret()), token, { programId: program.id, now });
  if (!check.ok) {
    if (check.reason === "expired") throw new UnprocessableError("card_token_expired", "This card code has expired; ask the member to refresh their card.");
    throw new UnprocessableError("card_token_invalid", "This is not a valid member card code for this program.");
  }
  const ref = { programId: program.id, memberId: check.memberId };
  const member = await getMember(db, ref);
  if (!member || member.status !== "active") throw new NotFoundError("member", check.memberId);
  const account = await getAccountByMember(db, ref);
  return { memberId: member.id, name: member.name, cardNumber: member.cardNumber, tierKey: member.tierKey, available: account?.available ?? 0, tokenExpiresAt: check.expiresAt.toISOString() };
}

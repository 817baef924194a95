import { getMember } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import { authorizeSelf, type Actor } from "@/lib/auth/actor";
import { cardTokenKey, signCardToken } from "@/lib/auth/member-card-token";
import { serverSecret } from "@/lib/auth/server-secret";
import { NotFoundError } from "@/lib/errors";

export type MyCard = { cardNumber: string; name: string | null; token: string; expiresAt: string };

/** The signed-in member's card: their number and a fresh short-lived QR token (only ever their own). */
export async function getMyCard(db: Executor, actor: Actor, now = new Date()): Promise<MyCard> {
  if (actor.kind !== "member") throw new NotFoundError("member");
  const ref = { programId: actor.programId, memberId: actor.memberId };
  authorizeSelf(actor, ref);
  const member = await getMember(db, ref);
  if (!member || member.status !== "active") throw new NotFoundError("member", ref.memberId);
  const { token, expiresAt } = signCardToken(cardTokenKey(serverSecret()), { ...ref, now });
  return { cardNumber: member.cardNumber, name: member.name, token, expiresAt: expiresAt.toISOString() };
}

import { authorizeSelf, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

/** The signed-in member's own reference: anyone else (users, keys) finds no member here. */
export function selfRef(actor: Actor): { programId: string; memberId: string } {
  if (actor.kind !== "member") throw new NotFoundError("member");
  const ref = { programId: actor.programId, memberId: actor.memberId };
  authorizeSelf(actor, ref);
  return ref;
}

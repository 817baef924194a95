import { findActiveMemberByEmail } from "@/db/queries/members";
import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError } from "@/lib/errors";
import { createMember } from "@/lib/services/members/create-member";
import { parseInput } from "@/lib/validation/common";
import { enrolAtDeskSchema, type EnrolAtDeskInput } from "@/lib/validation/desk-members";
import { authorizeDesk } from "./authorize-desk";

/**
 * Enrols a member on the spot (members:write at the store), with the consents
 * they gave at the counter. An email already enrolled is refused with the
 * existing member's id, so the cashier opens that member instead of a twin.
 */
export async function enrolAtDesk(db: Executor, actor: Actor, input: EnrolAtDeskInput, now = new Date()): Promise<{ memberId: string; cardNumber: string }> {
  const program = await authorizeDesk(db, actor, "members:write", input?.programId, input?.storeId);
  const data = parseInput(enrolAtDeskSchema, input);
  const existing = await findActiveMemberByEmail(db, { programId: program.id, email: data.email });
  if (existing) throw new ConflictError("member_exists", "A member with this email already exists.", { memberId: existing.id });
  const member = await createMember(
    db,
    {
      programId: program.id,
      name: data.name,
      email: data.email,
      phone: data.phone,
      enrolmentChannel: "pos",
      consents: { terms: data.terms, marketing: data.marketing, personalization: data.personalization },
    },
    now,
  );
  return { memberId: member.id, cardNumber: member.cardNumber };
}

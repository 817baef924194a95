import { lookupMembers as lookupRows, type MemberLookup, type MemberRow } from "@/db/queries/members";
import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";

/** Finds members by external id, email, phone or card number (exact), for staff, integrations and tools. */
export async function lookupMembers(db: Executor, actor: Actor, input: { programId: string } & MemberLookup): Promise<MemberRow[]> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "members:read", program);
  const { externalId, email, phone, cardNumber } = input;
  if (!externalId && !email && !phone && !cardNumber) throw new ValidationError({ _: ["Give externalId, email, phone or cardNumber."] });
  return lookupRows(db, { programId: program.id, externalId, email, phone, cardNumber, limit: 20 });
}

import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { CreateMemberInput } from "@/lib/validation/member";
import { createMember } from "./create-member";
import { getMemberProfile, type MemberProfile } from "./get-member-profile";

/** Enrolment by an integration or staff (members join through the portal): needs members:write. */
export async function enrolMember(db: Executor, actor: Actor, input: CreateMemberInput): Promise<MemberProfile> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "members:write", program);
  const member = await createMember(db, { ...input, enrolmentChannel: input.enrolmentChannel ?? (actor.kind === "api_key" ? "api" : "pos") });
  return getMemberProfile(db, { kind: "system", label: "enrol" }, { programId: program.id, memberId: member.id });
}

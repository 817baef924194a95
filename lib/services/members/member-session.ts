import { getMemberStatus } from "@/db/queries/member-privacy";
import type { Executor } from "@/db/types";

/** A member's session lasts only while the member is active: anonymizing or suspending them ends it everywhere. */
export async function isMemberSessionActive(db: Executor, p: { programId: string; memberId: string }): Promise<boolean> {
  return (await getMemberStatus(db, p)) === "active";
}

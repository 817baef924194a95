import type { Executor } from "@/db/types";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { releaseAndRewardReferrals } from "./release-and-reward";

/**
 * The points-release job for one program, on demand (owners and admins:
 * `program:write`). It releases only what is already due and rewards each
 * referral once, so running it early or twice changes nothing the job would not.
 * `confirm` must be sent (the button does): a bare post, such as the
 * authorization probes send, is refused after authorization and runs nothing.
 */
export async function runReferralRewardsNow(db: Executor, actor: Actor, input: { programId: string; confirm: boolean }, now = new Date()) {
  const program = await authorizeProgram(db, actor, "program:write", input.programId);
  if (!input.confirm) throw new ValidationError({ confirm: ["Confirm to run the pending release now."] });
  return releaseAndRewardReferrals(db, { programId: program.id, now });
}

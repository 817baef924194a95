import type { Executor } from "@/db/types";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { isLazoError } from "@/lib/errors";
import { assertUnderLimit, LIMITS, recordFailure, type Limit } from "@/lib/services/rate-limit";

/** Wrong codes from one IP, across every actor behind it (a shared counter, a kiosk). */
const couponAttemptsByIp = (ip: string): Limit => ({ bucket: `coupon:ip:${ip}`, max: 30, windowMs: 60_000 });

/**
 * Guessing codes is the attack on coupons: every validate or redeem attempt
 * checks the actor's and the IP's recent failures first, and a code that is
 * not found counts as one. Failures are written outside the attempt's own
 * transaction, so a refusal's rollback cannot erase them.
 */
export async function withCouponAttemptLimit<T>(db: Executor, actor: Actor, ip: string | undefined, attempt: () => Promise<T>, now = new Date()): Promise<T> {
  const { actorType, actorId } = actorRef(actor);
  const limits = [LIMITS.couponAttemptsByActor(`${actorType}:${actorId}`), ...(ip ? [couponAttemptsByIp(ip)] : [])];
  await assertUnderLimit(db, limits, now);
  try {
    return await attempt();
  } catch (error) {
    if (isLazoError(error) && error.code === "coupon_not_found") await recordFailure(db, limits, now);
    throw error;
  }
}

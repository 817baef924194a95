import { expireDueCoupons } from "@/db/queries/coupons";
import type { Executor } from "@/db/types";

/**
 * The coupon-expiry job's work for one program: issued coupons past their
 * expiry become expired (their points stay spent). A single UPDATE that only
 * matches issued coupons, so running it twice, or twice at once, changes
 * nothing the second time.
 */
export async function expireCoupons(db: Executor, p: { programId: string; now: Date }): Promise<{ coupons: number }> {
  const expired = await expireDueCoupons(db, p);
  return { coupons: expired.length };
}

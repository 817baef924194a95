/** A coupon's life: issued → redeemed | expired | voided; nothing leaves those three. */
export type CouponStatus = "issued" | "redeemed" | "expired" | "voided";
export type CouponAction = "redeem" | "expire" | "void";

export type CouponRefusal = "coupon_already_redeemed" | "coupon_expired" | "coupon_voided" | "coupon_not_due";

export type Transition = { ok: true; next: CouponStatus } | { ok: false; code: CouponRefusal };

const TARGET: Record<CouponAction, CouponStatus> = { redeem: "redeemed", expire: "expired", void: "voided" };

const REFUSAL: Record<Exclude<CouponStatus, "issued">, CouponRefusal> = {
  redeemed: "coupon_already_redeemed",
  expired: "coupon_expired",
  voided: "coupon_voided",
};

/** The status a coupon really has at `now`: an issued one past its expiry is expired even before the job marks it. */
export function effectiveStatus(coupon: { status: CouponStatus; expiresAt: Date | null }, now: Date): CouponStatus {
  if (coupon.status === "issued" && coupon.expiresAt && coupon.expiresAt <= now) return "expired";
  return coupon.status;
}

/** Whether `action` may happen to the coupon at `now`, and the status it leads to. */
export function transition(coupon: { status: CouponStatus; expiresAt: Date | null }, action: CouponAction, now: Date): Transition {
  const status = effectiveStatus(coupon, now);
  // The expiry job may mark an issued-but-past-due coupon expired: that is the one move an "expired" reading allows.
  if (action === "expire" && coupon.status === "issued" && status === "expired") return { ok: true, next: "expired" };
  if (status !== "issued") return { ok: false, code: REFUSAL[status] };
  if (action === "expire") return { ok: false, code: "coupon_not_due" };
  return { ok: true, next: TARGET[action] };
}

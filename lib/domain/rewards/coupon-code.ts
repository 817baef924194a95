/**
 * Coupon codes people read aloud and type at a counter: no 0/O or 1/I, and
 * 32 symbols so one random byte maps to one symbol without bias (byte & 31).
 * Ten random symbols = 50 bits: guessing one code of a million issued takes
 * ~10⁹ tries, far beyond the attempt limits.
 */
export const COUPON_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const COUPON_RANDOM_LENGTH = 10;
const PREFIX = "LZ";

/** Builds a code like "LZ-7KQ4M-9XPAB" from random bytes (the service passes crypto.randomBytes). */
export function couponCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < COUPON_RANDOM_LENGTH) throw new RangeError(`Need ${COUPON_RANDOM_LENGTH} random bytes`);
  let symbols = "";
  for (let i = 0; i < COUPON_RANDOM_LENGTH; i++) symbols += COUPON_ALPHABET[bytes[i]! & 31];
  return `${PREFIX}-${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/**
 * What a person typed → the stored form: upper case, spaces and dashes
 * dropped, our own codes regrouped. Other (partner) codes keep their shape.
 */
export function normalizeCouponCode(input: string): string {
  const compact = input.trim().toUpperCase().replace(/[\s-]+/g, "");
  const ours = new RegExp(`^${PREFIX}[${COUPON_ALPHABET}]{${COUPON_RANDOM_LENGTH}}$`);
  if (ours.test(compact)) return `${PREFIX}-${compact.slice(2, 7)}-${compact.slice(7)}`;
  return input.trim().toUpperCase();
}

export function isCouponCodeShape(code: string): boolean {
  return new RegExp(`^${PREFIX}-[${COUPON_ALPHABET}]{5}-[${COUPON_ALPHABET}]{5}$`).test(code);
}

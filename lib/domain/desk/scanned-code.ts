import { COUPON_ALPHABET, COUPON_RANDOM_LENGTH } from "@/lib/domain/rewards/coupon-code";

/**
 * What landed in the coupon box: typed by hand, typed by a USB scanner (the
 * QR's text plus Enter) or read by the camera. The portal's coupon QR holds the
 * bare code; a member card's QR (`LZ1.<member>.<expiry>.<mac>`) is not a coupon.
 */
export type ScannedCode = { kind: "coupon"; code: string } | { kind: "member_card" } | { kind: "empty" };

const OUR_CODE = new RegExp(`LZ[\\s-]*([${COUPON_ALPHABET}]{5})[\\s-]*([${COUPON_ALPHABET}]{${COUPON_RANDOM_LENGTH - 5}})(?![${COUPON_ALPHABET}])`, "i");

export function readScannedCode(raw: string): ScannedCode {
  const text = raw.replace(/[\u0000-\u001f]/g, " ").trim();
  if (!text) return { kind: "empty" };
  if (/^LZ1\.[0-9a-f-]{36}\./i.test(text)) return { kind: "member_card" };
  // A code inside other text (a link, "Cupón: LZ-…") is still the code.
  const ours = OUR_CODE.exec(text.toUpperCase());
  if (ours) return { kind: "coupon", code: `LZ-${ours[1]}-${ours[2]}` };
  return { kind: "coupon", code: text };
}

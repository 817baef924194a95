/**
 * Referral codes: 8 characters from an alphabet without the look-alikes
 * (0/O, 1/I/L, and U, which reads as V), so a code read aloud or copied by
 * hand survives. 29^8 ≈ 5 × 10^11 codes: collisions are rare and the unique
 * index catches the rest (the caller draws again).
 */
export const REFERRAL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERRAL_CODE_LENGTH = 8;

/** A new code; `pick(n)` returns an integer in [0, n) (crypto's randomInt in production, a seeded one in tests). */
export function makeReferralCode(pick: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += REFERRAL_ALPHABET[pick(REFERRAL_ALPHABET.length)];
  return code;
}

/**
 * What a person typed, as stored: case, spaces, dots and dashes do not count
 * (a code copied as "abcd-efgh" is the code). Null when it cannot be a code at
 * all (wrong length, or a character the alphabet leaves out).
 */
export function normalizeReferralCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-_.]/g, "");
  if (code.length !== REFERRAL_CODE_LENGTH) return null;
  for (const ch of code) if (!REFERRAL_ALPHABET.includes(ch)) return null;
  return code;
}

/** Shown as two groups of four, easier to read out: "ABCD-EFGH". */
export function formatReferralCode(code: string): string {
  return code.length === REFERRAL_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

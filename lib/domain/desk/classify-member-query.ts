import { isValidCardNumber } from "@/lib/domain/card-number";

/**
 * What the cashier typed (or the scanner typed) into the desk's one box.
 * Pure: decides how to search, not what exists.
 *
 *   token  a member card QR ("LZ1.…"), resolved by signature, never searched
 *   card   a whole card number (valid check digit): exact match only
 *   email  has an @: exact email first, then emails that start with it
 *   phone  7–15 digits (spaces, dashes, dots, parentheses, a leading + allowed)
 *   digits 4–6 digits: the start of a card number or the end of a phone
 *   name   anything else: fuzzy name search
 */
export type MemberQuery =
  | { kind: "empty" }
  | { kind: "token"; token: string }
  | { kind: "card"; cardNumber: string; digits: string }
  | { kind: "email"; email: string }
  | { kind: "phone"; digits: string }
  | { kind: "digits"; digits: string }
  | { kind: "name"; text: string; words: string[] };

/** Longest text the box accepts: a QR token is ~60 characters; anything longer is a mistake. */
export const MAX_QUERY_LENGTH = 120;

export function classifyMemberQuery(raw: string): MemberQuery {
  const text = raw.normalize("NFC").trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH);
  if (!text) return { kind: "empty" };
  if (/^LZ1\./i.test(text)) return { kind: "token", token: `LZ1${text.slice(3)}` };
  if (text.includes("@")) return { kind: "email", email: text.toLowerCase() };
  if (/^\+?[\d\s().-]+$/.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length >= 16 && isValidCardNumber(digits) && !text.startsWith("+")) return { kind: "card", cardNumber: digits, digits };
    if (digits.length >= 7 && digits.length <= 15) return { kind: "phone", digits };
    if (digits.length >= 4) return { kind: "digits", digits };
  }
  const words = text
    .toLowerCase()
    .split(" ")
    .filter((w) => w.length >= 2);
  return { kind: "name", text: text.toLowerCase(), words: words.length ? words : [text.toLowerCase()] };
}

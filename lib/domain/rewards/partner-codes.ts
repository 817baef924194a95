/**
 * A partner's code list as pasted or exported (plain lines or CSV): the first
 * column of each line, a header row skipped, blanks ignored, repeats counted once.
 */
export type ParsedCodes = { codes: string[]; duplicates: number; invalid: string[] };

const CODE = /^[A-Za-z0-9][A-Za-z0-9._:/+=-]{2,99}$/;
const HEADER = /^(code|codes|c[oó]digo|codigos|códigos|coupon|cupon|cupón)$/i;

export function parsePartnerCodes(text: string): ParsedCodes {
  const seen = new Set<string>();
  const invalid: string[] = [];
  let duplicates = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const first = line.split(/[,;\t]/)[0]!.trim().replace(/^"(.*)"$/, "$1").trim();
    if (!first || (i === 0 && HEADER.test(first))) return;
    if (!CODE.test(first)) {
      invalid.push(first.slice(0, 40));
      return;
    }
    if (seen.has(first)) duplicates++;
    else seen.add(first);
  });
  return { codes: [...seen], duplicates, invalid };
}

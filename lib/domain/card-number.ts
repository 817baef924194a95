/** Luhn check digit, so a mistyped card number is caught at the counter. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCardNumber(card: string): boolean {
  return /^\d{8,19}$/.test(card) && luhnCheckDigit(card.slice(0, -1)) === Number(card.slice(-1));
}

/** A 16-digit card number: prefix 7 (loyalty), 14 random digits, Luhn digit. `random` yields digits 0–9. */
export function makeCardNumber(randomDigit: () => number): string {
  let body = "7";
  for (let i = 0; i < 14; i++) body += String(randomDigit());
  return body + String(luhnCheckDigit(body));
}

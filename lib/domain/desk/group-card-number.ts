/** Groups a card number in fours, as it is printed ("7123 4567 8901 2345"). */
export function groupCardNumber(card: string): string {
  return card.replace(/(\d{4})(?=\d)/g, "$1 ");
}

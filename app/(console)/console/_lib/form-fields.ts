import { parseMoneyInput } from "@/lib/domain/money-input";
import { localToInstant } from "@/lib/domain/rules/local-time";

/**
 * Reading console form fields into a service's input. Values that cannot be
 * read become "invalid" (a date) or NaN (money) rather than throwing, so the
 * service's schema refuses them with its field message like any other bad value.
 */
export const formText = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export const orNull = (value: string) => (value === "" ? null : value);

/** A datetime-local field as an instant in the program's time zone; null when empty. */
export function formInstant(form: FormData, name: string, timeZone: string): Date | "invalid" | null {
  const value = formText(form, name);
  try {
    return value ? localToInstant(value, timeZone) : null;
  } catch {
    return "invalid";
  }
}

/** A money field as minor units of the program's currency (NaN when it is not an amount); null when empty. */
export function formMoneyMinor(form: FormData, name: string, minorDigits: number): number | null {
  const value = formText(form, name);
  return value ? parseMoneyInput(value, minorDigits) : null;
}

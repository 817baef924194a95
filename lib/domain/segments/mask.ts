/**
 * How a preview shows a member without showing them: the first name and the
 * initial of the last, and the email's first letter and domain. The preview is
 * for checking a rule, not for reading contact data (that is the CSV export,
 * which needs exports:read).
 */
export function maskName(name: string | null): string | null {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  const [first, ...rest] = parts;
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first!;
}

export function maskEmail(email: string | null): string | null {
  const at = (email ?? "").lastIndexOf("@");
  if (!email || at < 1) return null;
  return `${email[0]}•••${email.slice(at)}`;
}

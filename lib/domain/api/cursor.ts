/**
 * Opaque pagination cursors: clients pass back what they were given and
 * never build one. Inside, a versioned keyset position (an entry id).
 */
export function encodeCursor(id: number): string {
  return Buffer.from(`v1:${id}`, "utf8").toString("base64url");
}

/** The position in a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const match = /^v1:(\d{1,16})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

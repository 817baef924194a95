/** `?program=<slug>` and friends: only plain strings count, and links keep them. */
export function param(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value.length > 0 && value.length <= 300 ? value : undefined;
}

/** A portal path with the query parameters that are set (program, email, callbackUrl…). */
export function portalHref(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

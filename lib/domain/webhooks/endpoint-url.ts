const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type EndpointUrlProblem = "invalid" | "https_required" | "credentials";

/**
 * Webhooks carry member data, so endpoints must use HTTPS; plain HTTP is
 * allowed only to this machine (localhost, 127.0.0.1, ::1), for development.
 */
export function checkEndpointUrl(raw: string): EndpointUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalid";
  if (!url.hostname) return "invalid";
  if (url.username || url.password) return "credentials";
  if (url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname)) return "https_required";
  return null;
}

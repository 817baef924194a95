import { readEnv } from "@/lib/env";

/** AUTH_SECRET signs sessions and keys code hashes; development gets a fixed stand-in, production must set it. */
export function serverSecret(): string {
  const env = readEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production (at least 16 characters).");
  return "lazo-development-secret-not-for-production";
}

import type es from "@/messages/es.json";
import type { AppLocale } from "./config";

export type AppMessages = typeof es;

/** Loads one locale's catalog; `satisfies` makes a key missing from English a type error. */
export async function loadMessages(locale: AppLocale): Promise<AppMessages> {
  if (locale === "en") return (await import("@/messages/en.json")).default satisfies AppMessages;
  return (await import("@/messages/es.json")).default;
}

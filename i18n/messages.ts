import type base from "@/messages/es.json";
import type admin from "@/messages/admin.es.json";
import type auth from "@/messages/auth.es.json";
import type { AppLocale } from "./config";

/**
 * The catalog is split by area (base shells, sign-in and identity pages,
 * console administration) so each area's texts live in their own files;
 * namespaces must not repeat across files.
 */
export type AppMessages = typeof base & typeof auth & typeof admin;

/** Loads one locale's catalog; `satisfies` makes a key missing from English a type error. */
export async function loadMessages(locale: AppLocale): Promise<AppMessages> {
  if (locale === "en") {
    const [b, a, d] = await Promise.all([import("@/messages/en.json"), import("@/messages/auth.en.json"), import("@/messages/admin.en.json")]);
    return { ...b.default, ...a.default, ...d.default } satisfies AppMessages;
  }
  const [b, a, d] = await Promise.all([import("@/messages/es.json"), import("@/messages/auth.es.json"), import("@/messages/admin.es.json")]);
  return { ...b.default, ...a.default, ...d.default };
}

"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { localeCookieName, locales } from "./config";

const setLocaleSchema = z.object({ locale: z.enum(locales) });

const oneYearInSeconds = 60 * 60 * 24 * 365;

/**
 * Stores the chosen language. Public endpoint like every server action: the
 * only input is validated against the supported locales, nothing else is read.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  const cookieStore = await cookies();
  cookieStore.set(localeCookieName, parsed.data.locale, {
    path: "/",
    maxAge: oneYearInSeconds,
    sameSite: "lax",
  });
  // Every layout renders translated text, so refresh the whole tree.
  revalidatePath("/", "layout");
}

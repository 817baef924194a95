"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireMember } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { markAllMyMessagesRead, markMyMessageRead } from "@/lib/services/campaigns/member-inbox";

export type MarkReadResult = { ok: true } | { ok: false; code: string };

/** Opening a message marks it read (the member's own only: the service takes whose from the session). */
export async function markMessageReadAction(messageId: unknown): Promise<MarkReadResult> {
  const actor = await requireMember("/me/inbox");
  try {
    await markMyMessageRead(await getAppDb(), actor, { messageId: typeof messageId === "string" ? messageId : "" });
  } catch (error) {
    if (isLazoError(error)) return { ok: false, code: error.code };
    throw error;
  }
  // The layout's unread badge counts again.
  revalidatePath("/me", "layout");
  return { ok: true };
}

/** "Mark all as read": up to the newest message the page showed, so one arriving meanwhile stays unread. */
export async function markAllReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireMember("/me/inbox");
  try {
    await markAllMyMessagesRead(await getAppDb(), actor, { throughId: String(formData.get("throughId") ?? "") });
  } catch (error) {
    if (isLazoError(error)) return { message: { tone: "error", text: (await getTranslations("MyInbox.errors"))("generic"), code: error.code } };
    throw error;
  }
  revalidatePath("/me", "layout");
  return {};
}

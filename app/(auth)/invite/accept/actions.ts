"use server";

import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { setPasswordFromLink } from "../../_lib/set-password-from-link";

/** Public on purpose: the single-use invitation token is the credential; the service checks it (unused, 72 h). */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Invite.errors");
  return setPasswordFromLink(formData, { purpose: "invite", successPath: "/sign-in?invited=1", t });
}

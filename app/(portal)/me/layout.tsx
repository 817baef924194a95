import type { ReactNode } from "react";
import { PortalShell } from "@/components/shell/portal-shell";
import { getCurrentActor } from "@/lib/auth/session";
import { getAppDb } from "@/lib/server/app-database";
import { countMyUnread } from "@/lib/services/campaigns/member-inbox";

// proxy.ts sends signed-out visitors of member pages to /me/sign-in; each page
// checks the member session itself (requireMember), this only picks the chrome.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  const signedIn = actor?.kind === "member";
  // The inbox tab's badge; a failure to count never keeps the portal from rendering.
  const unread = signedIn ? await countMyUnread(await getAppDb(), actor).catch(() => 0) : 0;
  return (
    <PortalShell signedIn={signedIn} unread={unread}>
      {children}
    </PortalShell>
  );
}

import type { ReactNode } from "react";
import { PortalShell } from "@/components/shell/portal-shell";
import { getCurrentActor } from "@/lib/auth/session";

// proxy.ts sends signed-out visitors of member pages to /me/sign-in; each page
// checks the member session itself (requireMember), this only picks the chrome.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  return <PortalShell signedIn={actor?.kind === "member"}>{children}</PortalShell>;
}

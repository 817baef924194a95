import type { ReactNode } from "react";
import { PortalShell } from "@/components/shell/portal-shell";

// Member sign-in arrives in a later issue; until then the portal renders for anyone.
export default function PortalLayout({ children }: { children: ReactNode }) {
  return <PortalShell>{children}</PortalShell>;
}

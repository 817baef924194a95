import type { ReactNode } from "react";
import { loadProgramOverview } from "@/app/_data/program-overview";
import { StaffShell } from "@/components/shell/staff-shell";

// Staff sign-in arrives in a later issue; until then the desk renders for anyone.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const overview = await loadProgramOverview();
  return <StaffShell stores={overview?.stores ?? []}>{children}</StaffShell>;
}

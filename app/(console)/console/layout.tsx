import type { ReactNode } from "react";
import { loadProgramOverview } from "@/app/_data/program-overview";
import { ConsoleShell } from "@/components/shell/console-shell";

// Authentication and the marketer guard arrive in a later issue; for now the
// console renders for anyone.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const overview = await loadProgramOverview();
  return <ConsoleShell programName={overview?.program.name}>{children}</ConsoleShell>;
}

import type { ReactNode } from "react";
import { loadDeskContext } from "@/app/_data/desk-context";
import { loadConsoleContext } from "@/app/_data/console-context";
import { NoAccess } from "@/components/shell/no-access";
import { StaffShell } from "@/components/shell/staff-shell";
import { getSessionUser } from "@/lib/auth/session-user";

/**
 * The desk's guard: a signed-in user who may use the desk (`desk:use`) in
 * some program; the header only ever lists the stores they may work at.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [{ actor, desk }, sessionUser] = await Promise.all([loadDeskContext(), getSessionUser()]);
  const user = { name: sessionUser?.name ?? null, email: actor.email };
  if (!desk) {
    const { program } = await loadConsoleContext();
    return (
      <StaffShell user={user} stores={[]}>
        <NoAccess surface="staff" email={actor.email} alternative={program ? "console" : undefined} />
      </StaffShell>
    );
  }
  return (
    <StaffShell user={user} stores={desk.stores}>
      {children}
    </StaffShell>
  );
}

import type { ReactNode } from "react";
import { loadConsoleContext } from "@/app/_data/console-context";
import { loadDeskContext } from "@/app/_data/desk-context";
import { ConsoleShell } from "@/components/shell/console-shell";
import { NoAccess } from "@/components/shell/no-access";
import { getSessionUser } from "@/lib/auth/session-user";
import { switchProgramAction } from "./organization/actions";

/**
 * The console's guard: a signed-in user (else off to sign-in) with console
 * access to some program. Users without it (store staff, say) get an
 * explanation instead of the pages. Every page and action checks again.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [{ actor, program, programs }, sessionUser] = await Promise.all([loadConsoleContext(), getSessionUser()]);
  const user = { name: sessionUser?.name ?? null, email: actor.email };
  if (!program) {
    const { desk } = await loadDeskContext();
    return (
      <ConsoleShell user={user}>
        <NoAccess surface="console" email={actor.email} alternative={desk ? "staff" : undefined} />
      </ConsoleShell>
    );
  }
  return (
    <ConsoleShell user={user} context={{ actor, program }} switcher={{ programs: programs.map(({ id, name }) => ({ id, name })), action: switchProgramAction }}>
      {children}
    </ConsoleShell>
  );
}

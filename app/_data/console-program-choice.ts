import "server-only";
import { cookies } from "next/headers";

/** Cookie holding the program picked with the console's program switcher (an id; a hint, never a grant). */
export const CONSOLE_PROGRAM_COOKIE = "lazo_console_program";

/**
 * The program id the user last picked, or null. It only chooses among the
 * programs the user may read (getConsoleProgram checks), and every service
 * authorizes the program again, so a forged cookie reaches nothing new.
 */
export async function readConsoleProgramChoice(): Promise<string | null> {
  return (await cookies()).get(CONSOLE_PROGRAM_COOKIE)?.value ?? null;
}

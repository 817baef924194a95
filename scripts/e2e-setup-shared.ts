import { isLazoError } from "@/lib/errors";

/** The actor of every fixture the e2e setup writes. */
export const system = { kind: "system", label: "e2e-setup" } as const;

/** Runs a fixture write, treating "already there" as done, so the setup can run again on the same database. */
export async function ignoreExisting<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (isLazoError(error) && (error.status === 409 || error.code === "member_exists")) return undefined;
    throw error;
  }
}

import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { getAppDb } from "@/lib/server/app-database";
import { getPortalProgram, type PortalProgram } from "@/lib/services/programs/get-portal-program";

export type { PortalProgram };

/** The portal's program: the member's own when signed in, else `?program=<slug>` or the first program. */
export const loadPortalProgram = cache(async (programId?: string, slug?: string): Promise<PortalProgram | null> => {
  await connection();
  return getPortalProgram(await getAppDb(), { programId, slug });
});

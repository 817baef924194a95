import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export type Guarded<T> = { allowed: true; data: T } | { allowed: false };

/**
 * Runs a page's read service: another program's data is a 404, a missing
 * permission renders the page's "no access" state instead of crashing.
 */
export async function guardRead<T>(read: () => Promise<T>): Promise<Guarded<T>> {
  try {
    return { allowed: true, data: await read() };
  } catch (error) {
    if (error instanceof ForbiddenError) return { allowed: false };
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

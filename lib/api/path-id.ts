import { NotFoundError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the URL: anything that is not a UUID names nothing (404, like another program's id). */
export function pathId(id: string, resource: string): string {
  if (!UUID.test(id)) throw new NotFoundError(resource, id);
  return id.toLowerCase();
}

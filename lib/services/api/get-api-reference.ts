import { getProgramById } from "@/db/queries/programs";
import type { Executor } from "@/db/types";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { referenceView, type OpenApiLike, type TagView } from "@/lib/api/reference-view";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

/**
 * The API reference for the console. The document itself is public
 * (/api/v1/openapi.json), so anyone who may read the program's console may
 * read it here too (program:read); creating keys stays with keys:manage.
 */
export async function getApiReference(db: Executor, actor: Actor, input: { programId: string }): Promise<TagView[]> {
  const program = await getProgramById(db, input.programId);
  if (!program) throw new NotFoundError("program", input.programId);
  authorize(actor, "program:read", program);
  return referenceView(buildOpenApiDocument() as unknown as OpenApiLike);
}

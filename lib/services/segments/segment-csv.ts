import { getSegment, listSegmentMembersPage } from "@/db/queries/segments";
import type { Executor } from "@/db/types";
import { authorize, type Actor } from "@/lib/auth/actor";
import { csvLine } from "@/lib/domain/audit/csv";
import { NotFoundError } from "@/lib/errors";
import { authorizeProgram } from "@/lib/services/programs/authorize-program";
import { parseInput } from "@/lib/validation/common";
import { segmentRefSchema } from "@/lib/validation/segments";

export const SEGMENT_CSV_COLUMNS = ["member_id", "card_number", "name", "email", "phone", "tier", "points_available"] as const;
const PAGE = 500;

/**
 * A segment's members (as of its last refresh) as a CSV byte stream, UTF-8
 * with BOM; needs segments:read and exports:read, checked before the stream
 * is returned. Pages are read by member id as the client pulls them.
 */
export async function segmentCsvStream(db: Executor, actor: Actor, input: { programId: string; segmentId: string }): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const program = await authorizeProgram(db, actor, "segments:read", input?.programId);
  authorize(actor, "exports:read", program);
  const { segmentId } = parseInput(segmentRefSchema, input);
  const segment = await getSegment(db, { programId: program.id, segmentId });
  if (!segment) throw new NotFoundError("segment", segmentId);
  const encoder = new TextEncoder();
  let after: string | null = null;
  let headerSent = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(SEGMENT_CSV_COLUMNS)}`));
        return;
      }
      if (done) return controller.close();
      const rows = await listSegmentMembersPage(db, { programId: program.id, segmentId, after, limit: PAGE });
      if (rows.length < PAGE) done = true;
      after = rows.at(-1)?.id ?? after;
      if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => csvLine([r.id, r.cardNumber, r.name, r.email, r.phone, r.tierKey, r.available])).join("")));
      if (done) controller.close();
    },
  });
  const slug = segment.name.normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "segment";
  return { stream, filename: `segment-${slug}.csv` };
}

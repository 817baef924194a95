import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";
import { segmentCsvStream } from "@/lib/services/segments/segment-csv";

/** CSV of a segment's members as of its last refresh; needs segments:read and exports:read (the service checks both). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") return Response.json({ code: "unauthorized" }, { status: 401 });
  const db = await getAppDb();
  const program = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  try {
    const { stream, filename } = await segmentCsvStream(db, actor, { programId: program?.id ?? "", segmentId: (await params).id });
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { memberHistoryCsvStream } from "@/lib/services/exports/member-history-csv";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";

/** CSV of one member's points history; needs members:read and exports:read (the service checks both). */
export async function GET(_request: Request, { params }: { params: Promise<{ memberId: string }> }): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") return Response.json({ code: "unauthorized" }, { status: 401 });
  const db = await getAppDb();
  const program = await getConsoleProgram(db, actor);
  if (!program) return Response.json({ code: "forbidden" }, { status: 403 });
  try {
    const { stream, filename } = await memberHistoryCsvStream(db, actor, { programId: program.id, memberId: (await params).memberId });
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

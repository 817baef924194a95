import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { consoleListCsvStream, type ConsoleCsvList } from "@/lib/services/exports/console-list-csv";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";

/**
 * GET handler for a console list's "Download CSV": every row of the console's
 * program, streamed. The service checks the page's permission and
 * exports:read; this only maps the result to a download or to an error.
 */
export function listCsvRoute(list: ConsoleCsvList): () => Promise<Response> {
  return async function GET() {
    const actor = await getCurrentActor();
    if (actor?.kind !== "user") return Response.json({ code: "unauthorized" }, { status: 401 });
    const db = await getAppDb();
    const program = await getConsoleProgram(db, actor);
    // No console program at all (store staff): a plain refusal rather than "program not found".
    if (!program) return Response.json({ code: "forbidden" }, { status: 403 });
    try {
      const { stream, filename } = await consoleListCsvStream(db, actor, { programId: program.id, list });
      return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
    } catch (error) {
      if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
      throw error;
    }
  };
}

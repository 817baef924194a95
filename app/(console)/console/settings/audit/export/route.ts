import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { auditCsvStream } from "@/lib/services/audit/audit-csv";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";

/** CSV of the audit log with the page's filters; needs audit:read and exports:read (the service checks both). */
export async function GET(request: Request): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") return Response.json({ code: "unauthorized" }, { status: 401 });
  const db = await getAppDb();
  const program = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  const q = new URL(request.url).searchParams;
  const filters = { action: q.get("action") ?? undefined, actor: q.get("actor") ?? undefined, from: q.get("from") ?? undefined, to: q.get("to") ?? undefined };
  try {
    const { stream, filename } = await auditCsvStream(db, actor, { programId: program?.id ?? "", ...filters });
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

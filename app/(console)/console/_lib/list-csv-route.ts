import { getCurrentActor, type UserActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { consoleListCsvStream, type ConsoleCsvList } from "@/lib/services/exports/console-list-csv";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";

type CsvStream = { stream: ReadableStream<Uint8Array>; filename: string };
type AppDb = Awaited<ReturnType<typeof getAppDb>>;

/**
 * A console "Download CSV": the signed-in user's console program, streamed by
 * `open`. The service behind `open` checks the permissions; this only maps its
 * result to a download or to an error.
 */
export async function consoleCsvDownload(open: (db: AppDb, actor: UserActor, programId: string) => Promise<CsvStream>): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") return Response.json({ code: "unauthorized" }, { status: 401 });
  const db = await getAppDb();
  const program = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  // No console program at all (store staff): a plain refusal rather than "program not found".
  if (!program) return Response.json({ code: "forbidden" }, { status: 403 });
  try {
    const { stream, filename } = await open(db, actor, program.id);
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

/** GET handler for a console list's "Download CSV": every row of the program (the page's permission + exports:read). */
export function listCsvRoute(list: ConsoleCsvList): () => Promise<Response> {
  return () => consoleCsvDownload((db, actor, programId) => consoleListCsvStream(db, actor, { programId, list }));
}

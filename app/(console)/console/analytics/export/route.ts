import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getConsoleProgram } from "@/lib/services/programs/get-console-program";
import { readConsoleProgramChoice } from "@/app/_data/console-program-choice";
import { kpiCsvStream } from "@/lib/services/kpis/kpi-csv";
import { pickFilterParams } from "../_components/filter-query";

/** CSV of one dashboard table (?table=daily|points|cohorts|tiers|rewards|margin, same filters as the page); analytics:read + exports:read. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "user") return Response.json({ code: "unauthorized" }, { status: 401 });
  const db = await getAppDb();
  const program = await getConsoleProgram(db, actor, await readConsoleProgramChoice());
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const { stream, filename } = await kpiCsvStream(db, actor, { programId: program?.id ?? "", table: params.table ?? "daily", filters: pickFilterParams(params) });
    return new Response(stream, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

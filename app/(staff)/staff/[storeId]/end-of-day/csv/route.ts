import { loadDeskContext } from "@/app/_data/desk-context";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getEndOfDayCsv } from "@/lib/services/desk/end-of-day-report";

/** The end-of-day report as CSV for reconciliation; desk:use at the store (the service checks it). */
export async function GET(request: Request, { params }: { params: Promise<{ storeId: string }> }): Promise<Response> {
  const { storeId } = await params;
  const { actor, desk } = await loadDeskContext();
  if (!desk) return Response.json({ code: "not_found" }, { status: 404 });
  const date = new URL(request.url).searchParams.get("date") ?? undefined;
  try {
    const { filename, body } = await getEndOfDayCsv(await getAppDb(), actor, { programId: desk.program.id, storeId, date });
    return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (isLazoError(error) && error.status < 500) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

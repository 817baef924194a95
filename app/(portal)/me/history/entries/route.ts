import { getCurrentActor } from "@/lib/auth/session";
import { isHistoryFilter } from "@/lib/domain/ledger/explain-entry";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { listMyHistory } from "@/lib/services/members/list-member-history";

/** GET ?filter=&before= → one page of the signed-in member's own explained entries (JSON, for "show more"). */
export async function GET(request: Request): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "member") return Response.json({ code: "unauthorized" }, { status: 401 });
  const q = new URL(request.url).searchParams;
  const filter = q.get("filter");
  const before = q.get("before");
  try {
    const page = await listMyHistory(await getAppDb(), actor, { filter: isHistoryFilter(filter) ? filter : undefined, before: before ? Number(before) : undefined, limit: 20 });
    return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

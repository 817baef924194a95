import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { exportMyData } from "@/lib/services/members/export-my-data";

/** GET → "download my data": the signed-in member's own data as a JSON file (whose comes from the session, never the request). */
export async function GET(): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "member") return Response.json({ code: "unauthorized" }, { status: 401 });
  try {
    const data = await exportMyData(await getAppDb(), actor);
    return new Response(JSON.stringify(data, null, 2), {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="lazo-my-data.json"', "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

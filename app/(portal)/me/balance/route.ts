import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getMyBalance } from "@/lib/services/members/get-my-home";

/** GET → the signed-in member's own balance (JSON), polled by the home page. */
export async function GET(): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "member") return Response.json({ code: "unauthorized" }, { status: 401 });
  try {
    return Response.json(await getMyBalance(await getAppDb(), actor), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

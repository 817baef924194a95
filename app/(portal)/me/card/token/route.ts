import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { getMyCard } from "@/lib/services/members/member-card";
import { cardQrSvg, type CardTokenPayload } from "../_lib/card-codes";

/** GET → a fresh short-lived QR token for the signed-in member's own card, with its QR drawn (JSON). */
export async function GET(): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "member") return Response.json({ code: "unauthorized" }, { status: 401 });
  try {
    const card = await getMyCard(await getAppDb(), actor);
    const payload: CardTokenPayload = { token: card.token, expiresAt: card.expiresAt, qrSvg: await cardQrSvg(card.token) };
    return Response.json(payload, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

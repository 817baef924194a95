import { getLocale } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/session";
import { isLazoError } from "@/lib/errors";
import { numberLocale } from "@/lib/format";
import { getAppDb } from "@/lib/server/app-database";
import { myHistoryCsv } from "@/lib/services/members/my-history-csv";
import { getProgramClock } from "@/lib/services/programs/get-program-clock";
import { historyCsvWording } from "../_lib/history-csv-wording";

/** The signed-in member's own history as CSV (the service takes whose from the session, never from the request). */
export async function GET(): Promise<Response> {
  const actor = await getCurrentActor();
  if (actor?.kind !== "member") return Response.json({ code: "unauthorized" }, { status: 401 });
  const db = await getAppDb();
  try {
    const [clock, locale] = await Promise.all([getProgramClock(db, actor.programId), getLocale()]);
    const csv = await myHistoryCsv(db, actor, await historyCsvWording(locale, numberLocale(locale, clock.locale), clock.timeZone));
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="lazo-history.csv"', "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (isLazoError(error)) return Response.json({ code: error.code, detail: error.message }, { status: error.status });
    throw error;
  }
}

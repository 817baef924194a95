import { NextResponse } from "next/server";
import { getAppDb } from "@/lib/server/app-database";
import { checkHealth } from "@/lib/services/system/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return NextResponse.json(await checkHealth(await getAppDb()), { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}

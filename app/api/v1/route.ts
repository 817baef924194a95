import { NextResponse } from "next/server";

/** The API's front door: what it is and where to go next. */
export function GET() {
  return NextResponse.json({
    name: "Lazo API",
    version: "v1",
    authentication: "Authorization: Bearer <api key> (create one with `npm run cli -- api-key create --program <slug>`)",
    links: { health: "/api/v1/health", openapi: "/api/v1/openapi.json" },
  });
}

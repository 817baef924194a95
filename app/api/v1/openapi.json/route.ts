import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 document of this API, public (it describes, it grants nothing). */
export function GET() {
  return NextResponse.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

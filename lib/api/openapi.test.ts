import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

const ROOT = path.resolve(__dirname, "../../app/api/v1");

/** Every route file under app/api/v1 with the HTTP methods it exports, as OpenAPI paths. */
function routeFiles(dir = ROOT): { path: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    const route = "/api/v1" + path.relative(ROOT, path.dirname(full)).split(path.sep).filter(Boolean).map((s) => "/" + s.replace(/^\[(.+)\]$/, "{$1}")).join("");
    return [{ path: route, methods }];
  });
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();
  const paths = document.paths ?? {};

  it("documents every route file under app/api/v1 with every method it exports", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    const missing = files.flatMap((f) => f.methods.filter((m) => !(paths[f.path] as Record<string, unknown> | undefined)?.[m]).map((m) => `${m.toUpperCase()} ${f.path}`));
    expect(missing, "undocumented API routes: register them in lib/api/openapi.ts").toEqual([]);
  });

  it("documents nothing that does not exist", () => {
    const real = new Set(routeFiles().flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)));
    const documented = Object.entries(paths).flatMap(([p, item]) => Object.keys(item ?? {}).map((m) => `${m} ${p}`));
    expect(documented.filter((d) => !real.has(d))).toEqual([]);
  });

  it("asks for a bearer key and an Idempotency-Key on every authenticated POST, and lists problem codes", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const refunds = paths["/api/v1/refunds"]!.post!;
    expect(refunds.security).toEqual([{ apiKey: [] }]);
    expect(refunds.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true })]));
    expect(refunds.responses?.["404"]).toMatchObject({ description: expect.stringContaining("purchase_not_found") });
    expect(refunds.responses?.["422"]).toMatchObject({ description: expect.stringContaining("refund_exceeds_purchase") });
    expect(refunds.responses?.["429"]).toMatchObject({ description: expect.stringContaining("rate_limited") });
    expect(JSON.stringify(refunds.requestBody)).toContain('"additionalProperties":false');
    expect(paths["/api/v1/health"]!.get!.security).toEqual([]);
  });
});

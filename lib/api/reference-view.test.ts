import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { referenceView, type OpenApiLike } from "./reference-view";

describe("the console's API reference view", () => {
  const tags = referenceView(buildOpenApiDocument() as unknown as OpenApiLike);
  const find = (method: string, path: string) => tags.flatMap((t) => t.operations).find((o) => o.method === method && o.path === path)!;

  it("groups operations by tag in the document's order", () => {
    expect(tags.map((t) => t.name)).toEqual(["Members", "Points", "Purchases", "Holds", "Rewards", "Catalog", "Accounts", "Events", "Webhooks", "Meta"]);
  });

  it("flattens request bodies to rows, nested fields with dotted names, and marks what is required", () => {
    const refund = find("POST", "/api/v1/refunds");
    expect(refund).toMatchObject({ scopes: ["points:earn"], public: false, needsIdempotencyKey: true });
    expect(refund.body).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: "orderId", type: "string", required: true }),
      expect.objectContaining({ name: "lines[].sku", required: true, depth: 1 }),
    ]));
    expect(JSON.parse(refund.example!)).toMatchObject({ orderId: expect.any(String) });
    expect(refund.responses.find((r) => r.status === "201")!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ name: "clawback.points", type: "integer" })]));
  });

  it("lists path and query parameters, and knows public operations", () => {
    expect(find("GET", "/api/v1/members/{id}/history").pathParams).toEqual([expect.objectContaining({ name: "id", required: true })]);
    expect(find("GET", "/api/v1/members/{id}/history").queryParams.map((p) => p.name)).toEqual(["limit", "cursor"]);
    expect(find("GET", "/api/v1/health")).toMatchObject({ public: true, needsIdempotencyKey: false, body: null });
  });
});

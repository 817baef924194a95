/**
 * Turns the OpenAPI document into what the console's reference page shows:
 * operations grouped by tag, with flat field lists (dotted names for nested
 * objects) instead of raw JSON Schema. Pure; no React.
 */
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  description?: string;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string };
type OperationObject = {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema; example?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
  "x-scopes"?: string[];
};
export type OpenApiLike = {
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, OperationObject> | undefined>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type FieldRow = { name: string; type: string; required: boolean; description?: string; depth: number };
export type ResponseRow = { status: string; description: string; fields: FieldRow[] };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scopes: string[];
  public: boolean;
  pathParams: FieldRow[];
  queryParams: FieldRow[];
  needsIdempotencyKey: boolean;
  body: FieldRow[] | null;
  example: string | null;
  responses: ResponseRow[];
};
export type TagView = { name: string; description?: string; operations: OperationView[] };

const MAX_DEPTH = 3;

function resolve(schema: JsonSchema | undefined, doc: OpenApiLike): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split("/").pop()!], doc);
  return schema;
}

function typeOf(schema: JsonSchema, doc: OpenApiLike): string {
  const s = resolve(schema, doc);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map((a) => typeOf(a, doc)).join(" | ");
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? "any"]).map((t) => (t === "array" ? `${typeOf(s.items ?? {}, doc)}[]` : t));
  return types.join(" | ") + (s.format ? ` (${s.format})` : "");
}

/** Flattens an object schema to rows; nested objects and arrays of objects get dotted names. */
export function fieldRows(schema: JsonSchema | undefined, doc: OpenApiLike, prefix = "", depth = 0): FieldRow[] {
  const s = resolve(schema, doc);
  if (!s.properties || depth > MAX_DEPTH) return [];
  return Object.entries(s.properties).flatMap(([name, child]) => {
    const c = resolve(child, doc);
    const full = prefix + name;
    const row: FieldRow = { name: full, type: typeOf(child, doc), required: (s.required ?? []).includes(name), description: c.description, depth };
    const nested = c.properties ? fieldRows(c, doc, `${full}.`, depth + 1) : c.items && resolve(c.items, doc).properties ? fieldRows(c.items, doc, `${full}[].`, depth + 1) : [];
    return [row, ...nested];
  });
}

function paramRows(params: Parameter[], where: string, doc: OpenApiLike): FieldRow[] {
  return params.filter((p) => p.in === where).map((p) => ({ name: p.name, type: typeOf(p.schema ?? {}, doc), required: Boolean(p.required), description: p.description ?? resolve(p.schema, doc).description, depth: 0 }));
}

export function referenceView(doc: OpenApiLike): TagView[] {
  const tags = new Map<string, TagView>((doc.tags ?? []).map((t) => [t.name, { ...t, operations: [] }]));
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.["application/json"];
      const view: OperationView = {
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, ""),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        scopes: op["x-scopes"] ?? [],
        public: !op.security?.length,
        pathParams: paramRows(params, "path", doc),
        queryParams: paramRows(params, "query", doc),
        needsIdempotencyKey: params.some((p) => p.in === "header" && p.name === "Idempotency-Key"),
        body: body ? fieldRows(body.schema, doc) : null,
        example: body?.example === undefined ? null : JSON.stringify(body.example, null, 2),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({ status, description: r.description ?? "", fields: Number(status) < 400 ? fieldRows(r.content?.["application/json"]?.schema, doc) : [] })),
      };
      const tag = op.tags?.[0] ?? "Other";
      if (!tags.has(tag)) tags.set(tag, { name: tag, operations: [] });
      tags.get(tag)!.operations.push(view);
    }
  }
  return [...tags.values()].filter((t) => t.operations.length > 0);
}

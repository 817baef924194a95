import { getProgramById, type ProgramRow } from "@/db/queries/programs";
import type { CategoryRecord, ProductRow } from "@/db/queries/catalog";
import type { Executor } from "@/db/types";
import { authorize, can, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

/**
 * Reading the catalog: console readers (plans:read, since rules are built on
 * it), catalog writers (a product-sync integration reads back what it wrote),
 * and member readers (a POS integration looking up a SKU). Products carry no
 * personal data, so any of the three is enough.
 */
const READ_PERMISSIONS: Permission[] = ["plans:read", "catalog:write", "members:read"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads the program and checks access before the input is validated, so a
 * caller without the permission learns nothing (not even which field was
 * wrong). Malformed or unknown ids are "not found", like another program's.
 */
export async function loadCatalogProgram(db: Executor, actor: Actor, programId: unknown, access: "read" | "write"): Promise<ProgramRow> {
  const id = typeof programId === "string" && UUID.test(programId) ? programId : null;
  const program = id ? await getProgramById(db, id) : undefined;
  if (!program) throw new NotFoundError("program", String(programId));
  if (access === "write") authorize(actor, "catalog:write", program);
  else if (!READ_PERMISSIONS.some((p) => can(actor, p, program))) authorize(actor, "plans:read", program);
  return program;
}

export type CategoryStep = { code: string; name: string; level: number };

export type CatalogProductView = {
  sku: string;
  name: string;
  brand: string | null;
  unitCostMinor: number | null;
  currency: string;
  categoryCode: string | null;
  /** Department first; empty for an uncategorised product. */
  categoryPath: CategoryStep[];
  active: boolean;
  updatedAt: Date;
};

export function categoryIndex(categories: CategoryRecord[]): Map<string, CategoryRecord> {
  return new Map(categories.map((c) => [c.code, c]));
}

export function pathOf(code: string | null, index: Map<string, CategoryRecord>): CategoryStep[] {
  const path: CategoryStep[] = [];
  for (let c = code ? index.get(code) : undefined; c && path.length < 10; c = c.parentCode ? index.get(c.parentCode) : undefined) {
    path.unshift({ code: c.code, name: c.name, level: c.level });
  }
  return path;
}

export function toProductView(row: ProductRow, index: Map<string, CategoryRecord>, currency: string): CatalogProductView {
  return {
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    unitCostMinor: row.unitCostMinor,
    currency,
    categoryCode: row.categoryCode,
    categoryPath: pathOf(row.categoryCode, index),
    active: row.active,
    updatedAt: row.updatedAt,
  };
}

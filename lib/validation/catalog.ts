import { z } from "zod";
import { slugify } from "@/lib/domain/catalog/category-code";
import { CATALOG_LIMITS } from "@/lib/domain/catalog/catalog-row";
import { idSchema } from "./common";

/** Products one call may write: a CSV chunk from the console or one API request. */
export const MAX_PRODUCTS_PER_BATCH = 1000;

const categoryName = z
  .string()
  .trim()
  .min(1, { error: "A category name may not be empty." })
  .max(CATALOG_LIMITS.categoryName, { error: `Category names may not exceed ${CATALOG_LIMITS.categoryName} characters.` })
  .refine((name) => slugify(name).length > 0, { error: "A category name needs a letter or digit." });

/** One product as the catalog services take it (costs already in minor units). */
export const catalogProductSchema = z.strictObject({
  sku: z.string({ error: "A SKU is required." }).trim().min(1, { error: "A SKU is required." }).max(CATALOG_LIMITS.sku, { error: `SKUs may not exceed ${CATALOG_LIMITS.sku} characters.` }),
  name: z.string({ error: "A name is required." }).trim().min(1, { error: "A name is required." }).max(CATALOG_LIMITS.name, { error: `Names may not exceed ${CATALOG_LIMITS.name} characters.` }),
  /** Department → category → subcategory names. */
  path: z.array(categoryName).max(3, { error: "At most three levels: department, category, subcategory." }),
  brand: z.string().trim().max(CATALOG_LIMITS.brand, { error: `Brands may not exceed ${CATALOG_LIMITS.brand} characters.` }).nullable().transform((b) => b || null),
  unitCostMinor: z.number().int({ error: "The unit cost must be whole minor units." }).min(0, { error: "The unit cost may not be negative." }).max(CATALOG_LIMITS.unitCost * 1000).nullable(),
});

export const upsertCatalogSchema = z.strictObject({
  programId: idSchema,
  source: z.enum(["csv", "api"]),
  /** Groups the chunks of one CSV file in the audit log. */
  importId: z.string().trim().max(64).optional(),
  products: z
    .array(catalogProductSchema)
    .min(1, { error: "Send at least one product." })
    .max(MAX_PRODUCTS_PER_BATCH, { error: `At most ${MAX_PRODUCTS_PER_BATCH} products per call.` })
    .superRefine((list, ctx) => {
      const seen = new Map<string, number>();
      list.forEach((p, i) => {
        const first = seen.get(p.sku);
        if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "sku"], message: `Duplicate SKU: also at position ${first}.` });
        else seen.set(p.sku, i);
      });
    }),
});

export type UpsertCatalogInput = z.input<typeof upsertCatalogSchema>;
export type CatalogProduct = z.output<typeof catalogProductSchema>;

export const listProductsSchema = z.strictObject({
  programId: idSchema,
  q: z.string().trim().max(100).optional().transform((q) => q || undefined),
  category: z.string().trim().max(300).optional().transform((c) => c || undefined),
  uncategorized: z.boolean().optional(),
  cursor: z.string().max(CATALOG_LIMITS.sku).optional().transform((c) => c || undefined),
  limit: z.number().int().min(1).max(200).default(50),
  includeInactive: z.boolean().optional(),
});

export type ListProductsInput = z.input<typeof listProductsSchema>;

export const productRefSchema = z.strictObject({ programId: idSchema, sku: z.string().trim().min(1).max(CATALOG_LIMITS.sku) });
export const setProductActiveSchema = productRefSchema.extend({ active: z.boolean() });

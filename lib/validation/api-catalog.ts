import { z } from "zod";
import { CATALOG_LIMITS } from "@/lib/domain/catalog/catalog-row";
import { MAX_PRODUCTS_PER_BATCH } from "./catalog";

const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text.` }).trim().max(max, { error: `${field} may not exceed ${max} characters.` });

/** One product in the API: category levels by name, unit cost as a decimal in the program's currency. */
export const apiProductSchema = z.strictObject({
  sku: text("sku", CATALOG_LIMITS.sku).min(1, { error: "sku is required." }),
  name: text("name", CATALOG_LIMITS.name).min(1, { error: "name is required." }),
  department: text("department", CATALOG_LIMITS.categoryName).optional(),
  category: text("category", CATALOG_LIMITS.categoryName).optional(),
  subcategory: text("subcategory", CATALOG_LIMITS.categoryName).optional(),
  brand: text("brand", CATALOG_LIMITS.brand).nullable().optional(),
  unitCost: z
    .number({ error: "unitCost must be a number." })
    .min(0, { error: "unitCost may not be negative." })
    .max(CATALOG_LIMITS.unitCost, { error: "unitCost is too large." })
    .nullable()
    .optional(),
});

export const apiUpsertProductsSchema = z.strictObject({
  products: z
    .array(apiProductSchema, { error: "products must be a list." })
    .min(1, { error: "Send at least one product." })
    .max(MAX_PRODUCTS_PER_BATCH, { error: `At most ${MAX_PRODUCTS_PER_BATCH} products per request.` }),
});

export const apiListProductsSchema = z.strictObject({
  category: z.string().trim().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(CATALOG_LIMITS.sku).optional(),
  limit: z.coerce.number({ error: "limit must be a number." }).int().min(1).max(200, { error: "limit may not exceed 200." }).optional(),
});

export type ApiProduct = z.output<typeof apiProductSchema>;

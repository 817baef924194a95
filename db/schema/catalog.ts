import { bigint, boolean, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { programs } from "./tenancy";

/** Department → category → subcategory; rules and rewards may target any level. */
export const productCategories = pgTable("product_categories", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  code: text("code").notNull(),
  parentCode: text("parent_code"),
  name: text("name").notNull(),
  level: integer("level").notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.programId, t.code] })]);

export const products = pgTable("products", {
  programId: uuid("program_id").notNull().references(() => programs.id),
  sku: text("sku").notNull(),
  name: text("name").notNull(),
  categoryCode: text("category_code"),
  brand: text("brand"),
  unitCostMinor: bigint("unit_cost_minor", { mode: "number" }),
  /** Deactivated products leave lists and new imports' counts, but still classify SKU-only purchase lines (old stock still sells). */
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.programId, t.sku] }),
  index("products_category_idx").on(t.programId, t.categoryCode),
]);


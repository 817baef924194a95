import { describe, expect, it } from "vitest";
import { categoryCodeOf, categoryNodesOf, collectCategoryNodes, slugify } from "./category-code";
import { buildCategoryTree } from "./category-tree";
import { parseCatalogCsv, rejectedRowsCsv, sampleCatalogCsv, validateCatalogRecords } from "./catalog-csv";
import { parseUnitCost, validateCatalogRow } from "./catalog-row";
import { basketMargin } from "./margin";

describe("category codes", () => {
  it.each([
    ["Electrónica", "electronica"],
    ["  Café & Té  ", "cafe-te"],
    ["Niños 0–3 años", "ninos-0-3-anos"],
    ["Ñandú", "nandu"],
    ["日本茶", "日本茶"],
    ["!!!", ""],
  ])("slugifies %j as %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("derives each level's code from the whole path, so equal names under two departments stay apart", () => {
    expect(categoryCodeOf(["Electrónica", "Accesorios"])).toBe("electronica/accesorios");
    expect(categoryCodeOf(["Ropa", "Accesorios"])).toBe("ropa/accesorios");
    expect(categoryNodesOf(["Electrónica", "Audio", "Audífonos"])).toEqual([
      { code: "electronica", parentCode: null, name: "Electrónica", level: 1 },
      { code: "electronica/audio", parentCode: "electronica", name: "Audio", level: 2 },
      { code: "electronica/audio/audifonos", parentCode: "electronica/audio", name: "Audífonos", level: 3 },
    ]);
  });

  it("collects each category once, first spelling first", () => {
    const nodes = collectCategoryNodes([["Hogar", "Cocina"], ["HOGAR", "Baño"], []]);
    expect(nodes.map((n) => [n.code, n.name])).toEqual([["hogar", "Hogar"], ["hogar/cocina", "Cocina"], ["hogar/bano", "Baño"]]);
  });
});

describe("unit cost", () => {
  it.each([
    ["12.50", "MXN", 1250],
    ["12", "MXN", 1200],
    ["0", "USD", 0],
    ["1500", "CLP", 1500],
    ["1.234", "KWD", 1234],
  ])("reads %s %s as %i minor units", (text, currency, minor) => {
    expect(parseUnitCost(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ["12,50", "MXN", "cost_not_a_number"],
    ["1,250.00", "MXN", "cost_not_a_number"],
    ["abc", "MXN", "cost_not_a_number"],
    ["-3", "MXN", "cost_negative"],
    ["1.5", "CLP", "cost_too_precise"],
    ["9.999", "USD", "cost_too_precise"],
    ["2000000000", "USD", "cost_too_large"],
  ])("refuses %s %s with %s", (text, currency, code) => {
    expect(parseUnitCost(text, currency)).toMatchObject({ ok: false, issue: { field: "unit_cost", code } });
  });
});

describe("validateCatalogRow", () => {
  const good = { sku: " A-1 ", name: "Audífonos", department: "Electrónica", category: "Audio", subcategory: "", brand: "Sony", unit_cost: "199.90" };

  it("trims and converts a good row", () => {
    expect(validateCatalogRow(good, "MXN")).toEqual({ ok: true, product: { sku: "A-1", name: "Audífonos", path: ["Electrónica", "Audio"], brand: "Sony", unitCostMinor: 19990 } });
  });

  it("keeps an uncategorised product without brand or cost", () => {
    expect(validateCatalogRow({ sku: "X", name: "Suelto" }, "MXN")).toEqual({ ok: true, product: { sku: "X", name: "Suelto", path: [], brand: null, unitCostMinor: null } });
  });

  it.each([
    ["a missing sku", { sku: "  " }, "sku", "sku_missing"],
    ["a long sku", { sku: "S".repeat(81) }, "sku", "sku_too_long"],
    ["a missing name", { name: "" }, "name", "name_missing"],
    ["a long name", { name: "n".repeat(201) }, "name", "name_too_long"],
    ["a long brand", { brand: "b".repeat(81) }, "brand", "brand_too_long"],
    ["a subcategory without category", { category: "", subcategory: "Inalámbricos" }, "subcategory", "category_without_parent"],
    ["a category without department", { department: "" }, "category", "category_without_parent"],
    ["a category made of symbols", { category: "***" }, "category", "category_name_unusable"],
    ["a negative cost", { unit_cost: "-1.00" }, "unit_cost", "cost_negative"],
    ["a bad number", { unit_cost: "diez" }, "unit_cost", "cost_not_a_number"],
  ])("refuses %s", (_, patch, field, code) => {
    expect(validateCatalogRow({ ...good, ...patch }, "MXN")).toEqual({ ok: false, issues: [expect.objectContaining({ field, code })] });
  });

  it("reports every problem of a row at once", () => {
    const result = validateCatalogRow({ sku: "", name: "", unit_cost: "-5" }, "MXN");
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["sku_missing", "name_missing", "cost_negative"]);
  });
});

describe("parseCatalogCsv", () => {
  it("reads quoted fields, a BOM, semicolons and any header case, numbering rows as a spreadsheet does", () => {
    const text = '\uFEFFSKU;Name;Department;Unit_Cost;Color\nA-1;"Audífonos; negros";Electrónica;10.5;rojo\n\nB-2;"Cable ""USB""\nlargo";;;azul\n';
    const parsed = parseCatalogCsv(text);
    expect(parsed).toMatchObject({ ok: true, ignoredColumns: ["color"] });
    if (!parsed.ok) return;
    expect(parsed.records).toEqual([
      { row: 2, raw: expect.objectContaining({ sku: "A-1", name: "Audífonos; negros", department: "Electrónica", unit_cost: "10.5", category: undefined }) },
      { row: 3, raw: expect.objectContaining({ sku: "B-2", name: 'Cable "USB"\nlargo' }) },
    ]);
  });

  it.each([
    ["an empty file", "", { ok: false, problem: "empty" }],
    ["a file without a name column", "sku,brand\nA,B\n", { ok: false, problem: "missing_columns", missing: ["name"] }],
    ["an unclosed quote", 'sku,name\nA,"broken\n', { ok: false, problem: "unreadable" }],
  ])("refuses %s as a whole", (_, text, expected) => {
    expect(parseCatalogCsv(text)).toMatchObject(expected);
  });
});

describe("validateCatalogRecords", () => {
  it("keeps valid rows, rejects bad ones with row numbers, and rejects a repeated SKU pointing at its first row", () => {
    const parsed = parseCatalogCsv("sku,name,unit_cost\nA,Uno,1\nB,,2\nA,Otra vez,3\nC,Tres,-4\nD,Cuatro,\n");
    if (!parsed.ok) throw new Error("unreadable");
    const { valid, rejected } = validateCatalogRecords(parsed.records, "MXN");
    expect(valid.map((v) => [v.row, v.product.sku])).toEqual([[2, "A"], [6, "D"]]);
    expect(rejected).toEqual([
      { row: 3, sku: "B", issues: [{ field: "name", code: "name_missing" }] },
      { row: 4, sku: "A", issues: [{ field: "sku", code: "sku_duplicate", params: { row: 2 } }] },
      { row: 5, sku: "C", issues: [expect.objectContaining({ code: "cost_negative" })] },
    ]);
  });

  it("handles 10,000 rows quickly", () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `SKU-${i},Producto ${i},Depto ${i % 5},Cat ${i % 20},Sub ${i % 60},Marca,${(i % 500) + 0.5}`);
    const started = performance.now();
    const parsed = parseCatalogCsv(`sku,name,department,category,subcategory,brand,unit_cost\n${lines.join("\n")}`);
    if (!parsed.ok) throw new Error("unreadable");
    const { valid, rejected } = validateCatalogRecords(parsed.records, "MXN");
    expect(valid).toHaveLength(10_000);
    expect(rejected).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("writes rejected rows and the sample as CSV that reads back", () => {
    const csv = rejectedRowsCsv([{ row: 3, sku: "B", issues: [{ field: "name", code: "name_missing" }, { field: "unit_cost", code: "cost_negative" }] }], (i) => i.code, { row: "fila", sku: "sku", reasons: "motivos" });
    expect(csv).toBe("fila,sku,motivos\r\n3,B,name_missing; cost_negative");
    const sample = parseCatalogCsv(sampleCatalogCsv([["A-1", "Café, molido", "Despensa", "Café", "", "Lazo", "55.00"]]));
    expect(sample).toMatchObject({ ok: true, records: [{ row: 2, raw: { name: "Café, molido", unit_cost: "55.00" } }] });
  });
});

describe("buildCategoryTree", () => {
  it("nests levels, sorts by name and rolls counts up", () => {
    const rows = collectCategoryNodes([["Hogar", "Cocina", "Ollas"], ["Hogar", "Baño"], ["Electrónica"]]);
    const tree = buildCategoryTree(rows, new Map([["hogar/cocina/ollas", 3], ["hogar/bano", 2], ["hogar", 1]]));
    expect(tree.map((n) => [n.name, n.ownCount, n.totalCount])).toEqual([["Electrónica", 0, 0], ["Hogar", 1, 6]]);
    expect(tree[1]!.children.map((n) => [n.name, n.totalCount])).toEqual([["Baño", 2], ["Cocina", 3]]);
    expect(tree[1]!.children[1]!.children[0]).toMatchObject({ code: "hogar/cocina/ollas", level: 3, totalCount: 3 });
  });

  it("shows an orphan as a root instead of hiding it", () => {
    expect(buildCategoryTree([{ code: "x/y", parentCode: "x", name: "Y", level: 2 }], new Map()).map((n) => n.code)).toEqual(["x/y"]);
  });
});

describe("basketMargin", () => {
  it.each([
    ["costed lines", [{ quantity: 2, unitPriceMinor: 1000, unitCostMinor: 600 }, { quantity: 1, unitPriceMinor: 500, unitCostMinor: 100 }], { revenueMinor: 2500, costMinor: 1300, marginMinor: 1200, costedLines: 2, uncostedLines: 0 }],
    ["a line without cost left out of the margin", [{ quantity: 1, unitPriceMinor: 1000, unitCostMinor: 400 }, { quantity: 3, unitPriceMinor: 100, unitCostMinor: null }], { revenueMinor: 1300, costMinor: 400, marginMinor: 600, marginRate: 0.6, uncostedLines: 1 }],
    ["fractional quantities rounded per line", [{ quantity: 1.5, unitPriceMinor: 333, unitCostMinor: 111 }], { revenueMinor: 500, costMinor: 167, marginMinor: 333 }],
    ["a sale below cost", [{ quantity: 1, unitPriceMinor: 100, unitCostMinor: 150 }], { marginMinor: -50, marginRate: -0.5 }],
    ["no cost at all", [{ quantity: 1, unitPriceMinor: 100, unitCostMinor: null }], { marginMinor: 0, marginRate: null, costedLines: 0 }],
    ["an empty basket", [], { revenueMinor: 0, marginRate: null }],
  ])("computes %s", (_, lines, expected) => {
    expect(basketMargin(lines)).toMatchObject(expected);
  });
});

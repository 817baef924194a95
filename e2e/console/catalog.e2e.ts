import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInAsUser } from "../support/auth";
import { setLocaleCookie } from "../support/locale";

const HEADER = "sku,name,department,category,subcategory,brand,unit_cost";

/** A catalog file: `count` products under one department unique to the test, plus the bad rows given (placed after row `at`). */
function catalogCsv(tag: string, department: string, count: number, bad: string[], at = 2) {
  const rows = Array.from({ length: count }, (_, i) => {
    const sub = i % 2 ? "Audífonos" : "Bocinas";
    return `${tag}-${String(i).padStart(5, "0")},Producto ${i},${department},Audio,${sub},Sonora,${(i % 90) + 10}.50`;
  });
  rows.splice(at, 0, ...bad);
  return [HEADER, ...rows].join("\n");
}

async function chooseFile(page: Page, name: string, csv: string) {
  await page.getByTestId("csv-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
}

test.describe("catalog CSV import", () => {
  test("a marketer imports a file with bad rows: they are listed by row, the rest goes in with a progress bar, and the tree and table show it", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/catalog");
    const tag = `E${Date.now().toString(36).toUpperCase()}`;
    const department = `Electrónica ${tag}`;
    const bad = [`,Sin SKU,${department},,,,1`, `${tag}-00001,Repetido,${department},,,,1`, `${tag}-NEG,Negativo,${department},,,,-5`, `${tag}-SUB,Huérfano,,,Sub,,1`];
    await page.goto("/console/catalog/import");
    await expect(page.getByTestId("csv-format")).toContainText("unit_cost");
    await chooseFile(page, "catalogo.csv", catalogCsv(tag, department, 1200, bad));

    const check = page.getByTestId("import-check");
    await expect(check).toContainText("1204 filas: 1200 válidas, 4 con errores");
    const rejected = check.getByTestId("rejected-row");
    await expect(rejected).toHaveCount(4);
    await expect(rejected.nth(0)).toContainText("Fila 4");
    await expect(rejected.nth(0)).toContainText("falta el SKU");
    await expect(rejected.nth(1)).toContainText("SKU repetido (ya está en la fila 3)");
    await expect(rejected.nth(2)).toContainText("unit_cost no puede ser negativo (-5)");
    await expect(rejected.nth(3)).toContainText("subcategory sin category");

    await page.getByTestId("start-import").click();
    await expect(page.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
    await expect(page.getByTestId("progress-text")).toContainText("1200 de 1200 filas");
    await expect(page.getByTestId("summary-created")).toContainText("1200");
    await expect(page.getByTestId("summary-rejected")).toContainText("4");
    await expect(page.getByTestId("download-rejected").last()).toHaveAttribute("href", /Fila|fila%2Csku%2Cmotivos/);

    await page.getByTestId("see-catalog").click();
    await page.waitForURL("**/console/catalog");
    const tree = page.getByTestId("category-tree");
    const node = tree.locator(`[data-code="electronica-${tag.toLowerCase()}"]`);
    await expect(node.locator(":scope > a")).toContainText("1,200");
    await expect(node.locator(`[data-code="electronica-${tag.toLowerCase()}/audio/audifonos"] > a`).first()).toContainText("600");
    await node.locator(`[data-code="electronica-${tag.toLowerCase()}/audio/bocinas"] > a`).first().click();
    await expect(page.getByRole("main").getByText("600 productos", { exact: true })).toBeVisible();
    await expect(page.getByTestId("product-row").first()).toContainText(`${department} › Audio › Bocinas`);

    await page.getByTestId("product-search").getByRole("searchbox").fill(`${tag}-00010`);
    await page.getByTestId("product-search").getByRole("button", { name: "Buscar" }).click();
    await expect(page.getByTestId("product-row")).toHaveCount(1);
    await expect(page.getByTestId("product-row")).toContainText("USD 20.50");

    // Importing the same file again changes nothing.
    await page.goto("/console/catalog/import");
    await chooseFile(page, "catalogo.csv", catalogCsv(tag, department, 1200, bad));
    await page.getByTestId("start-import").click();
    await expect(page.getByTestId("summary-unchanged")).toContainText("1200", { timeout: 30_000 });
    await expect(page.getByTestId("summary-created")).toContainText("0");
  });

  test("imports 10,000 rows in English with a live progress bar", async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/catalog/import");
    const tag = `T${Date.now().toString(36).toUpperCase()}`;
    await chooseFile(page, "catalog.csv", catalogCsv(tag, `Home ${tag}`, 9998, [`${tag}-X,Bad cost,Home ${tag},,,,"12,50"`, `${tag}-Y,,Home ${tag},,,,1`], 5000));
    await expect(page.getByTestId("import-check")).toContainText("10,000 rows: 9,998 valid, 2 with errors");
    await page.getByTestId("start-import").click();
    const progress = page.getByTestId("import-progress");
    // A value strictly between 0 and 100 proves the bar moves chunk by chunk.
    await expect(progress).toHaveAttribute("aria-valuenow", /^([1-9]|[1-9]\d)$/, { timeout: 30_000 });
    await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 90_000 });
    await expect(page.getByTestId("summary-created")).toContainText("9998");
    const rejected = page.getByTestId("rejected-row");
    await expect(rejected.nth(0)).toContainText("Row 5002");
    await expect(rejected.nth(0)).toContainText("unit_cost “12,50” is not a number");
    await expect(rejected.nth(1)).toContainText("the name is missing");
    await page.getByTestId("see-catalog").click();
    await expect(page.getByTestId("category-tree").locator(`[data-code="home-${tag.toLowerCase()}"] > a`).first()).toContainText("9,998");
  });

  test("refuses a file without the required columns before writing anything", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "en");
    await signInAsUser(page, DEMO.marketer, undefined, "/console/catalog/import");
    await chooseFile(page, "wrong.csv", "code,title\nA,B\n");
    await expect(page.getByTestId("file-error")).toContainText("wrong.csv lacks required columns: sku, name");
    await expect(page.getByTestId("start-import")).toHaveCount(0);
  });

  test("analysts read the catalog but cannot import", async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL, "es");
    await signInAsUser(page, DEMO.analyst, undefined, "/console/catalog");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Catálogo de productos");
    await expect(page.getByTestId("catalog-import-link")).toHaveCount(0);
    await page.goto("/console/catalog/import");
    await expect(page.getByTestId("csv-file")).toHaveCount(0);
  });
});

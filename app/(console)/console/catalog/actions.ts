"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/components/forms/form-state";
import { requireUser } from "@/lib/auth/session";
import { isLazoError, ValidationError } from "@/lib/errors";
import { getAppDb } from "@/lib/server/app-database";
import { setProductActive } from "@/lib/services/catalog/set-product-active";
import { upsertCatalogProducts } from "@/lib/services/catalog/upsert-products";
import type { CatalogProduct } from "@/lib/validation/catalog";
import { formFailure } from "../_lib/action-errors";
import { getConsoleProgramFor } from "../_lib/console-program";

export type ChunkResult =
  | { ok: true; created: number; updated: number; unchanged: number }
  | { ok: false; code: "validation_failed"; fields: Record<string, string[]> }
  | { ok: false; code: "forbidden" | "not_found" | "unauthorized" | "failed" };

/**
 * One chunk of a CSV import (the browser parsed and checked the file; the
 * service checks every row again, since this is a public endpoint).
 */
export async function importCatalogChunkAction(input: { importId: string; products: CatalogProduct[] }): Promise<ChunkResult> {
  const actor = await requireUser("/console/catalog/import");
  const program = await getConsoleProgramFor(actor);
  try {
    const result = await upsertCatalogProducts(await getAppDb(), actor, { programId: program?.id ?? "", source: "csv", importId: input?.importId, products: input?.products });
    revalidatePath("/console/catalog");
    return { ok: true, created: result.created, updated: result.updated, unchanged: result.unchanged };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, code: "validation_failed", fields: error.fields };
    if (isLazoError(error) && ["forbidden", "not_found", "unauthorized"].includes(error.code)) return { ok: false, code: error.code as "forbidden" };
    throw error;
  }
}

/** Deactivates or reactivates one product from the catalog table (audited by the service). */
export async function setProductActiveAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/console/catalog");
  const program = await getConsoleProgramFor(actor);
  try {
    const result = await setProductActive(await getAppDb(), actor, { programId: program?.id ?? "", sku: String(form.get("sku") ?? ""), active: form.get("active") === "true" });
    revalidatePath("/console/catalog");
    return { message: { tone: "success", text: (await getTranslations("Catalog.table"))(result.active ? "reactivated" : "deactivated", { sku: result.sku }) } };
  } catch (error) {
    return formFailure(error);
  }
}

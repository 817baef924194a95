"use client";

import { useCallback, useRef, useState } from "react";
import { parseCatalogCsv, validateCatalogRecords, type RejectedRow, type ValidRow } from "@/lib/domain/catalog/catalog-csv";
import { importCatalogChunkAction } from "../../actions";

/** Rows per server call: small enough for a quick transaction, large enough that 10,000 rows take 20 calls. */
export const CHUNK_SIZE = 500;

export type FileProblem = { problem: "empty" | "missing_columns" | "unreadable" | "not_csv"; missing?: string[]; detail?: string };
export type Checked = { fileName: string; totalRows: number; valid: ValidRow[]; rejected: RejectedRow[]; ignoredColumns: string[] };
export type Totals = { created: number; updated: number; unchanged: number };
export type ImportState =
  | { phase: "idle" }
  | { phase: "invalid-file"; fileName: string; error: FileProblem }
  | { phase: "checked"; checked: Checked }
  | { phase: "importing" | "done" | "stopped"; checked: Checked; done: number; totals: Totals; rejected: RejectedRow[]; stopReason?: string };

/**
 * The import, step by step in the browser: read and check the whole file
 * (nothing is written yet), then send the valid rows in chunks, one server
 * action each, updating the progress after every chunk.
 */
export function useCatalogImport(currency: string) {
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  const running = useRef(false);

  const check = useCallback(
    async (file: File) => {
      if (!/\.(csv|txt)$/i.test(file.name) && !file.type.includes("csv")) return setState({ phase: "invalid-file", fileName: file.name, error: { problem: "not_csv" } });
      const parsed = parseCatalogCsv(await file.text());
      if (!parsed.ok) return setState({ phase: "invalid-file", fileName: file.name, error: parsed });
      const { valid, rejected } = validateCatalogRecords(parsed.records, currency);
      setState({ phase: "checked", checked: { fileName: file.name, totalRows: parsed.records.length, valid, rejected, ignoredColumns: parsed.ignoredColumns } });
    },
    [currency],
  );

  const run = useCallback(async (checked: Checked) => {
    if (running.current) return;
    running.current = true;
    const importId = crypto.randomUUID();
    const totals: Totals = { created: 0, updated: 0, unchanged: 0 };
    const rejected = [...checked.rejected];
    let done = 0;
    setState({ phase: "importing", checked, done, totals: { ...totals }, rejected });
    try {
      for (let start = 0; start < checked.valid.length; start += CHUNK_SIZE) {
        const chunk = checked.valid.slice(start, start + CHUNK_SIZE);
        const result = await importCatalogChunkAction({ importId, products: chunk.map((r) => r.product) });
        if (!result.ok && result.code !== "validation_failed") {
          setState({ phase: "stopped", checked, done, totals: { ...totals }, rejected, stopReason: result.code });
          return;
        }
        if (result.ok) {
          totals.created += result.created;
          totals.updated += result.updated;
          totals.unchanged += result.unchanged;
        } else {
          // The server refused the chunk as a whole: report its rows with the reason, keep going.
          for (const r of chunk) rejected.push({ row: r.row, sku: r.product.sku, issues: [{ field: "sku", code: "server_refused" }] });
        }
        done += chunk.length;
        setState({ phase: "importing", checked, done, totals: { ...totals }, rejected: [...rejected] });
      }
      rejected.sort((a, b) => a.row - b.row);
      setState({ phase: "done", checked, done, totals, rejected });
    } catch {
      setState({ phase: "stopped", checked, done, totals: { ...totals }, rejected, stopReason: "network" });
    } finally {
      running.current = false;
    }
  }, []);

  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, check, run, reset };
}

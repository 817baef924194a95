import { csvLine } from "@/lib/domain/audit/csv";

/** One page of rows (already as CSV values) and the cursor of the next page; null: that was the last one. */
export type CsvPage<C> = { rows: readonly (readonly unknown[])[]; next: C | null };

/**
 * A CSV byte stream read page by page as the client pulls it, so a list of
 * any size never sits in memory: the header first (UTF-8 with BOM, as the
 * audit and analytics exports, so spreadsheets read accents right), then one
 * chunk per page. Lines come from the shared csvLine (RFC 4180 + formula
 * guard). Callers authorize before building the stream, so a refusal is
 * still a 403/404 and not a half-sent file.
 */
export function pagedCsvStream<C>(columns: readonly string[], first: C, fetchPage: (cursor: C) => Promise<CsvPage<C>>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: C | null = first;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns)}`));
        return;
      }
      if (cursor === null) return controller.close();
      const page = await fetchPage(cursor);
      cursor = page.next;
      if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map((row) => csvLine(row)).join("")));
      if (cursor === null) controller.close();
    },
  });
}

/** The next keyset cursor: the last row's key when the page came back full, otherwise the end. */
export function nextCursor<R, C>(rows: readonly R[], limit: number, key: (row: R) => C): C | null {
  return rows.length < limit ? null : key(rows[rows.length - 1]!);
}

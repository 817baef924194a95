import { describe, expect, it } from "vitest";
import { nextCursor, pagedCsvStream } from "./paged-csv-stream";

/** The body as text with its BOM kept (Response.text() drops it). */
async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("pagedCsvStream", () => {
  it("writes a BOM and the header, then each page as the reader pulls it", async () => {
    const asked: (number | null)[] = [];
    const pages = new Map<number, { rows: unknown[][]; next: number | null }>([
      [0, { rows: [["a", 1], ["b,c", 2]], next: 2 }],
      [2, { rows: [["=SUM(A1)", null]], next: null }],
    ]);
    const stream = pagedCsvStream(["name", "n"], 0, async (cursor) => {
      asked.push(cursor);
      return pages.get(cursor)!;
    });
    const text = await read(stream);
    expect(text).toBe('\uFEFFname,n\r\na,1\r\n"b,c",2\r\n\'=SUM(A1),\r\n');
    expect(asked).toEqual([0, 2]);
  });

  it("reads nothing before the first pull and stops after an empty last page", async () => {
    let calls = 0;
    const stream = pagedCsvStream(["x"], "start", async () => {
      calls += 1;
      return { rows: [], next: null };
    });
    expect(calls).toBe(0);
    expect(await read(stream)).toBe("\uFEFFx\r\n");
    expect(calls).toBe(1);
  });
});

describe("nextCursor", () => {
  it.each([
    ["a full page continues from its last key", [{ id: "a" }, { id: "b" }], 2, "b"],
    ["a short page is the last", [{ id: "a" }], 2, null],
    ["an empty page is the last", [], 2, null],
  ])("%s", (_name, rows, limit, expected) => {
    expect(nextCursor(rows, limit, (r) => r.id)).toBe(expected);
  });
});

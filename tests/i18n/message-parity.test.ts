import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every key path of a message tree ("Plans.rules.title"). */
function keyPaths(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key));
}

const dir = "messages";
const spanishFiles = fs.readdirSync(dir).filter((f) => /(^|\.)es\.json$/.test(f));
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;

describe("message catalogs", () => {
  it.each(spanishFiles)("%s has the same keys in English", (file) => {
    const english = file.replace(/es\.json$/, "en.json");
    expect(keyPaths(read(english)).sort()).toEqual(keyPaths(read(file)).sort());
  });

  it("no namespace is defined in two files", () => {
    const owners = new Map<string, string>();
    for (const file of spanishFiles) {
      for (const namespace of Object.keys(read(file))) {
        expect(owners.get(namespace), `${namespace} in ${file} and ${owners.get(namespace)}`).toBeUndefined();
        owners.set(namespace, file);
      }
    }
  });
});

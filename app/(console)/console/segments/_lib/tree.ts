import type { SegmentDefinition, SegmentGroup, SegmentItem } from "@/lib/domain/segments/definition";

/** A node's place in the tree: the item indexes from the top group down ([] = the top group). */
export type TreePath = number[];

/** The schema's error key prefix for a node ("items.1.items.0"). */
export function pathKey(path: TreePath): string {
  return path.map((i) => `items.${i}`).join(".");
}

/** Returns a copy of the tree with the group at `path` replaced by `change(group)`. */
export function updateGroup(root: SegmentDefinition, path: TreePath, change: (group: SegmentGroup) => SegmentGroup): SegmentDefinition {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path;
  return { ...root, items: root.items.map((item, i) => (i === head && item.type === "group" ? updateGroup(item, rest, change) : item)) };
}

/** Replaces (or, with `null`, removes) the item at `path`. */
export function replaceItem(root: SegmentDefinition, path: TreePath, next: SegmentItem | null): SegmentDefinition {
  const parent = path.slice(0, -1);
  const index = path.at(-1)!;
  return updateGroup(root, parent, (g) => ({ ...g, items: next ? g.items.map((item, i) => (i === index ? next : item)) : g.items.filter((_, i) => i !== index) }));
}

export function appendItem(root: SegmentDefinition, path: TreePath, item: SegmentItem): SegmentDefinition {
  return updateGroup(root, path, (g) => ({ ...g, items: [...g.items, item] }));
}

/** Error messages at or under a path, by the rest of their key ("days", "months.0"…). */
export function errorsUnder(errors: Record<string, string | undefined>, path: TreePath): [string, string][] {
  const prefix = pathKey(path);
  return Object.entries(errors).flatMap(([key, message]) => {
    if (!message) return [];
    if (key === prefix) return [["", message] as [string, string]];
    if (prefix === "" || key.startsWith(`${prefix}.`)) return [[prefix === "" ? key : key.slice(prefix.length + 1), message] as [string, string]];
    return [];
  });
}

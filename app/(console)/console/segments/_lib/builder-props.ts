import "server-only";
import { localizedText } from "@/lib/localized-text";
import type { SegmentEditor } from "@/lib/services/segments/read-segments";
import type { BuilderOptions } from "../_components/condition-values";

/** The builder's pickers in the UI language: tiers by name, categories indented by level. */
export function builderOptions(editor: SegmentEditor, locale: string): BuilderOptions {
  return {
    currency: editor.currency,
    tiers: editor.tiers.map((tier) => ({ value: tier.key, label: localizedText(tier.name, locale) })),
    categories: editor.categories.map((c) => ({ value: c.code, label: `${"  ".repeat(Math.max(0, c.level - 1))}${c.name}` })),
  };
}

/** A card's quiet "nothing in this period" line, in place of its chart or table. */
export function EmptyNote({ text, testId }: { text: string; testId?: string }) {
  return <p className="py-10 text-center text-sm text-ink-subtle" data-testid={testId}>{text}</p>;
}

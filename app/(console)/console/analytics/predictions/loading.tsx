/** The fit is read from one row; this shows only while the page streams. */
export default function Loading() {
  return (
    <div className="animate-pulse" aria-busy="true">
      <div className="h-8 w-56 rounded bg-surface-muted" />
      <div className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-28 rounded-card bg-surface-muted" />
        ))}
      </div>
      <div className="mt-6 h-40 rounded-card bg-surface-muted" />
      <div className="mt-6 h-96 rounded-card bg-surface-muted" />
    </div>
  );
}

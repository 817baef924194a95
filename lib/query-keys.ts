/**
 * Every TanStack Query key of the app, in one place, so invalidations and
 * prefetches agree on them. Keys are arrays from general to specific.
 */
export const queryKeys = {
  /** The signed-in member's explained ledger, per filter ("all" = no filter). */
  myHistory: (filter: string) => ["me", "history", filter] as const,
  myHistoryAll: () => ["me", "history"] as const,
  /** The signed-in member's balance, polled by the home so a purchase at the counter shows within seconds. */
  myBalance: () => ["me", "balance"] as const,
  /** The member card's current QR token, rotated every minute. */
  myCardToken: () => ["me", "card", "token"] as const,
  /** The segment builder's live count and sample, per definition (its JSON). */
  segmentPreview: (definition: string) => ["console", "segments", "preview", definition] as const,
  /** A plan simulation's progress, polled while the job runs. */
  simulationProgress: (simulationId: string) => ["console", "plans", "simulations", simulationId, "progress"] as const,
} as const;

/**
 * A published version limited to some stores and/or segments before full
 * rollout. A purchase is in the pilot when it meets every list given: at one
 * of the stores (if stores are given) and by a member of one of the segments
 * (if segments are given). Everyone else stays on the general version.
 */
export type Pilot = { storeIds?: string[]; segmentIds?: string[] };

export type PilotAudience = { storeId?: string | null; segmentIds: string[] };

export function pilotCovers(pilot: Pilot | null | undefined, audience: PilotAudience): boolean {
  if (!pilot) return true;
  const storeOk = !pilot.storeIds?.length || (audience.storeId != null && pilot.storeIds.includes(audience.storeId));
  const segmentOk = !pilot.segmentIds?.length || pilot.segmentIds.some((s) => audience.segmentIds.includes(s));
  return storeOk && segmentOk;
}

/** A pilot with no store and no segment is no pilot at all. */
export function isPilot(pilot: Pilot | null | undefined): pilot is Pilot {
  return Boolean(pilot && (pilot.storeIds?.length || pilot.segmentIds?.length));
}

/**
 * Runs once when a server instance starts: opens the database, applies
 * migrations and (on a fresh embedded database) seeds the demo, before the
 * first request. Skipped while `next build` prerenders pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getAppDatabase } = await import("@/lib/server/app-database");
  const database = await getAppDatabase();
  console.log(`Lazo: using ${database.location}`);
}

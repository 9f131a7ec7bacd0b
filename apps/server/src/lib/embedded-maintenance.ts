// Nightly VACUUM (ANALYZE) for the embedded database. PGlite runs PostgreSQL as
// a single session with no background workers, so there is no autovacuum:
// without this, updated and deleted rows would stay as dead tuples (tables and
// indexes grow, scans slow down) and the planner's statistics would age. A
// PostgreSQL server does this itself. Embedded, the one session is busy while
// it runs (seconds on a million catalogue items), so it runs at night.
import type { Database } from "@dangan/db";
import { type Kysely, sql } from "kysely";

/** Shanghai local hour (UTC+8, no daylight saving) at which the night's maintenance runs. */
export const MAINTENANCE_HOUR = 3;

/** Due once per night: in the maintenance hour, and not already done within the last 20 hours. */
export function maintenanceDue(now: Date, lastRun: Date | null): boolean {
  const hour = (now.getUTCHours() + 8) % 24;
  return hour === MAINTENANCE_HOUR && (!lastRun || now.getTime() - lastRun.getTime() > 20 * 3600_000);
}

/** Reclaims dead rows and refreshes statistics in every table. */
export async function vacuumAnalyze(db: Kysely<Database>): Promise<number> {
  const started = performance.now();
  await sql`VACUUM (ANALYZE)`.execute(db);
  return performance.now() - started;
}

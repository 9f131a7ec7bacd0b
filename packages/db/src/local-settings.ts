// Runs one read with planner settings that hold for it alone: a transaction
// whose BEGIN and `SET LOCAL`s go in one round trip (a simple-protocol message
// may hold several statements), then the read, then COMMIT. On PGlite every
// round trip costs about half a millisecond, so the usual BEGIN / SET / read /
// COMMIT would spend a whole one on ceremony.
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema/index.ts";

/** A planner setting: `name = value`, both from this code, never from a caller. */
export type LocalSetting = "plan_cache_mode = force_generic_plan" | "max_parallel_workers_per_gather = 0";

export async function withLocalSettings<T>(
  db: Kysely<Database>,
  settings: readonly LocalSetting[],
  read: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!settings.length) return read(db);
  // Inside a caller's transaction a SET LOCAL would outlive this read: use its settings as they are.
  if (db.isTransaction) return read(db);
  return db.connection().execute(async (conn) => {
    await sql.raw(`BEGIN; ${settings.map((s) => `SET LOCAL ${s}`).join("; ")}`).execute(conn);
    try {
      const result = await read(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw error;
    }
  });
}

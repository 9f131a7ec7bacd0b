// Brings a restore target to exactly the backup's schema: the backup's
// migrations, no more (a later one could change the rows before they are
// checked against the manifest). `dangan migrate` applies the rest afterwards.
import { type Database, loadMigrations, MigrationStateError, migrate } from "@dangan/db";
import type { Kysely } from "kysely";
import { refuse } from "./io.ts";

export async function migrateTo(
  db: Kysely<Database>,
  wanted: { version: string; sm3: string }[],
): Promise<{ ran: string[]; newer: string[] }> {
  const known = loadMigrations();
  wanted.forEach((m, i) => {
    const k = known[i];
    if (k?.version !== m.version || k.sm3 !== m.sm3)
      throw refuse(
        `The backup's schema (migration ${m.version}) is not one this Dangan knows: restore with the Dangan version that made the backup, or a newer one`,
      );
  });
  try {
    const ran = await migrate(db, { count: wanted.length });
    return { ran, newer: known.slice(wanted.length).map((m) => m.version) };
  } catch (error) {
    if (error instanceof MigrationStateError)
      throw refuse(`The target database cannot take this backup: ${error.message}`);
    throw error;
  }
}

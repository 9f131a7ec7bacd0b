// Plain SQL migrations in packages/db/migrations, applied in name order, each
// in its own transaction, under an advisory lock so two starts never race.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sm3Hex } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema/index.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));
const LOCK_KEY = 7_146_301; // arbitrary, fixed

export interface Migration {
  version: string;
  sql: string;
  sm3: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(`${dir}${f}`, "utf8");
      return { version: f.replace(/\.sql$/, ""), sql: text, sm3: sm3Hex(text) };
    });
}

export class MigrationStateError extends Error {
  override name = "MigrationStateError";
}

/**
 * Applies pending migrations; returns the versions applied. `count` stops after
 * the first N (a restore brings a target to exactly the backup's schema).
 */
export async function migrate(db: Kysely<Database>, opts: { count?: number } = {}): Promise<string[]> {
  const known = loadMigrations();
  const target = known.slice(0, opts.count ?? known.length);
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migration (
        version text PRIMARY KEY, sm3 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        conn,
      );
      const done = await conn
        .selectFrom("schemaMigration")
        .select(["version", "sm3"])
        .orderBy("version")
        .execute();
      done.forEach((row, i) => {
        const m = known.find((k) => k.version === row.version);
        if (!m)
          throw new MigrationStateError(
            `the database has migration ${row.version}, which this Dangan does not know`,
          );
        if (m.sm3 !== row.sm3)
          throw new MigrationStateError(`migration ${m.version} was changed after it was applied`);
        if (target[i]?.version !== row.version)
          throw new MigrationStateError(
            `the database is already at migration ${row.version}, beyond the target`,
          );
      });
      const ran: string[] = [];
      for (const m of target.slice(done.length)) {
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await trx.insertInto("schemaMigration").values({ version: m.version, sm3: m.sm3 }).execute();
        });
        ran.push(m.version);
      }
      return ran;
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

// Plain SQL migrations in packages/db/migrations, applied in name order, each
// in its own transaction, under an advisory lock so two starts never race.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sm3Hex } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

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

/** Applies pending migrations; returns the versions applied. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrations = loadMigrations();
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migration (
        version text PRIMARY KEY, sm3 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        conn,
      );
      const done = await conn.selectFrom("schemaMigration").select(["version", "sm3"]).execute();
      const applied = new Map(done.map((r) => [r.version, r.sm3]));
      const ran: string[] = [];
      for (const m of migrations) {
        const prior = applied.get(m.version);
        if (prior !== undefined) {
          if (prior !== m.sm3) throw new Error(`migration ${m.version} was changed after it was applied`);
          continue;
        }
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

// One way to reach the database in both modes: the `pg` driver, talking either
// to a PostgreSQL server (DATABASE_URL) or to PGlite on a worker thread
// (docs/adr/0001-database-access.md, 0002-embedded-mode.md).
import { mkdirSync } from "node:fs";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type EmbeddedDatabase, startEmbedded } from "./embedded/host.ts";
import { lockDataDir } from "./embedded/lock.ts";
import { namePreparedStatements } from "./prepared.ts";
import type { Database } from "./schema/index.ts";

// Same value types in both modes: int8 and numeric as JS numbers (counts and
// money stay far below 2^53), `date` as its 'YYYY-MM-DD' text (no time zone).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type DbMode = "embedded" | "server";

export interface DbHandle {
  mode: DbMode;
  db: Kysely<Database>;
  pool: pg.Pool;
  /** Human-readable target, without credentials. */
  target: string;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… selects server mode. */
  databaseUrl?: string | undefined;
  /** Embedded data folder; null keeps the embedded database in memory. */
  dataDir?: string | null;
  poolSize?: number;
}

export async function openDatabase(opts: DbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    keepErrorsInQueries(pool);
    namePreparedStatements(pool);
    const url = new URL(opts.databaseUrl);
    return handle("server", pool, `${url.hostname}:${url.port || 5432}${url.pathname}`, async () => {});
  }
  const dataDir = opts.dataDir === undefined ? "./data/pg" : opts.dataDir;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let embedded: EmbeddedDatabase;
  try {
    embedded = await startEmbedded(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  // PGlite is single-session: one pooled client keeps transactions whole.
  const pool = new pg.Pool({
    host: embedded.socketDir,
    port: embedded.port,
    user: "postgres",
    database: "postgres",
    max: 1,
    // Kept open while idle: reconnecting costs a round trip of start-up messages for nothing.
    idleTimeoutMillis: 0,
  });
  keepErrorsInQueries(pool);
  namePreparedStatements(pool);
  return handle("embedded", pool, dataDir ?? "memory", async () => {
    await embedded.stop();
    unlock();
  });
}

/**
 * A lost connection must not crash the process: the pool listens on idle
 * clients, but a client checked out (in a query or a transaction) would emit
 * "error" with no listener — an unhandled error that ends Node. Every client
 * gets a listener for its life; the failure reaches the caller as the query's
 * rejection (and becomes 503 DATABASE_UNAVAILABLE).
 */
function keepErrorsInQueries(pool: pg.Pool): void {
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
}

function handle(mode: DbMode, pool: pg.Pool, target: string, stop: () => Promise<void>): DbHandle {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
  let closed = false;
  return {
    mode,
    db,
    pool,
    target,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await stop();
    },
  };
}

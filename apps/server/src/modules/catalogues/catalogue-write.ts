// Writing an import's rows into catalogue_item, in ONE transaction with the
// catalogue and its audit event — all or nothing. On a PostgreSQL server the
// rows stream in through COPY FROM STDIN (pg-copy-streams) while the file is
// still being checked. The embedded database's socket does not speak the COPY
// sub-protocol (PGlite answers "protocol synchronization was lost" and drops
// the session), so there the checked rows are spooled and go in afterwards as
// INSERT … SELECT FROM unnest(…) batches of column arrays.
import { createReadStream } from "node:fs";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Database, type DbHandle, inTransaction, type Tx } from "@dangan/db";
import type { AuditEventDraft, CatalogueRow } from "@dangan/domain";
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ITEM_COLUMNS, LineWriter, type RowIds, type RowSink, spoolBatches } from "./catalogue-spool.ts";

const INSERT_BATCH = 5000;
const COLUMNS = ITEM_COLUMNS.join(", ");
export const COPY_SQL = `COPY catalogue_item (${COLUMNS}) FROM STDIN`;
const TYPES = [
  "uuid",
  "uuid",
  "uuid",
  "int",
  "text",
  "text",
  "text",
  "int",
  "int",
  "int",
  "text",
  "text",
  "text",
  "text",
  "text", // title_search
  "text", // title_bigrams as array literals, cast per row (unnest would flatten a text[][])
];
const COLS = TYPES.map((_, i) => `c${i + 1}`);
const UNNEST_SQL = `INSERT INTO catalogue_item (${COLUMNS}) SELECT ${COLS.slice(0, -1).join(", ")}, ${COLS.at(-1)}::text[]
  FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) AS t(${COLS.join(", ")})`;

export type WriteMethod = "copy" | "insert";

export const writeMethodFor = (dbh: DbHandle, forced?: WriteMethod): WriteMethod =>
  forced ?? (dbh.mode === "server" ? "copy" : "insert");

/** Rows straight into COPY; a failure (e.g. a unique violation) is kept, not thrown, so checking goes on. */
export class CopySink implements RowSink {
  failed: unknown = null;
  private readonly writer: LineWriter;

  constructor(
    stream: Writable,
    ids: RowIds,
    private readonly onRows: (n: number) => void,
  ) {
    this.writer = new LineWriter(stream, ids);
    stream.on("error", (e) => {
      this.failed ??= e;
    });
  }

  async add(seq: number, r: CatalogueRow): Promise<void> {
    if (this.failed) return;
    try {
      await this.writer.add(seq, r);
      if (seq % 1000 === 0) this.onRows(seq);
    } catch (e) {
      this.failed ??= e;
    }
  }

  async close(): Promise<void> {
    if (this.failed) return;
    await this.writer.close().catch((e: unknown) => {
      this.failed ??= e;
    });
  }
}

/** Streams a spool file into catalogue_item with batched INSERTs; returns the rows written. */
export async function insertSpool(
  client: pg.PoolClient,
  spoolPath: string,
  onRows: (n: number) => void,
): Promise<number> {
  let rows = 0;
  for await (const columns of spoolBatches(spoolPath, INSERT_BATCH)) {
    await client.query(UNNEST_SQL, columns);
    rows += columns[0]!.length;
    onRows(rows);
  }
  return rows;
}

/** Raw COPY of a spool file (the benchmark's baseline). */
export async function copySpool(client: pg.PoolClient, spoolPath: string): Promise<void> {
  await pipeline(createReadStream(spoolPath, { highWaterMark: 1 << 20 }), client.query(copyFrom(COPY_SQL)));
}

export const openCopy = (client: pg.PoolClient): Writable => client.query(copyFrom(COPY_SQL));

/** A Kysely bound to one pg client, so a transaction and COPY share the session. */
function pinned(client: pg.PoolClient): Kysely<Database> {
  const pool = {
    connect: async () => ({ query: client.query.bind(client), release() {} }),
    end: async () => {},
  };
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as never }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
}

/** Runs `work` in one transaction on a dedicated client it can also COPY through. */
export async function inImportTransaction<T>(
  dbh: DbHandle,
  actor: { userId: string | null; orgId: string | null },
  work: (trx: Tx, client: pg.PoolClient, audit: { record(d: AuditEventDraft): void }) => Promise<T>,
): Promise<T> {
  const client = await dbh.pool.connect();
  const db = pinned(client);
  let broken = false;
  try {
    return await inTransaction(db, actor, (trx, audit) => work(trx, client, audit));
  } catch (error) {
    // An SQL error (it has an SQLSTATE) leaves the session usable after the
    // rollback; anything else on a server (e.g. a stream failing mid-COPY)
    // may not, and the pool replaces that client. PGlite's one session stays.
    broken = dbh.mode === "server" && typeof (error as { code?: unknown }).code !== "string";
    throw error;
  } finally {
    client.release(broken || undefined);
    await db.destroy();
  }
}

/** Serialises imports into one project (and their checks against what it holds). */
export const lockProjectCatalogues = (trx: Tx, projectId: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtext(${`catalogue:${projectId}`}))`.execute(trx);

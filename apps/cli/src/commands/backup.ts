// `dangan backup <file>`: a logical backup that restores into either database
// mode [D-12.2]: every table of the schema, sequences, the attachment blobs and
// a manifest of counts and digests, read in one consistent snapshot.
import { createHash, createHmac } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { verifyAuditChain } from "@dangan/db";
import { BlobStore, type Config } from "@dangan/server";
import { Command } from "commander";
import { BackupWriter, CHUNK_BYTES, FORMAT, FORMAT_VERSION, type Manifest } from "../lib/backup-file.ts";
import { dependencyOrder, describeTables, hasTable, listSequences, referencedBlobs } from "../lib/catalog.ts";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { type GlobalOptions, withDatabase } from "../lib/context.ts";
import { CliError, EXIT, type Io, refuse } from "../lib/io.ts";
import { TableDigest, tableRows } from "../lib/rows.ts";
import { canonicalSession, type Db, ident, query } from "../lib/sql.ts";

export function backupCommand(cli: Cli): Command {
  return new Command("backup")
    .description("Write a logical backup (tables, sequences, blobs, manifest) to a .jsonl.gz file")
    .argument("<file>", "backup file to create, e.g. dangan-2026-06-30.jsonl.gz")
    .option("--force", "overwrite the file if it exists")
    .action(
      action(cli, async (file: string, _opts: object, cmd: Command) => backup(file, optionsOf(cmd), cli.io)),
    );
}

export const secretFingerprint = (secret: Buffer) =>
  createHmac("sm3", secret).update("dangan backup: instance secret fingerprint").digest("hex").slice(0, 32);

export async function backup(
  file: string,
  opts: GlobalOptions & { force?: boolean },
  io: Io,
): Promise<number> {
  const path = resolve(file);
  if (!opts.force && (await stat(path).catch(() => null)))
    throw refuse(`${path} exists (pass --force to overwrite)`);
  return withDatabase(opts, io, async (dbh, config) => {
    if (!(await hasTable(dbh.db, "schema_migration")))
      throw refuse("This database has no Dangan schema: nothing to back up");
    const w = BackupWriter.create(path);
    let manifest: Manifest;
    try {
      manifest = await dbh.db
        .transaction()
        .setIsolationLevel("repeatable read")
        .setAccessMode("read only")
        .execute(async (trx) => {
          await canonicalSession(trx);
          return writeAll(trx, w, config, dbh.mode, dbh.target, io);
        });
      await w.finish();
    } catch (error) {
      await w.abort();
      throw error;
    }
    const { size } = await stat(path);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    io.out(`Backup written: ${path} (${size} bytes)`);
    io.out(
      `  ${manifest.tables.length} tables, ${rows} rows; ${manifest.blobs.count} blobs (${manifest.blobs.bytes} bytes)`,
    );
    const a = manifest.audit;
    io.out(`  audit chain: ${a.count} events, head ${a.head.seq}:${a.head.hash}`);
    if (!a.intact) {
      io.err(
        `✗ The audit chain is BROKEN at seq ${a.firstBreak?.seq} (${a.firstBreak?.kind}); the backup keeps it as found.`,
      );
      return EXIT.FAILED;
    }
    return EXIT.OK;
  });
}

async function writeAll(trx: Db, w: BackupWriter, config: Config, mode: string, target: string, io: Io) {
  const createdAt = new Date().toISOString();
  const tables = dependencyOrder(await describeTables(trx));
  const migrations = await query<{ version: string; sm3: string }>(
    trx,
    "SELECT version, sm3 FROM schema_migration ORDER BY version",
  );
  await w.record({
    kind: "header",
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt,
    source: { mode, target },
    migrations,
    tables: tables.map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
      primaryKey: t.primaryKey,
    })),
    secretFingerprint: secretFingerprint(config.secret),
  });

  const counts = [];
  for (const table of tables) {
    await w.record({ kind: "table", name: table.name });
    const digest = new TableDigest();
    for await (const row of tableRows(trx, table)) {
      digest.add(row);
      await w.row(row);
    }
    const count = { name: table.name, rows: digest.rows, sm3: digest.hex() };
    await w.record({ kind: "tableEnd", ...count });
    counts.push(count);
    io.err(`  ${table.name}: ${count.rows} rows`);
  }

  const sequences = [];
  for (const name of await listSequences(trx)) {
    const [s] = await query<{ v: string; c: boolean }>(
      trx,
      `SELECT last_value::text AS v, is_called AS c FROM public.${ident(name)}`,
    );
    const seq = { name, value: s!.v, isCalled: s!.c };
    await w.record({ kind: "sequence", ...seq });
    sequences.push(seq);
  }

  const chain = await verifyAuditChain(trx, (n) => io.progress(`  audit chain: ${n} events verified…`));
  io.progress("");
  const blobs = await packBlobs(trx, w, new BlobStore(config.blobDir), io);

  const manifest: Manifest = {
    kind: "manifest",
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt,
    migrations: migrations.map((m) => m.version),
    tables: counts,
    sequences,
    blobs,
    audit: { count: chain.count, head: chain.head, intact: chain.ok, firstBreak: chain.firstBreak },
  };
  await w.record(manifest);
  return manifest;
}

/** Every blob the database references (BLOB_COLUMNS), checked against its SM3 as it is packed. */
async function packBlobs(trx: Db, w: BackupWriter, store: BlobStore, io: Io) {
  let count = 0;
  let bytes = 0;
  for await (const sm3 of referencedBlobs(trx)) {
    bytes += await packBlob(w, store, sm3);
    count++;
  }
  io.err(`  blobs: ${count} (${bytes} bytes)`);
  return { count, bytes };
}

async function packBlob(w: BackupWriter, store: BlobStore, sm3: string): Promise<number> {
  const path = store.pathOf(sm3);
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new CliError(`Blob ${sm3} (referenced by the database) is missing from ${store.dir}`);
    },
  );
  await w.record({ kind: "blob", sm3, size });
  const hash = createHash("sm3");
  let read = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
    read += (chunk as Buffer).length;
    await w.chunk(chunk as Buffer);
  }
  if (read !== size || hash.digest("hex") !== sm3)
    throw new CliError(`Blob ${sm3} is corrupt: its content no longer matches its SM3 (${path})`);
  return size;
}

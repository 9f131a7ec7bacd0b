// `dangan restore <file>`: loads a backup into an empty target, in either
// database mode, in ONE transaction: a failure anywhere (corrupt file, digest
// or audit-chain mismatch) leaves the target as it was [D-12.2].
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { appendAuditEvents, type Database } from "@dangan/db";
import type { ChainedEvent } from "@dangan/domain";
import { BlobStore, type Config } from "@dangan/server";
import { Command } from "commander";
import type { Transaction } from "kysely";
import {
  FORMAT,
  FORMAT_VERSION,
  type Header,
  type Line,
  type Manifest,
  readLines,
} from "../lib/backup-file.ts";
import { BlobStaging } from "../lib/blob-staging.ts";
import { dependencyOrder, describeTables, type Table } from "../lib/catalog.ts";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { describeTarget, type GlobalOptions, withDatabase } from "../lib/context.ts";
import { CliError, EXIT, type Io, refuse } from "../lib/io.ts";
import { migrateTo } from "../lib/migrate-to.ts";
import { applyRecords } from "../lib/restore-stream.ts";
import {
  assertEmptyTarget,
  assertSameSchema,
  checkForeignKeys,
  clearTables,
  deferForeignKeys,
} from "../lib/restore-target.ts";
import { verifyRestored } from "../lib/restore-verify.ts";
import { canonicalSession } from "../lib/sql.ts";
import { secretFingerprint } from "./backup.ts";

export interface RestoreOptions extends GlobalOptions {
  allowSecretMismatch?: boolean;
}

export function restoreCommand(cli: Cli): Command {
  return new Command("restore")
    .description("Restore a backup into an empty data folder or PostgreSQL database, then verify it")
    .argument("<file>", "a file written by dangan backup")
    .option("--allow-secret-mismatch", "restore even though the organisations' signing keys will not open")
    .action(
      action(cli, async (file: string, _opts: object, cmd: Command) => restore(file, optionsOf(cmd), cli.io)),
    );
}

export async function restore(file: string, opts: RestoreOptions, io: Io): Promise<number> {
  const path = resolve(file);
  if (!(await stat(path).catch(() => null))?.isFile()) throw refuse(`No backup file at ${path}`);
  return withDatabase(opts, io, async (dbh, config) => {
    const where = describeTarget(config, dbh);
    await assertEmptyTarget(dbh.db, where);
    const lines = readLines(path);
    try {
      const header = await readHeader(lines);
      checkSecret(header, config, opts);
      const { ran, newer } = await migrateTo(dbh.db, header.migrations);
      if (ran.length) io.err(`Applied migrations up to the backup's schema: ${ran.join(", ")}`);
      const tables = dependencyOrder(await describeTables(dbh.db));
      assertSameSchema(header.tables, tables);

      io.err(`Restoring ${path} (made ${header.createdAt}, ${header.source.mode}) into ${where}`);
      const staging = new BlobStaging(new BlobStore(config.blobDir));
      let done: { manifest: Manifest; event: ChainedEvent };
      try {
        done = await dbh.db
          .transaction()
          .execute((trx) => loadAndVerify(trx, { path, header, tables, lines, staging, io }));
      } catch (error) {
        await staging.discard();
        if (error instanceof CliError) throw error;
        throw new CliError(`Restore failed, nothing was restored: ${(error as Error).message}`);
      }
      await staging.commit().catch((error: Error) => {
        throw new CliError(
          `The database was restored, but moving the blobs into ${config.blobDir} failed: ${error.message}`,
          EXIT.FAILED,
          [`The verified blobs are in ${staging.dir}: move each <sm3> file to <blobs>/<first 2 hex>/<sm3>.`],
        );
      });
      return printSummary(io, { path, where, newer, staging, ...done });
    } finally {
      await lines.return(undefined);
    }
  });
}

interface Load {
  path: string;
  header: Header;
  tables: Table[];
  lines: AsyncGenerator<Line>;
  staging: BlobStaging;
  io: Io;
}

async function loadAndVerify(trx: Transaction<Database>, { path, header, tables, lines, staging, io }: Load) {
  await canonicalSession(trx);
  const deferred = await deferForeignKeys(trx);
  await clearTables(trx, tables);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const { manifest, loaded } = await applyRecords(trx, lines, byName, staging, io);
  await checkForeignKeys(trx, deferred);
  const problems = await verifyRestored(trx, tables, loaded, manifest, staging, io);
  if (problems.length)
    throw new CliError(
      "The restored data does not match the backup; nothing was restored",
      EXIT.FAILED,
      problems,
    );
  // The restore itself goes on the record, continuing the restored chain.
  const [event] = await appendAuditEvents(trx, { userId: null, orgId: null }, [
    {
      action: "system.restored",
      entityType: "system",
      entityId: "backup",
      payload: {
        operator: "dangan restore",
        file: path,
        backupCreatedAt: header.createdAt,
        source: header.source.mode,
        restoredHead: manifest.audit.head,
        tables: manifest.tables.length,
        rows: totalRows(manifest),
        blobs: manifest.blobs.count,
      },
      scopeOrgIds: [],
    },
  ]);
  return { manifest, event: event! };
}

const totalRows = (m: Manifest) => m.tables.reduce((n, t) => n + t.rows, 0);

function checkSecret(header: Header, config: Config, opts: RestoreOptions): void {
  if (header.secretFingerprint === secretFingerprint(config.secret) || opts.allowSecretMismatch) return;
  throw refuse("The target's instance secret is not the one the backup was made with", [
    "The organisations' signing keys would not open. Copy the source's secret.key into",
    `${config.dataDir}/ (or set DANGAN_SECRET) and run restore again, or pass --allow-secret-mismatch.`,
  ]);
}

async function readHeader(lines: AsyncGenerator<Line>): Promise<Header> {
  let first: IteratorResult<Line>;
  try {
    first = await lines.next();
  } catch (error) {
    throw new CliError(`Not a readable Dangan backup: ${(error as Error).message}`);
  }
  const h = first.done ? null : first.value;
  if (h?.kind !== "header" || h.format !== FORMAT)
    throw new CliError("Not a Dangan backup (no header record)");
  if (h.version > FORMAT_VERSION)
    throw refuse(`Backup format ${h.version} is newer than this Dangan reads (${FORMAT_VERSION})`);
  return h;
}

function printSummary(
  io: Io,
  r: {
    path: string;
    where: string;
    newer: string[];
    staging: BlobStaging;
    manifest: Manifest;
    event: ChainedEvent;
  },
): number {
  const { manifest: m, event, staging } = r;
  io.out(`Restored ${r.path} into ${r.where}`);
  io.out(`  ${m.tables.length} tables, ${totalRows(m)} rows — every table matches its manifest digest`);
  io.out(
    `  ${m.sequences.length} sequences; ${staging.staged.size} blobs (${staging.bytes} bytes), SM3 verified`,
  );
  io.out(
    `  audit chain: ${m.audit.count} events as backed up, head ${m.audit.head.seq}:${m.audit.head.hash}`,
  );
  io.out(`  recorded as event ${event.seq} (system.restored): new head ${event.seq}:${event.hash}`);
  if (r.newer.length)
    io.out(`  Newer migrations not applied yet: ${r.newer.join(", ")} (run: dangan migrate)`);
  if (m.audit.intact) return EXIT.OK;
  const b = m.audit.firstBreak;
  io.err(`✗ The backed-up audit chain was already BROKEN at seq ${b?.seq} (${b?.kind}); restored as found.`);
  return EXIT.FAILED;
}

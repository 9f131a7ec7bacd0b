// The restored database, checked inside the restore transaction before it
// commits: every table's digest recomputed from the database, the audit chain
// re-verified, every referenced blob present.
import { type Database, verifyAuditChain } from "@dangan/db";
import type { Transaction } from "kysely";
import type { Manifest, TableCount } from "./backup-file.ts";
import type { BlobStaging } from "./blob-staging.ts";
import { referencedBlobs, type Table } from "./catalog.ts";
import type { Io } from "./io.ts";
import { digestTable } from "./rows.ts";

export async function verifyRestored(
  trx: Transaction<Database>,
  tables: Table[],
  loaded: TableCount[],
  manifest: Manifest,
  blobs: BlobStaging,
  io: Io,
): Promise<string[]> {
  const problems: string[] = [];
  for (const table of tables) {
    const want = manifest.tables.find((t) => t.name === table.name);
    const read = loaded.find((t) => t.name === table.name);
    if (!want || !read) {
      problems.push(`table ${table.name}: not in the backup's manifest`);
      continue;
    }
    if (read.rows !== want.rows || read.sm3 !== want.sm3)
      problems.push(`table ${table.name}: the file's rows do not match its manifest`);
    const got = await digestTable(trx, table);
    if (got.rows !== want.rows || got.sm3 !== want.sm3)
      problems.push(
        `table ${table.name}: restored ${got.rows} rows (digest ${got.sm3}), manifest ${want.rows} (${want.sm3})`,
      );
  }

  const chain = await verifyAuditChain(trx, (n) => io.progress(`  audit chain: ${n} events verified…`));
  io.progress("");
  const a = manifest.audit;
  const same =
    chain.ok === a.intact &&
    chain.count === a.count &&
    chain.head.seq === a.head.seq &&
    chain.head.hash === a.head.hash &&
    JSON.stringify(chain.firstBreak) === JSON.stringify(a.firstBreak);
  if (!same)
    problems.push(
      `audit chain: restored ${chain.count} events, head ${chain.head.seq}:${chain.head.hash}, ${chain.ok ? "intact" : `broken at ${chain.firstBreak?.seq}`}; the manifest says ${a.count}, ${a.head.seq}:${a.head.hash}`,
    );

  if (blobs.staged.size !== manifest.blobs.count)
    problems.push(`blobs: ${blobs.staged.size} in the file, ${manifest.blobs.count} in the manifest`);
  for await (const sm3 of referencedBlobs(trx))
    if (!(await blobs.has(sm3))) problems.push(`blob ${sm3}: referenced by the database but absent`);
  return problems;
}

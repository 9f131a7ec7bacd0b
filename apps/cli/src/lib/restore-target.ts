// Preparing the restore target: it must hold no data, its schema must match the
// backup's, and within the restore transaction foreign keys are checked at the
// end (rows arrive in key order, which need not be reference order).
import type { TableShape } from "./backup-file.ts";
import { type ForeignKey, foreignKeys, hasTable, type Table } from "./catalog.ts";
import { refuse } from "./io.ts";
import { type Db, ident, qualified, query } from "./sql.ts";

/** Empty means: no organisations and no audit events (a new data folder or a just-migrated database). */
export async function assertEmptyTarget(db: Db, where: string): Promise<void> {
  for (const table of ["organisation", "audit_event"]) {
    if (!(await hasTable(db, table))) continue;
    const [r] = await query<{ any: boolean }>(db, `SELECT EXISTS (SELECT 1 FROM ${qualified(table)}) AS any`);
    if (r?.any)
      throw refuse(`The target is not empty (${table} has rows): ${where}`, [
        "Restore only into a new data folder or an empty (or just-migrated) PostgreSQL database.",
      ]);
  }
}

export function assertSameSchema(backup: TableShape[], target: Table[]): void {
  const problems: string[] = [];
  const byName = new Map(target.map((t) => [t.name, t]));
  for (const b of backup) {
    const t = byName.get(b.name);
    const shape = (cols: { name: string; type: string }[]) =>
      cols.map((c) => `${c.name} ${c.type}`).join(", ");
    if (!t) problems.push(`table ${b.name} is missing from the target`);
    else if (shape(t.columns) !== shape(b.columns))
      problems.push(`table ${b.name}: backup has (${shape(b.columns)}), target has (${shape(t.columns)})`);
  }
  for (const t of target)
    if (!backup.some((b) => b.name === t.name)) problems.push(`table ${t.name} exists only in the target`);
  if (problems.length) throw refuse("The target's schema differs from the backup's", problems);
}

export async function deferForeignKeys(trx: Db): Promise<ForeignKey[]> {
  const fks = (await foreignKeys(trx)).filter((f) => !f.deferrable);
  for (const f of fks)
    await query(
      trx,
      `ALTER TABLE ${qualified(f.tbl)} ALTER CONSTRAINT ${ident(f.name)} DEFERRABLE INITIALLY DEFERRED`,
    );
  return fks;
}

/** Checks every deferred reference now, then puts the constraints back as they were. */
export async function checkForeignKeys(trx: Db, deferred: ForeignKey[]): Promise<void> {
  await query(trx, "SET CONSTRAINTS ALL IMMEDIATE");
  for (const f of deferred)
    await query(trx, `ALTER TABLE ${qualified(f.tbl)} ALTER CONSTRAINT ${ident(f.name)} NOT DEFERRABLE`);
}

/** Removes rows the migrations themselves wrote (schema_migration, reference data): the backup has them too. */
export async function clearTables(trx: Db, tables: Table[]): Promise<void> {
  for (const t of [...tables].reverse()) {
    const [r] = await query<{ any: boolean }>(
      trx,
      `SELECT EXISTS (SELECT 1 FROM ${qualified(t.name)}) AS any`,
    );
    if (r?.any) await query(trx, `DELETE FROM ${qualified(t.name)}`);
  }
}

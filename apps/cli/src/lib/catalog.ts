// What the migrations created, read from the catalog, so tables added later are
// backed up without code changes. Tables owned by extensions are left out.
import type { Db } from "./sql.ts";
import { query } from "./sql.ts";

export interface Column {
  name: string;
  type: string;
  /** Generated columns are recomputed by the database, never inserted. */
  generated: boolean;
  identityAlways: boolean;
  /** Text-like columns sort by collation; keys are ordered with COLLATE "C" everywhere. */
  collatable: boolean;
}

export interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Tables this one references (foreign keys), itself excluded. */
  references: string[];
}

const OWN_RELATION = `n.nspname = 'public' AND NOT EXISTS
  (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')`;

export async function hasTable(db: Db, name: string): Promise<boolean> {
  const rows = await query(db, "SELECT to_regclass($1) IS NOT NULL AS found", [`public.${name}`]);
  return rows[0]?.found === true;
}

export async function describeTables(db: Db): Promise<Table[]> {
  const tables = await query<{ name: string }>(
    db,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${OWN_RELATION} ORDER BY 1`,
  );
  const columns = await query<{
    tbl: string;
    name: string;
    type: string;
    gen: boolean;
    ident: boolean;
    coll: boolean;
  }>(
    db,
    `SELECT c.relname AS tbl, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attgenerated <> '' AS gen, a.attidentity = 'a' AS ident, a.attcollation <> 0 AS coll
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${OWN_RELATION}
     ORDER BY c.relname, a.attnum`,
  );
  const keys = await query<{ tbl: string; col: string }>(
    db,
    `SELECT c.relname AS tbl, a.attname AS col
     FROM pg_constraint p JOIN pg_class c ON c.oid = p.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
     WHERE p.contype = 'p' AND n.nspname = 'public' ORDER BY c.relname, k.ord`,
  );
  const fks = await foreignKeys(db);
  return tables.map(({ name }) => ({
    name,
    columns: columns
      .filter((c) => c.tbl === name)
      .map((c) => ({
        name: c.name,
        type: c.type,
        generated: c.gen,
        identityAlways: c.ident,
        collatable: c.coll,
      })),
    primaryKey: keys.filter((k) => k.tbl === name).map((k) => k.col),
    references: [...new Set(fks.filter((f) => f.tbl === name && f.ref !== name).map((f) => f.ref))],
  }));
}

export interface ForeignKey {
  tbl: string;
  ref: string;
  name: string;
  deferrable: boolean;
}

/** Declared foreign keys; the copies PostgreSQL keeps on each partition follow their parent's. */
export function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return query<ForeignKey>(
    db,
    `SELECT c.relname AS tbl, r.relname AS ref, p.conname AS name, p.condeferrable AS deferrable
     FROM pg_constraint p JOIN pg_class c ON c.oid = p.conrelid JOIN pg_class r ON r.oid = p.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE p.contype = 'f' AND p.conparentid = 0 AND n.nspname = 'public' ORDER BY 1, 3`,
  );
}

export async function listSequences(db: Db): Promise<string[]> {
  const rows = await query<{ name: string }>(
    db,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'S' AND ${OWN_RELATION} ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Referenced tables first; ties and cycles fall back to name order (restore defers the checks anyway). */
export function dependencyOrder(tables: Table[]): Table[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: Table[] = [];
  const visit = (t: Table) => {
    if (done.has(t.name) || visiting.has(t.name)) return;
    visiting.add(t.name);
    for (const ref of t.references) {
      const r = byName.get(ref);
      if (r) visit(r);
    }
    visiting.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return out;
}

/**
 * Every column that names a blob of the content-addressed store by its SM3.
 * A module that stores a blob outside the attachment table adds its column here,
 * or the backup would leave its bytes behind.
 */
export const BLOB_COLUMNS = [
  { table: "attachment", column: "sm3" },
  { table: "remote_copy_delivery", column: "sm3" }, // D-3.12 delivered copies
  { table: "return_check", column: "report_sm3" }, // D-11.1 written reports
] as const;

/** The distinct SM3s every blob column references, in order, a page at a time. */
export async function* referencedBlobs(db: Db, pageSize = 500): AsyncGenerator<string> {
  const present = [];
  for (const c of BLOB_COLUMNS) if (await hasTable(db, c.table)) present.push(c);
  if (present.length === 0) return;
  const union = present
    .map((c) => `SELECT ${c.column} COLLATE "C" AS sm3 FROM ${c.table} WHERE ${c.column} IS NOT NULL`)
    .join(" UNION ");
  let after = "";
  for (;;) {
    const page = await query<{ sm3: string }>(
      db,
      `SELECT DISTINCT sm3 FROM (${union}) b WHERE sm3 > $1 ORDER BY 1 LIMIT ${pageSize}`,
      [after],
    );
    for (const r of page) yield r.sm3;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.sm3;
  }
}

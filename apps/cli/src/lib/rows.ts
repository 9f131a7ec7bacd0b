// A table's canonical content: each row as PostgreSQL's row_to_json text, in
// primary-key order (COLLATE "C", so every server sorts alike), read page by
// page so that no table is ever held whole in memory. The digest is SM3 over
// these lines, each followed by "\n".
import { createHash, type Hash } from "node:crypto";
import type { Column, Table } from "./catalog.ts";
import { type Db, ident, qualified, query } from "./sql.ts";

const PAGE_ROWS = 500;

const keyExpr = (c: Column) => `t.${ident(c.name)}${c.collatable ? ' COLLATE "C"' : ""}`;

/** Yields each row's JSON text. Call inside a transaction that ran canonicalSession(). */
export async function* tableRows(db: Db, table: Table, pageRows = PAGE_ROWS): AsyncGenerator<string> {
  const keyCols = table.primaryKey.map((k) => table.columns.find((c) => c.name === k)!);
  if (keyCols.length === 0) {
    // No key to page by: order by the whole row and page by offset.
    for (let offset = 0; ; offset += pageRows) {
      const rows = await query<{ j: string }>(
        db,
        `SELECT row_to_json(t.*)::text AS j FROM ${qualified(table.name)} t
         ORDER BY row_to_json(t.*)::text COLLATE "C" LIMIT ${pageRows} OFFSET ${offset}`,
      );
      for (const r of rows) yield r.j;
      if (rows.length < pageRows) return;
    }
  }
  const order = keyCols.map(keyExpr).join(", ");
  const keysOut = keyCols.map((c, i) => `t.${ident(c.name)}::text AS k${i}`).join(", ");
  const after = keyCols.map((c, i) => `$${i + 1}::${c.type}${c.collatable ? ' COLLATE "C"' : ""}`).join(", ");
  let last: string[] | null = null;
  for (;;) {
    const where = last ? `WHERE (${order}) > (${after})` : "";
    const rows: Record<string, string>[] = await query<Record<string, string>>(
      db,
      `SELECT row_to_json(t.*)::text AS j, ${keysOut} FROM ${qualified(table.name)} t ${where}
       ORDER BY ${order} LIMIT ${pageRows}`,
      last ?? [],
    );
    for (const r of rows) yield r.j!;
    if (rows.length < pageRows) return;
    const end = rows[rows.length - 1]!;
    last = keyCols.map((_, i) => end[`k${i}`]!);
  }
}

/** Counts and digests rows as they pass. */
export class TableDigest {
  private readonly hash: Hash = createHash("sm3");
  rows = 0;
  add(rowJson: string): void {
    this.hash.update(rowJson);
    this.hash.update("\n");
    this.rows++;
  }
  hex(): string {
    return this.hash.digest("hex");
  }
}

export async function digestTable(db: Db, table: Table): Promise<{ rows: number; sm3: string }> {
  const d = new TableDigest();
  for await (const row of tableRows(db, table)) d.add(row);
  return { rows: d.rows, sm3: d.hex() };
}

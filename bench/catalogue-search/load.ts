// Loads N generated catalogue items the way the import's embedded write phase
// does (INSERT … SELECT FROM unnest, the bigrams computed in JS by the same
// function), with the search indexes dropped during the load and built after
// (the import's own cost is measured by bench/catalogue-import.ts).
import type { Database } from "@dangan/db";
import { titleSearchBigrams, titleSearchText } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { bigramsLiteral } from "../../apps/server/src/modules/catalogues/catalogue-spool.ts";
import { benchRows } from "./titles.ts";

const BATCH = 10_000;

export interface LoadIds {
  catalogueId: string;
  projectId: string;
  clientOrgId: string;
}

export interface Loaded {
  titles: string[];
  /** Titles holding each bigram (= a two-character word's exact match count). */
  df: Map<string, number>;
  loadSeconds: number;
  indexSeconds: number;
}

const INDEXES = {
  catalogue_item_title_bigrams:
    "CREATE INDEX catalogue_item_title_bigrams ON catalogue_item USING gin (title_bigrams) WITH (fastupdate = on)",
  catalogue_item_reference_prefix:
    "CREATE INDEX catalogue_item_reference_prefix ON catalogue_item (reference_code text_pattern_ops)",
};

export async function load(db: Kysely<Database>, ids: LoadIds, rows: number): Promise<Loaded> {
  for (const name of Object.keys(INDEXES)) await sql.raw(`DROP INDEX ${name}`).execute(db);
  const titles: string[] = [];
  const df = new Map<string, number>();
  const start = performance.now();
  let g = 0;
  let batch: {
    r: number;
    c: string;
    t: string;
    y: number;
    k: string;
    b: string;
    bg: string;
    ts: string | null;
  }[] = [];
  const write = async () => {
    await sql`INSERT INTO catalogue_item (catalogue_id, project_id, client_org_id, row_no, reference_code, title,
        year, category, box_no, title_bigrams, title_search, quantity, pages, retention_period)
      SELECT ${ids.catalogueId}::uuid, ${ids.projectId}::uuid, ${ids.clientOrgId}::uuid, r, c, t, y, k, b, bg::text[], ts, 1, 10, 'Y'
        FROM unnest(${batch.map((x) => x.r)}::int[], ${batch.map((x) => x.c)}::text[], ${batch.map((x) => x.t)}::text[],
          ${batch.map((x) => x.y)}::int[], ${batch.map((x) => x.k)}::text[], ${batch.map((x) => x.b)}::text[],
          ${batch.map((x) => x.bg)}::text[], ${batch.map((x) => x.ts)}::text[]) AS x(r, c, t, y, k, b, bg, ts)`.execute(
      db,
    );
    batch = [];
  };
  for (const row of benchRows(rows)) {
    g++;
    titles.push(row.title);
    for (const b of titleSearchBigrams(row.title)) df.set(b, (df.get(b) ?? 0) + 1);
    batch.push({
      r: g,
      c: row.referenceCode,
      t: row.title,
      y: row.year,
      k: row.category,
      b: row.boxNo,
      bg: bigramsLiteral(row.title)!,
      ts: titleSearchText(row.title),
    });
    if (batch.length === BATCH) await write();
  }
  if (batch.length) await write();
  const loadSeconds = (performance.now() - start) / 1000;
  const t1 = performance.now();
  for (const ddl of Object.values(INDEXES)) await sql.raw(ddl).execute(db);
  await sql`ANALYZE catalogue_item`.execute(db);
  return { titles, df, loadSeconds, indexSeconds: (performance.now() - t1) / 1000 };
}

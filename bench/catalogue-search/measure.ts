// Latency of the search the API runs (page of 20 + capped count), per query, in the
// API's default catalogue order or a requested sort,
// with the indexes, and as a plain LIKE on the raw column with bitmap and index
// scans disabled (the full scan).
import type { Database } from "@dangan/db";
import type { CatalogueSearchScope } from "@dangan/domain";
import { referencePrefix, titleQuery } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import {
  catalogueSearchRepository,
  DEFAULT_COUNT_CAP,
  type SearchRepositoryOptions,
  type SearchSort,
} from "../../apps/server/src/modules/catalogue-search/catalogue-search.repository.ts";
import { searchStatsCache, titlePlan } from "../../apps/server/src/modules/catalogue-search/title-plan.ts";

export interface Latency {
  p50: number;
  p95: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function measureQueries(
  db: Kysely<Database>,
  scope: CatalogueSearchScope,
  kind: "title" | "ref",
  queries: readonly string[],
  reps: number,
  fullScan: boolean,
  sort: SearchSort = "catalogue",
  /** As the service builds the repository (catalogue-search.service.ts). */
  repoOptions: SearchRepositoryOptions = {},
): Promise<Latency> {
  return db.connection().execute(async (conn) => {
    const flag = fullScan ? "off" : "on";
    await sql.raw(`SET enable_bitmapscan = ${flag}`).execute(conn);
    await sql.raw(`SET enable_indexscan = ${flag}`).execute(conn);
    const repo = catalogueSearchRepository(conn, repoOptions);
    const stats = await searchStatsCache(conn).get();
    const times: number[] = [];
    for (let r = 0; r < reps; r++)
      for (const q of queries) {
        // As the service does: the plan by the word's share, in catalogue order only (title-plan.ts).
        const title = titleQuery(q);
        const plan = title && sort === "catalogue" ? titlePlan(title, scope, stats) : "index";
        const f = kind === "title" ? { title, titlePlan: plan } : { referencePrefix: referencePrefix(q) };
        const start = performance.now();
        if (fullScan) await plainLike(conn, scope, kind, q, sort);
        else await repo.search(scope, f, "2026-01-01", { by: sort, desc: false }, 20, 0);
        times.push(performance.now() - start);
      }
    await sql`RESET enable_bitmapscan`.execute(conn);
    await sql`RESET enable_indexscan`.execute(conn);
    return { p50: pct(times, 50), p95: pct(times, 95) };
  });
}

/** The baseline: the same page and capped count as a plain LIKE on the raw column (no normalisation). */
async function plainLike(
  db: Kysely<Database>,
  scope: CatalogueSearchScope,
  kind: "title" | "ref",
  q: string,
  sort: SearchSort,
) {
  const orgId = scope.kind === "organisation" ? scope.orgId : "";
  const where =
    kind === "title"
      ? sql`ci.client_org_id = ${orgId} AND ci.title LIKE ${`%${q}%`}`
      : sql`ci.client_org_id = ${orgId} AND ci.reference_code LIKE ${`${q}%`}`;
  const order = sort === "catalogue" ? sql`` : sql`ORDER BY ci.reference_code, ci.id`;
  await Promise.all([
    sql`SELECT ci.id, ci.reference_code, ci.title FROM catalogue_item ci WHERE ${where}
      ${order} LIMIT 20`.execute(db),
    sql`SELECT count(*) FROM (SELECT 1 FROM catalogue_item ci WHERE ${where} LIMIT ${DEFAULT_COUNT_CAP + 1}) hit`.execute(
      db,
    ),
  ]);
}

/** The plan's index names for one query, to show the index is used. */
export async function planOf(db: Kysely<Database>, where: string): Promise<string> {
  const r = await sql
    .raw<Record<string, string>>(`EXPLAIN SELECT id FROM catalogue_item ci WHERE ${where}`)
    .execute(db);
  const plan = r.rows.map((x) => Object.values(x)[0]).join(" ");
  return (plan.match(/catalogue_item_\w+|Seq Scan/g) ?? []).join(", ");
}

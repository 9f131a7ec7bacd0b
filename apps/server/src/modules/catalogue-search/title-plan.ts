// How a title query reads catalogue_item: through the bigram index, or by a
// scan in catalogue order that stops at the capped count. The index builds a
// bitmap of every title holding the rarest bigram — for a word in 3 % of a
// million titles that is 30,000 entries to find 201; a scan finds the same 201
// matches in the first ~7,000 rows. Which is cheaper follows from how common
// the word is in the caller's scope, read from PostgreSQL's own statistics
// (pg_stats, kept by ANALYZE: autovacuum on a server, the catalogue import on
// PGlite, which has no autovacuum). Both plans return the same rows in the
// same order; only the cost differs.
import type { Database } from "@dangan/db";
import type { CatalogueSearchScope, TitleQuery } from "@dangan/domain";
import { type Kysely, sql } from "kysely";

export type TitlePlan = "index" | "scan";

export interface SearchStats {
  /** Share of titles holding each common bigram (pg_stats.most_common_elems). */
  bigramShare: ReadonlyMap<string, number>;
  /** Share of items of each common client (pg_stats.most_common_vals of client_org_id). */
  clientShare: ReadonlyMap<string, number>;
}

/**
 * A scan is chosen when at least this share of the rows it reads matches, so
 * that the capped count (cap + 1 matches) is reached within (cap + 1) / share
 * rows: 2 % → 10,050 rows for the default cap. Measured on 1,000,000 titles
 * embedded (p50, plans alternating): a word in 1 % of titles 7.1 ms by the
 * index, 17 ms by a scan; 3 % 11.5 vs 7.9 ms; a five-character phrase in 3 %
 * 23 vs 7.7 ms.
 */
export const SCAN_MIN_SHARE = 0.02;

/**
 * The expected share of titles holding the text. A two-character word's is
 * its bigram's, exactly. A phrase is at most as common as its rarest bigram,
 * and rarer still when its other bigrams are far more common (they are used
 * elsewhere too): scaled by rarest / commonest, which leaves a fixed term
 * whose bigrams always come together (苏州河: 6.5 % and 6.5 %) at its
 * rarest bigram's share and puts 汇区审计局 (2.3 % … 11.6 %, found in 0.43 %)
 * at 0.46 %. Measured on 1,000,000 titles: 汇区审计局 was 51 ms by a scan
 * (the estimate by its rarest bigram alone said scan) and 31 ms by the index.
 */
export function phraseShare(t: TitleQuery & { kind: "bigrams" }, stats: SearchStats): number {
  const shares = t.bigrams.map((b) => stats.bigramShare.get(b) ?? 0);
  const rarest = Math.min(...shares);
  const commonest = Math.max(...shares);
  return rarest > 0 ? rarest * (rarest / commonest) : 0;
}

/**
 * The plan for a title query: a scan when the scope's expected share of
 * matches (the text's share × the scope's share, as if independent) reaches
 * SCAN_MIN_SHARE. Without statistics (a new or small table) the index.
 */
export function titlePlan(t: TitleQuery, scope: CatalogueSearchScope, stats: SearchStats): TitlePlan {
  if (t.kind !== "bigrams") return "scan";
  const word = phraseShare(t, stats);
  const inScope =
    scope.kind === "all"
      ? 1
      : scope.kind === "organisation" && scope.party === "client"
        ? (stats.clientShare.get(scope.orgId) ?? 0)
        : // An agency's share would need its catalogues' statistics; the index is the safe plan.
          0;
  return word * inScope >= SCAN_MIN_SHARE ? "scan" : "index";
}

const EMPTY: SearchStats = { bigramShare: new Map(), clientShare: new Map() };

/** Statistics change only on ANALYZE; reading them again every few minutes is plenty. */
const STATS_TTL_MS = 5 * 60_000;

/** The statistics, read at first use and again once older than STATS_TTL_MS. */
export function searchStatsCache(db: Kysely<Database>, ttlMs = STATS_TTL_MS) {
  let current: { stats: SearchStats; at: number } | null = null;
  let loading: Promise<SearchStats> | null = null;
  const load = async (): Promise<SearchStats> => {
    const r = await sql<{
      attname: string;
      elems: string[] | null;
      efreqs: number[] | null;
      vals: string[] | null;
      vfreqs: number[] | null;
    }>`
      SELECT attname, most_common_elems::text::text[] AS elems, most_common_elem_freqs AS efreqs,
             most_common_vals::text::text[] AS vals, most_common_freqs AS vfreqs
        FROM pg_stats
       WHERE schemaname = current_schema() AND tablename = 'catalogue_item'
         AND attname IN ('title_bigrams', 'client_org_id')`.execute(db);
    const stats: SearchStats = { bigramShare: new Map(), clientShare: new Map() };
    for (const row of r.rows) {
      const [keys, freqs, into] =
        row.attname === "title_bigrams"
          ? [row.elems, row.efreqs, stats.bigramShare as Map<string, number>]
          : [row.vals, row.vfreqs, stats.clientShare as Map<string, number>];
      // most_common_elem_freqs ends with three more figures (min, max, nulls): zip by the keys.
      for (const [i, k] of (keys ?? []).entries()) into.set(k, Number(freqs?.[i] ?? 0));
    }
    return stats;
  };
  return {
    async get(): Promise<SearchStats> {
      if (current && Date.now() - current.at < ttlMs) return current.stats;
      loading ??= load()
        .then((stats) => {
          current = { stats, at: Date.now() };
          return stats;
        })
        .catch(() => current?.stats ?? EMPTY) // statistics are an optimisation: never fail a search on them
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    /** Forget what was read (after an ANALYZE in this process). */
    forget() {
      current = null;
    },
  };
}

export type SearchStatsCache = ReturnType<typeof searchStatsCache>;

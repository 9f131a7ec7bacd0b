// SQL of the catalogue search. The caller's scope is part of every query, so an
// item outside it is never read; titles go through the bigram column and index
// of migration 0011 (`@>` then a LIKE recheck) or, for common words, a scan in
// catalogue order (title-plan.ts); reference codes through a prefix index.
import { type Database, type LocalSetting, PREPARED, withLocalSettings } from "@dangan/db";
import type { CatalogueSearchScope, TitleQuery } from "@dangan/domain";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import { likeEscape } from "../../lib/page.ts";
import type { TitlePlan } from "./title-plan.ts";

export interface SearchFilter {
  title?: TitleQuery | null | undefined;
  /** How the title is looked up (title-plan.ts); the index when not given. */
  titlePlan?: TitlePlan | undefined;
  referencePrefix?: string | null | undefined;
  projectId?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  category?: string | undefined;
  boxNo?: string | undefined;
  itemIds?: string[] | undefined;
}

/**
 * "catalogue" is the order rows were catalogued in (their physical order): with
 * no ORDER BY, PostgreSQL stops reading once it has the page and the capped
 * count instead of sorting every match — what keeps a common two-character word
 * fast (D-10.1); both come from one scan of catalogue_item in one statement
 * (`inCatalogueOrder`). Any other order reads and sorts all matches, so it is
 * asked for, not default.
 */
export const SEARCH_SORTS = ["catalogue", "referenceCode", "year", "title", "boxNo"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Counting stops at a cap ("200+", config `catalogues.searchCountCap`): an exact
 * count visits every match in the heap, which for a common word costs far more
 * than the page itself; past ten pages a narrower query serves the user better.
 */
export const DEFAULT_COUNT_CAP = 200;

/**
 * In catalogue order, a page within the first ONE_PASS_MAX matches (or within
 * the cap) is read with its count in one statement; a deeper one reads its own
 * rows only, so as not to hold every match before it.
 */
const ONE_PASS_MAX = 1000;

const ORDER: Record<Exclude<SearchSort, "catalogue">, string> = {
  referenceCode: "ci.reference_code",
  year: "ci.year",
  title: "ci.title",
  boxNo: "coalesce(b.box_no, ci.box_no)",
};

/** The items a grant in force on `today` names for the grantee, directly or by their box (D-10.2). */
const grantedItems = (orgId: string, today: string) => sql`(
  SELECT gi.item_id FROM written_grant g JOIN written_grant_item gi ON gi.grant_id = g.id
   WHERE g.grantee_org_id = ${orgId} AND g.status = 'issued' AND gi.item_id IS NOT NULL
     AND ${today}::date BETWEEN g.valid_from AND g.valid_to
  UNION ALL
  SELECT bi.item_id FROM written_grant g JOIN written_grant_item gi ON gi.grant_id = g.id
    JOIN box_item bi ON bi.box_id = gi.box_id
   WHERE g.grantee_org_id = ${orgId} AND g.status = 'issued'
     AND ${today}::date BETWEEN g.valid_from AND g.valid_to)`;

/**
 * The caller's scope. `alone`: written on catalogue_item alone (the catalogue's
 * agency by a subquery) for a scan joined to nothing, whose rows come in the
 * scan's order.
 */
function scopeCondition(scope: CatalogueSearchScope, today: string, alone: boolean): Expression<SqlBool> {
  if (scope.kind === "all") return sql<SqlBool>`true`;
  if (scope.kind === "none") return sql<SqlBool>`false`;
  const own =
    scope.party === "client"
      ? sql`ci.client_org_id = ${scope.orgId}`
      : alone
        ? sql`ci.catalogue_id IN (SELECT id FROM handover_catalogue WHERE agency_org_id = ${scope.orgId})`
        : sql`c.agency_org_id = ${scope.orgId}`;
  return sql<SqlBool>`(${own} OR ci.id IN ${grantedItems(scope.orgId, today)})`;
}

function titleCondition(t: TitleQuery, plan: TitlePlan): Expression<SqlBool> {
  // The title's search text (migration 0022: stored only where it differs from the title).
  const text = sql<SqlBool>`coalesce(ci.title_search, ci.title) LIKE ${`%${likeEscape(t.text)}%`}`;
  // Containing the text implies holding its bigrams, so without the index the LIKE alone decides.
  if (t.kind === "scan" || plan === "scan") return text;
  const bigrams = sql<SqlBool>`ci.title_bigrams @> ${sql.val(t.bigrams)}::text[]`;
  if (t.exact) return bigrams;
  return sql<SqlBool>`(${bigrams} AND ${text})`;
}

/**
 * Every condition of a search, on the aliases ci (item), c (its catalogue), b
 * (its box); `alone`: on ci alone, the catalogue and box by subqueries.
 */
function conditions(
  scope: CatalogueSearchScope,
  f: SearchFilter,
  today: string,
  alone: boolean,
): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [
    alone
      ? // NOT IN stays a (hashed) subplan: a join here could hand the rows back in another order.
        sql<SqlBool>`ci.catalogue_id NOT IN (SELECT id FROM handover_catalogue WHERE status = 'superseded')`
      : sql<SqlBool>`c.status <> 'superseded'`,
    scopeCondition(scope, today, alone),
  ];
  if (f.title) out.push(titleCondition(f.title, f.titlePlan ?? "index"));
  if (f.referencePrefix)
    out.push(sql<SqlBool>`ci.reference_code LIKE ${`${likeEscape(f.referencePrefix)}%`}`);
  if (f.projectId) out.push(sql<SqlBool>`ci.project_id = ${f.projectId}`);
  if (f.yearFrom !== undefined) out.push(sql<SqlBool>`ci.year >= ${f.yearFrom}`);
  if (f.yearTo !== undefined) out.push(sql<SqlBool>`ci.year <= ${f.yearTo}`);
  if (f.category) out.push(sql<SqlBool>`ci.category = ${f.category}`);
  if (f.boxNo) {
    const boxNo = alone
      ? sql`(SELECT b.box_no FROM box_item bi JOIN box b ON b.id = bi.box_id WHERE bi.item_id = ci.id)`
      : sql`b.box_no`;
    out.push(sql<SqlBool>`coalesce(${boxNo}, ci.box_no) = ${f.boxNo}`);
  }
  if (f.itemIds) {
    const ids = f.itemIds.length ? f.itemIds : ["00000000-0000-0000-0000-000000000000"];
    out.push(sql<SqlBool>`ci.id IN (${sql.join(ids)})`);
  }
  return out;
}

/** The columns of a result row (the page and the spreadsheet). */
const COLUMNS = [
  "ci.id",
  "ci.projectId",
  "p.name as projectName",
  "p.code as projectCode",
  "ci.clientOrgId",
  "ci.referenceCode",
  "ci.title",
  "ci.year",
  "ci.category",
  "ci.retentionPeriod",
  "ci.carrier",
  "ci.quantity",
  "ci.pages",
  "bi.boxId",
  sql<string | null>`coalesce(b.box_no, ci.box_no)`.as("boxNo"),
  "b.status as boxStatus",
  "c.status as catalogueStatus",
] as const;

export interface SearchRepositoryOptions {
  /**
   * On a PostgreSQL server, statements in catalogue order run with parallel
   * workers off: a Gather hands rows back in whatever order the workers find
   * them, and pages would overlap. (PGlite has no parallel workers.)
   */
  serialScans?: boolean;
  /**
   * A title search in catalogue order runs as a named prepared statement
   * with its generic plan: planned once per connection, not on every call
   * (ADR 0008). Its plan does not depend on the words: the bigram index or
   * the scan is chosen in the statement's text (title-plan.ts).
   */
  genericPlans?: boolean;
}

/**
 * Whether a search's plan may be generic: a title search with filters whose
 * best plan does not turn on their values. A reference prefix uses its index
 * only when the planner sees the prefix; a project could be read through the
 * (project, reference code) index, which would not keep catalogue order; a
 * cart's ids change the statement's text with their number.
 */
const genericPlanFits = (f: SearchFilter) => !!f.title && !f.referencePrefix && !f.projectId && !f.itemIds;

export function catalogueSearchRepository(db: Kysely<Database>, opts: SearchRepositoryOptions = {}) {
  const filtered = (scope: CatalogueSearchScope, f: SearchFilter, today: string) =>
    conditions(scope, f, today, false).reduce(
      (q, c) => q.where(c),
      db
        .selectFrom("catalogueItem as ci")
        .innerJoin("handoverCatalogue as c", "c.id", "ci.catalogueId")
        .innerJoin("project as p", "p.id", "ci.projectId")
        .leftJoin("boxItem as bi", "bi.itemId", "ci.id")
        .leftJoin("box as b", "b.id", "bi.boxId"),
    );

  const rows = (scope: CatalogueSearchScope, f: SearchFilter, today: string) =>
    filtered(scope, f, today).select(COLUMNS);

  /** Matches up to the cap and one more (the caller shows `cap+`). */
  const count = async (scope: CatalogueSearchScope, f: SearchFilter, today: string, cap: number) => {
    const r = await db
      .selectFrom(
        filtered(scope, f, today)
          .select("ci.id")
          .limit(cap + 1)
          .as("hit"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  /**
   * Catalogue order, in one statement: `take` matches after `skip`, scanned on
   * catalogue_item alone (so in the scan's order: no join can reorder them) and
   * numbered, `hits` being how many were taken; of them the rows numbered
   * (from, to], and the last taken (so that an empty page still brings `hits`),
   * joined to their catalogue, project and box.
   */
  const inCatalogueOrder = async (
    scope: CatalogueSearchScope,
    f: SearchFilter,
    today: string,
    take: number,
    skip: number,
    from: number,
    to: number,
  ) => {
    const matches = conditions(scope, f, today, true).reduce(
      (q, c) => q.where(c),
      db
        .selectFrom("catalogueItem as ci")
        .select([
          "ci.id",
          "ci.catalogueId",
          "ci.projectId",
          "ci.clientOrgId",
          "ci.referenceCode",
          "ci.title",
          "ci.year",
          "ci.category",
          "ci.retentionPeriod",
          "ci.carrier",
          "ci.quantity",
          "ci.pages",
          "ci.boxNo",
        ]),
    );
    const numbered = db
      .selectFrom(matches.limit(take).offset(skip).as("m"))
      .selectAll("m")
      .select([sql<number>`row_number() OVER ()`.as("ord"), sql<number>`count(*) OVER ()`.as("hits")]);
    const generic = !!opts.genericPlans && genericPlanFits(f);
    const page = (q: Kysely<Database>) =>
      q
        .selectFrom(numbered.as("ci"))
        .$if(generic, (qb) => qb.modifyFront(PREPARED))
        .innerJoin("handoverCatalogue as c", "c.id", "ci.catalogueId")
        .innerJoin("project as p", "p.id", "ci.projectId")
        .leftJoin("boxItem as bi", "bi.itemId", "ci.id")
        .leftJoin("box as b", "b.id", "bi.boxId")
        .where(sql<SqlBool>`(ci.ord > ${from} AND ci.ord <= ${to}) OR ci.ord = ci.hits`)
        .select(COLUMNS)
        .select(["ci.ord", "ci.hits"])
        .orderBy("ci.ord")
        .execute();
    const settings: LocalSetting[] = [];
    if (opts.serialScans) settings.push("max_parallel_workers_per_gather = 0");
    if (generic) settings.push("plan_cache_mode = force_generic_plan");
    const found = await withLocalSettings(db, settings, page);
    return {
      items: found
        .filter((r) => Number(r.ord) > from && Number(r.ord) <= to)
        .map(({ ord: _o, hits: _h, ...row }) => row),
      hits: Number(found[0]?.hits ?? 0),
    };
  };

  return {
    async search(
      scope: CatalogueSearchScope,
      f: SearchFilter,
      today: string,
      sort: { by: SearchSort; desc: boolean },
      limit: number,
      offset: number,
      countCap = DEFAULT_COUNT_CAP,
    ) {
      if (sort.by === "catalogue") {
        // The first pages come with their count from the same scan: the first
        // `reach` matches, their number being the capped count. A deeper page
        // reads only its own rows, and is counted by its offset.
        const reach = Math.max(countCap + 1, offset + limit);
        if (reach <= Math.max(countCap + 1, ONE_PASS_MAX)) {
          const { items, hits } = await inCatalogueOrder(scope, f, today, reach, 0, offset, offset + limit);
          return { items, total: Math.min(hits, countCap), capped: hits > countCap };
        }
        const { items } = await inCatalogueOrder(scope, f, today, limit, offset, 0, limit);
        // Past the cap, or the last page: the rows say what the count would.
        const n = items.length ? offset + items.length : await count(scope, f, today, countCap);
        return { items, total: Math.min(n, countCap), capped: n > countCap };
      }
      const dir = sort.desc ? "DESC" : "ASC";
      // Sorted: every match is read and sorted; the capped count runs beside it.
      const page = rows(scope, f, today).limit(limit).offset(offset);
      const [items, n] = await Promise.all([
        page
          .orderBy(sql.raw(`${ORDER[sort.by]} ${dir} NULLS LAST`))
          .orderBy("ci.id")
          .execute(),
        count(scope, f, today, countCap),
      ]);
      return { items, total: Math.min(n, countCap), capped: n > countCap };
    },

    /** Up to `limit` rows in reference-code order, for the spreadsheet. */
    exportRows: (scope: CatalogueSearchScope, f: SearchFilter, today: string, limit: number) =>
      rows(scope, f, today).orderBy("ci.referenceCode").orderBy("ci.id").limit(limit).execute(),

    /** Projects with items the caller may find, for the project filter and the cart. */
    projects(scope: CatalogueSearchScope, today: string) {
      let q = db
        .selectFrom("project as p")
        .innerJoin("organisation as o", "o.id", "p.clientOrgId")
        .select(["p.id", "p.name", "p.code", "o.name as clientName"]);
      if (scope.kind === "none") return Promise.resolve([]);
      if (scope.kind === "organisation") {
        const own = scope.party === "client" ? sql`p.client_org_id` : sql`p.agency_org_id`;
        q = q.where(
          sql<SqlBool>`(${own} = ${scope.orgId} OR p.id IN (SELECT g.project_id FROM written_grant g
            WHERE g.grantee_org_id = ${scope.orgId} AND g.status = 'issued'
              AND ${today}::date BETWEEN g.valid_from AND g.valid_to))`,
        );
      }
      return q.orderBy("p.name").limit(500).execute();
    },
  };
}

export type SearchRow = Awaited<
  ReturnType<ReturnType<typeof catalogueSearchRepository>["exportRows"]>
>[number];

// SQL of the catalogue search. The caller's scope is part of every query, so an
// item outside it is never read; titles go through the bigram column and index
// of migration 0011 (`@>` then a LIKE recheck), reference codes through a prefix index.
import type { Database } from "@dangan/db";
import type { CatalogueSearchScope, TitleQuery } from "@dangan/domain";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import { likeEscape } from "../../lib/page.ts";

export interface SearchFilter {
  title?: TitleQuery | null | undefined;
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
 * no ORDER BY, PostgreSQL stops reading at the page's last row instead of
 * sorting every match — what keeps a common two-character word fast (D-10.1).
 * Any other order reads and sorts all matches, so it is asked for, not default.
 */
export const SEARCH_SORTS = ["catalogue", "referenceCode", "year", "title", "boxNo"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Counting stops at a cap ("200+", config `catalogues.searchCountCap`): an exact
 * count visits every match in the heap, which for a common word costs far more
 * than the page itself; past ten pages a narrower query serves the user better.
 */
export const DEFAULT_COUNT_CAP = 200;

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

function scopeCondition(scope: CatalogueSearchScope, today: string): Expression<SqlBool> {
  if (scope.kind === "all") return sql<SqlBool>`true`;
  if (scope.kind === "none") return sql<SqlBool>`false`;
  const own =
    scope.party === "client" ? sql`ci.client_org_id = ${scope.orgId}` : sql`c.agency_org_id = ${scope.orgId}`;
  return sql<SqlBool>`(${own} OR ci.id IN ${grantedItems(scope.orgId, today)})`;
}

function titleCondition(t: TitleQuery): Expression<SqlBool> {
  const pattern = `%${likeEscape(t.text)}%`;
  // The raw title usually matches as typed; the normalised text catches full-width and case.
  const recheck = sql`(ci.title LIKE ${pattern} OR catalogue_search_text(ci.title) LIKE ${pattern})`;
  if (t.kind === "scan") return sql<SqlBool>`${recheck}`;
  if (t.exact) return sql<SqlBool>`ci.title_bigrams @> ${sql.val(t.bigrams)}::text[]`;
  return sql<SqlBool>`(ci.title_bigrams @> ${sql.val(t.bigrams)}::text[] AND ${recheck})`;
}

export function catalogueSearchRepository(db: Kysely<Database>) {
  const filtered = (scope: CatalogueSearchScope, f: SearchFilter, today: string) => {
    let q = db
      .selectFrom("catalogueItem as ci")
      .innerJoin("handoverCatalogue as c", "c.id", "ci.catalogueId")
      .innerJoin("project as p", "p.id", "ci.projectId")
      .leftJoin("boxItem as bi", "bi.itemId", "ci.id")
      .leftJoin("box as b", "b.id", "bi.boxId")
      .where("c.status", "<>", "superseded")
      .where(scopeCondition(scope, today));
    if (f.title) q = q.where(titleCondition(f.title));
    if (f.referencePrefix)
      q = q.where(sql<SqlBool>`ci.reference_code LIKE ${`${likeEscape(f.referencePrefix)}%`}`);
    if (f.projectId) q = q.where("ci.projectId", "=", f.projectId);
    if (f.yearFrom !== undefined) q = q.where("ci.year", ">=", f.yearFrom);
    if (f.yearTo !== undefined) q = q.where("ci.year", "<=", f.yearTo);
    if (f.category) q = q.where("ci.category", "=", f.category);
    if (f.boxNo) q = q.where(sql<SqlBool>`coalesce(b.box_no, ci.box_no) = ${f.boxNo}`);
    if (f.itemIds)
      q = q.where("ci.id", "in", f.itemIds.length ? f.itemIds : ["00000000-0000-0000-0000-000000000000"]);
    return q;
  };

  const rows = (scope: CatalogueSearchScope, f: SearchFilter, today: string) =>
    filtered(scope, f, today).select([
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
    ]);

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
      const dir = sort.desc ? "DESC" : "ASC";
      const page = rows(scope, f, today).limit(limit).offset(offset);
      const [items, counted] = await Promise.all([
        (sort.by === "catalogue"
          ? page
          : page.orderBy(sql.raw(`${ORDER[sort.by]} ${dir} NULLS LAST`)).orderBy("ci.id")
        ).execute(),
        db
          .selectFrom(
            filtered(scope, f, today)
              .select("ci.id")
              .limit(countCap + 1)
              .as("hit"),
          )
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      const n = Number(counted.n);
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

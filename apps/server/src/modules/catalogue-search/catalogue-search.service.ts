// Catalogue search for clients (D-10.1, D-10.2, D-8.10): what the caller may
// find, by title words, reference-code prefix, year, category and box.
import { type Actor, catalogueSearchScope, referencePrefix, shanghaiDate, titleQuery } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { pageOf } from "../../lib/page.ts";
import { EXPORT_LIMIT } from "../../lib/xlsx.ts";
import {
  catalogueSearchRepository,
  type SearchFilter,
  type SearchSort,
} from "./catalogue-search.repository.ts";
import { searchStatsCache, titlePlan } from "./title-plan.ts";

export interface SearchInput {
  q?: string | undefined;
  ref?: string | undefined;
  projectId?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  category?: string | undefined;
  boxNo?: string | undefined;
  /** Comma-separated item ids (the cart). */
  ids?: string | undefined;
}

const filterOf = (input: SearchInput): SearchFilter => ({
  title: input.q ? titleQuery(input.q) : null,
  referencePrefix: input.ref ? referencePrefix(input.ref) : null,
  projectId: input.projectId,
  yearFrom: input.yearFrom,
  yearTo: input.yearTo,
  category: input.category,
  boxNo: input.boxNo?.normalize("NFKC").replace(/\s+/g, "") || undefined,
  itemIds: input.ids?.split(",").map((id) => id.toLowerCase()),
});

export function catalogueSearchService(deps: Deps) {
  const repo = catalogueSearchRepository(deps.dbh.db, {
    serialScans: deps.dbh.mode === "server",
    genericPlans: true,
  });
  const stats = searchStatsCache(deps.dbh.db);
  const today = () => shanghaiDate(new Date());

  return {
    async search(
      actor: Actor,
      input: SearchInput,
      sort: { by: SearchSort; desc: boolean },
      page: number,
      pageSize: number,
    ) {
      const filter = filterOf(input);
      const scope = catalogueSearchScope(actor);
      // Only in catalogue order can a scan stop early; a sorted page reads every match anyway.
      if (filter.title && sort.by === "catalogue")
        filter.titlePlan = titlePlan(filter.title, scope, await stats.get());
      const r = await repo.search(
        scope,
        filter,
        today(),
        sort,
        pageSize,
        (page - 1) * pageSize,
        deps.config.catalogues.searchCountCap,
      );
      return {
        ...pageOf(r.items, r.total, page, pageSize),
        totalCapped: r.capped,
        // The UI says when a one-character query scans instead of using the index.
        titleMode: filter.title?.kind ?? null,
      };
    },

    export: (actor: Actor, input: SearchInput) =>
      repo.exportRows(catalogueSearchScope(actor), filterOf(input), today(), EXPORT_LIMIT),

    projects: (actor: Actor) => repo.projects(catalogueSearchScope(actor), today()),
  };
}

export type CatalogueSearchService = ReturnType<typeof catalogueSearchService>;

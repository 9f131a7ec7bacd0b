// Catalogue search for clients: results page, spreadsheet, searchable projects.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { SEARCH_SORTS } from "./catalogue-search.repository.ts";
import { SEARCH_EXPORT_COLUMNS } from "./catalogue-search-export.ts";

const year = z.coerce.number().int().min(1000).max(9999).optional();
const filter = {
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe("Title words; two or more characters use the bigram index"),
  ref: z.string().trim().max(100).optional().describe("Reference-code (档号) prefix"),
  projectId: z.uuid().optional(),
  yearFrom: year,
  yearTo: year,
  category: z.string().trim().max(10).optional(),
  boxNo: z.string().trim().max(50).optional(),
  ids: z
    .string()
    .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,199}$/i, "up to 200 comma-separated item ids")
    .optional()
    .describe("Comma-separated item ids (the cart)"),
};

export const catalogueSearchRoutes =
  ({ catalogueSearch }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["catalogue-search"];
    app.get(
      "/api/catalogue-search/items",
      {
        schema: {
          tags,
          summary:
            "Catalogue items the caller may find: own holdings, its custody (metadata), or what a grant in force names (D-10.2, D-8.10)",
          querystring: z.object({
            ...filter,
            sort: z.enum(SEARCH_SORTS).default("catalogue"),
            desc: z.enum(["true", "false"]).default("false"),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { sort, desc, page, pageSize, ...input } = request.query;
        return catalogueSearch.search(
          actorOf(request),
          input,
          { by: sort, desc: desc === "true" },
          page,
          pageSize,
        );
      },
    );

    app.get(
      "/api/catalogue-search/items/export.xlsx",
      {
        schema: {
          tags,
          summary: "The search results as .xlsx (up to 50,000 rows)",
          querystring: z.object(filter),
        },
      },
      async (request, reply) => {
        const rows = await catalogueSearch.export(actorOf(request), request.query);
        return sendXlsx(reply, "档案检索结果", SEARCH_EXPORT_COLUMNS, rows);
      },
    );

    app.get(
      "/api/catalogue-search/projects",
      { schema: { tags, summary: "Projects whose items the caller may find" } },
      async (request) => ({ items: await catalogueSearch.projects(actorOf(request)) }),
    );
  };

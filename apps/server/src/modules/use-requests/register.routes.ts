// The use register (D-10.4): acceptance, retrieval, return, user, content and
// remote delivery of every request — searchable, filtered, paged, to Excel.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "./register-xlsx.ts";
import { requestFilter } from "./use-requests.routes.ts";

const tags = ["use-requests"];
export const registerRoutes =
  ({ useRequests }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/use-register",
      {
        schema: {
          tags,
          summary: "The use register (D-10.4)",
          querystring: z.object({ ...requestFilter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return useRequests.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/use-register/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export the filtered use register to Excel",
          querystring: z.object(requestFilter),
        },
      },
      async (request, reply) => {
        const { items } = await useRequests.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(reply, REGISTER_SHEET, REGISTER_COLUMNS, items);
      },
    );
  };

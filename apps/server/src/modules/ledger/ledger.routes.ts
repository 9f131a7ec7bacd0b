import { LEDGER_KINDS, ledgerEntryCreateSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const params = z.object({ id: z.uuid() });
const filter = z.object({
  kind: z.enum(LEDGER_KINDS).optional(),
  status: z.enum(["open", "closed"]).optional(),
});
const KIND_ZH = {
  supervision: "监督检查",
  problem: "发现问题",
  rectification: "整改",
  note: "记事",
} as const;

export const ledgerRoutes =
  ({ ledger }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/ledger/problems",
      {
        schema: {
          tags: ["ledger"],
          summary: "Ledger problems across every project visible to me (G-11)",
          querystring: z.object({ status: z.enum(["open", "closed"]).optional(), ...pageQuery }),
        },
      },
      async (request) => {
        const { status, page, pageSize } = request.query;
        return ledger.problems(actorOf(request), status, page, pageSize);
      },
    );

    app.get(
      "/api/projects/:id/ledger",
      { schema: { tags: ["ledger"], summary: "The project ledger (G-11)", params, querystring: filter } },
      async (request) => ({ items: await ledger.list(actorOf(request), request.params.id, request.query) }),
    );

    app.get(
      "/api/projects/:id/ledger/export.xlsx",
      {
        schema: {
          tags: ["ledger"],
          summary: "Export the project ledger to Excel",
          params,
          querystring: filter,
        },
      },
      async (request, reply) => {
        const items = await ledger.list(actorOf(request), request.params.id, request.query);
        return sendXlsx(
          reply,
          "工作台帐",
          [
            { header: "日期 Date", value: (e) => e.occurredOn },
            { header: "类型 Kind", value: (e) => KIND_ZH[e.kind] },
            { header: "摘要 Summary", width: 40, value: (e) => e.summary },
            { header: "详情 Details", width: 60, value: (e) => e.details },
            { header: "条款 Clause", value: (e) => e.clauseId },
            {
              header: "状态 Status",
              value: (e) => (e.status === "open" ? "未整改" : e.status === "closed" ? "已整改" : ""),
            },
            { header: "记录人 Author", value: (e) => e.authorName },
          ],
          items,
        );
      },
    );

    app.post(
      "/api/projects/:id/ledger",
      {
        schema: {
          tags: ["ledger"],
          summary: "Add a ledger entry; a rectification closes its problem",
          params,
          body: ledgerEntryCreateSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await ledger.add(actorOf(request), request.params.id, request.body)),
    );
  };

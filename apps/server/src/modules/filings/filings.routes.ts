// Filings of national-scope deposits (G-7): list, unfiled deposits, detail with
// its rounds of questions, the regulator's and client's moves, Excel export.
import { FILING_ACTIONS, FILING_STATUSES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const tags = ["filings"];
const id = z.object({ id: z.uuid() });
const filter = {
  status: z.enum(FILING_STATUSES).optional(),
  projectId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
};
const STATUS_ZH = { submitted: "待核查", returned: "已退回", verified: "已核查" } as const;

export const filingRoutes =
  ({ filings }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/filings",
      {
        schema: {
          tags,
          summary: "Filings of national-scope deposits visible to me (G-7)",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return filings.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/filings/export.xlsx",
      { schema: { tags, summary: "Export filings to Excel", querystring: z.object(filter) } },
      async (request, reply) =>
        sendXlsx(
          reply,
          "报送备案",
          [
            { header: "报送编号", value: (r) => r.filingNo },
            { header: "项目", value: (r) => `${r.projectCode} ${r.projectName}`, width: 36 },
            { header: "委托方", value: (r) => r.clientName, width: 30 },
            { header: "受托机构", value: (r) => r.agencyName, width: 30 },
            { header: "受理部门", value: (r) => r.regulatorName, width: 24 },
            { header: "状态", value: (r) => STATUS_ZH[r.status] },
            { header: "轮次", value: (r) => r.round },
            { header: "报送时间", value: (r) => r.submittedAt },
            { header: "核查时间", value: (r) => r.verifiedAt },
          ],
          await filings.exportRows(actorOf(request), request.query),
        ),
    );

    app.get(
      "/api/filings/unfiled",
      { schema: { tags, summary: "National-scope deposits without a filing (G-7)" } },
      async (request) => filings.unfiled(actorOf(request)),
    );

    app.post(
      "/api/filings",
      {
        schema: {
          tags,
          summary: "File a national-scope deposit that has no filing yet (G-7)",
          body: z.object({ projectId: z.uuid() }).strict(),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await filings.file(actorOf(request), request.body.projectId)),
    );

    app.get(
      "/api/filings/:id",
      { schema: { tags, summary: "A filing, its content and its rounds of questions", params: id } },
      async (request) => filings.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/filings/:id/transitions",
      {
        schema: {
          tags,
          summary: "Verify, return with questions (regulator) or resubmit with an answer (client)",
          params: id,
          body: z
            .object({ action: z.enum(FILING_ACTIONS), text: z.string().trim().max(4000).optional() })
            .strict(),
        },
      },
      async (request) =>
        filings.transition(actorOf(request), request.params.id, request.body.action, request.body.text),
    );
  };

// Final acceptance (G-11, Z-8.2): a project's checklist and history, the
// client's verdict, and the acceptances a regulator or party may see, in Excel too.
import { acceptanceRecordSchema, SERVICE_TYPES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const tags = ["acceptance"];
const id = z.object({ id: z.uuid() });
const filter = {
  verdict: z.enum(["passed", "failed"]).optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  q: z.string().trim().max(100).optional(),
};

export const acceptanceRoutes =
  ({ acceptance }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/projects/:id/acceptance",
      {
        schema: { tags, summary: "The final acceptance checklist of a project, and its history", params: id },
      },
      async (request) => acceptance.preview(actorOf(request), request.params.id),
    );

    app.post(
      "/api/projects/:id/acceptances",
      {
        schema: {
          tags,
          summary: "Record the client's final acceptance; a failure orders rectification (Z-8.2, G-11)",
          params: id,
          body: acceptanceRecordSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await acceptance.record(actorOf(request), request.params.id, request.body)),
    );

    app.get(
      "/api/acceptances",
      {
        schema: {
          tags,
          summary: "Final acceptances of the projects I may read (G-11)",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return acceptance.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/acceptances/export.xlsx",
      { schema: { tags, summary: "Export final acceptances to Excel", querystring: z.object(filter) } },
      async (request, reply) =>
        sendXlsx(
          reply,
          "项目验收",
          [
            { header: "项目", value: (r) => `${r.projectCode} ${r.projectName}`, width: 36 },
            { header: "委托方", value: (r) => r.clientName, width: 30 },
            { header: "受托机构", value: (r) => r.agencyName, width: 30 },
            { header: "轮次", value: (r) => r.round },
            { header: "结论", value: (r) => (r.verdict === "passed" ? "通过" : "不通过") },
            { header: "验收时间", value: (r) => r.decidedAt },
            { header: "整改期限", value: (r) => r.orderDeadline },
          ],
          (await acceptance.list(actorOf(request), request.query, 1, EXPORT_LIMIT)).items,
        ),
    );
  };

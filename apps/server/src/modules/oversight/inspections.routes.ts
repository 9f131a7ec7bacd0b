import {
  findingCreateSchema,
  INSPECTION_KINDS,
  inspectionCreateSchema,
  itemAnswerSchema,
  SERVICE_TYPES,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const tags = ["oversight"];
const params = z.object({ id: z.uuid() });
const KIND_ZH = {
  planned: "计划检查",
  spot: "专项抽查",
  ad_hoc: "临时检查",
  self_check: "自查",
  supervision: "委托方督查",
};
const listQuery = z.object({
  projectId: z.uuid().optional(),
  kind: z.enum(INSPECTION_KINDS).optional(),
  status: z.enum(["in_progress", "completed"]).optional(),
  q: z.string().trim().max(100).optional(),
});

export const inspectionRoutes =
  ({ oversight }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { inspections } = oversight;
    app.get(
      "/api/oversight/checklists/:serviceType",
      {
        schema: {
          tags,
          summary: "The checklist of a service type, generated from the clause catalogue (G-2)",
          params: z.object({ serviceType: z.enum(SERVICE_TYPES) }),
        },
      },
      async (request) => ({ items: inspections.checklist(request.params.serviceType) }),
    );

    app.get(
      "/api/oversight/projects/:id/checklist",
      {
        schema: {
          tags,
          summary: "A project's checklist pre-filled from the system's data (G-7, G-13)",
          params,
        },
      },
      async (request) => ({ items: await inspections.preview(actorOf(request), request.params.id) }),
    );

    app.get(
      "/api/oversight/inspections",
      {
        schema: {
          tags,
          summary: "Inspections of projects visible to me",
          querystring: listQuery.extend(pageQuery),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return inspections.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/oversight/inspections/export.xlsx",
      { schema: { tags, summary: "Inspections as Excel", querystring: listQuery } },
      async (request, reply) => {
        const page = await inspections.list(actorOf(request), request.query, 1, 10_000);
        return sendXlsx(
          reply,
          "检查记录",
          [
            { header: "标题", value: (r) => r.title, width: 30 },
            { header: "类型", value: (r) => KIND_ZH[r.kind] },
            { header: "项目", value: (r) => `${r.projectCode} ${r.projectName}`, width: 30 },
            { header: "检查单位", value: (r) => r.inspectorName, width: 24 },
            { header: "中介机构", value: (r) => r.agencyName, width: 24 },
            { header: "状态", value: (r) => (r.status === "completed" ? "已完成" : "进行中") },
            { header: "问题数", value: (r) => r.findings },
            { header: "创建时间", value: (r) => r.createdAt },
          ],
          page.items,
        );
      },
    );

    app.post(
      "/api/oversight/inspections",
      {
        schema: {
          tags,
          summary: "Start an inspection, self-check or supervision check (G-7, G-11, G-13)",
          body: inspectionCreateSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await inspections.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/oversight/inspections/:id",
      { schema: { tags, summary: "An inspection: checklist with evidence, findings, orders", params } },
      async (request) => inspections.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/oversight/inspections/:id/items",
      { schema: { tags, summary: "Answer a checklist item", params, body: itemAnswerSchema } },
      async (request) => inspections.answer(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/oversight/inspections/:id/findings",
      {
        schema: {
          tags,
          summary: "Record a finding citing a clause, with its severity (G-7)",
          params,
          body: findingCreateSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await inspections.addFinding(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/oversight/inspections/:id/complete",
      { schema: { tags, summary: "Complete the inspection once every item is answered", params } },
      async (request) => inspections.complete(actorOf(request), request.params.id),
    );
  };

import { RESPONSIBLE_PARTIES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const KINDS = [
  "loss",
  "damage",
  "leak",
  "security",
  "anomaly",
  "discrepancy",
  "banned_item",
  "environment",
  "other",
] as const;
const STATUSES = ["open", "investigating", "closed"] as const;
const SEVERITIES = ["minor", "major", "critical"] as const;
const filter = {
  kind: z.enum(KINDS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  source: z.enum(["manual", "system"]).optional(),
  agencyOrgId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
};
const STATUS_ZH = { open: "未处理", investigating: "调查中", closed: "已结案" } as const;
const SEVERITY_ZH = { minor: "一般", major: "较大", critical: "重大" } as const;
const PARTY_ZH: Record<string, string> = {
  client: "委托方",
  agency: "受托机构",
  third_party: "第三方",
  none: "无责任方",
};

export const incidentRoutes =
  ({ incidents }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/incidents",
      {
        schema: {
          tags: ["incidents"],
          summary: "Incidents on projects visible to me (G-7)",
          querystring: z.object({
            projectId: z.uuid().optional(),
            status: z.enum(STATUSES).optional(),
            ...filter,
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return incidents.list(actorOf(request), f, page, pageSize);
      },
    );

    app.post(
      "/api/incidents",
      {
        schema: {
          tags: ["incidents"],
          summary: "Report an incident on a project",
          body: z
            .object({
              projectId: z.uuid(),
              kind: z.enum(KINDS),
              severity: z.enum(["minor", "major", "critical"]),
              title: z.string().trim().min(1).max(200),
              description: z.string().trim().max(8000).optional(),
              clauseId: z
                .string()
                .regex(/^[GDZ]-\d+(\.\d+)?$/)
                .optional(),
            })
            .strict(),
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: await incidents.open(actorOf(request), request.body) }),
    );

    app.get(
      "/api/incidents/export.xlsx",
      {
        schema: {
          tags: ["incidents"],
          summary: "Export incidents to Excel",
          querystring: z.object({
            projectId: z.uuid().optional(),
            status: z.enum(STATUSES).optional(),
            ...filter,
          }),
        },
      },
      async (request, reply) =>
        sendXlsx(
          reply,
          "事故登记",
          [
            { header: "发生时间", value: (r) => r.openedAt },
            { header: "项目", value: (r) => `${r.projectCode} ${r.projectName}`, width: 36 },
            { header: "受托机构", value: (r) => r.agencyName, width: 30 },
            { header: "事故", value: (r) => r.title, width: 36 },
            { header: "类型", value: (r) => r.kind },
            { header: "等级", value: (r) => SEVERITY_ZH[r.severity] },
            {
              header: "来源",
              value: (r) => (r.source === "system" ? `系统（${r.sourceType ?? ""}）` : "报告"),
            },
            { header: "状态", value: (r) => STATUS_ZH[r.status] },
            { header: "责任方", value: (r) => r.responsibleParties.map((x) => PARTY_ZH[x] ?? x).join("、") },
            { header: "责任人", value: (r) => r.responsiblePeople },
            { header: "调查情况", value: (r) => r.investigation, width: 40 },
            { header: "整改措施", value: (r) => r.measures, width: 40 },
            { header: "处理结果", value: (r) => r.resolution, width: 40 },
          ],
          await incidents.exportRows(actorOf(request), request.query),
        ),
    );

    app.get(
      "/api/incidents/:id",
      {
        schema: {
          tags: ["incidents"],
          summary: "An incident with its accountability record (G-7)",
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request) => incidents.get(actorOf(request), request.params.id),
    );

    app.patch(
      "/api/incidents/:id",
      {
        schema: {
          tags: ["incidents"],
          summary: "Record investigation, measures and responsibility; close (G-7: the regulator closes)",
          params: z.object({ id: z.uuid() }),
          body: z
            .object({
              status: z.enum(["investigating", "closed"]).optional(),
              severity: z.enum(SEVERITIES).optional(),
              investigation: z.string().trim().max(8000).optional(),
              measures: z.string().trim().max(8000).optional(),
              responsibleParties: z.array(z.enum(RESPONSIBLE_PARTIES)).max(4).optional(),
              responsiblePeople: z.string().trim().max(1000).optional(),
              resolution: z.string().trim().max(8000).optional(),
            })
            .strict(),
        },
      },
      async (request) => incidents.update(actorOf(request), request.params.id, request.body),
    );
  };

import {
  DISTRICT_CODES,
  PROJECT_ACTIONS,
  PROJECT_STATUSES,
  projectCreateSchema,
  projectUpdateSchema,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const STATUS_ZH = {
  draft: "草拟",
  active: "进行中",
  suspended: "暂停",
  completed: "已完成",
  cancelled: "已取消",
} as const;

const filterQuery = {
  q: z.string().trim().max(100).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  clientOrgId: z.uuid().optional(),
  agencyOrgId: z.uuid().optional(),
  district: z.enum(DISTRICT_CODES).optional(),
  contractStatus: z.enum(["draft", "signed"]).optional(),
  nationalScope: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
};
const idParams = z.object({ id: z.uuid() });

export const projectRoutes =
  ({ projects }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/projects",
      {
        schema: {
          tags: ["projects"],
          summary: "Projects visible to me",
          querystring: z.object({ ...filterQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return projects.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/projects/export.xlsx",
      {
        schema: {
          tags: ["projects"],
          summary: "Export the filtered project list to Excel",
          querystring: z.object(filterQuery),
        },
      },
      async (request, reply) => {
        const { items } = await projects.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "外包项目",
          [
            { header: "编号 Code", value: (p) => p.code },
            { header: "名称 Name", width: 36, value: (p) => p.name },
            { header: "服务类型 Service", value: (p) => SERVICE_TYPE_LABELS[p.serviceType].zh },
            { header: "委托方 Client", width: 30, value: (p) => p.clientName },
            { header: "受托机构 Agency", width: 30, value: (p) => p.agencyName },
            { header: "国家档案馆收集范围 National-scope", value: (p) => (p.hasNationalScope ? "是" : "否") },
            { header: "分管领导 Leader", value: (p) => p.responsibleLeader },
            { header: "责任部门 Department", value: (p) => p.responsibleDepartment },
            { header: "状态 Status", value: (p) => STATUS_ZH[p.status] },
            { header: "登记时间 Created", width: 20, value: (p) => p.createdAt },
          ],
          items,
        );
      },
    );

    app.post(
      "/api/projects",
      {
        schema: {
          tags: ["projects"],
          summary: "Register a project; refused per G-3, D-4.5, Z-4.2–Z-4.4",
          body: projectCreateSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await projects.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/projects/:id",
      {
        schema: {
          tags: ["projects"],
          summary: "One project with my permissions and its legal next steps",
          params: idParams,
        },
      },
      async (request) => projects.get(actorOf(request), request.params.id),
    );

    app.patch(
      "/api/projects/:id",
      {
        schema: {
          tags: ["projects"],
          summary: "Change a project; prohibitions re-checked",
          params: idParams,
          body: projectUpdateSchema,
        },
      },
      async (request) => projects.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/projects/:id/transitions",
      {
        schema: {
          tags: ["projects"],
          summary: "Move a project through its workflow (start needs a signed contract, G-10)",
          params: idParams,
          body: z
            .object({ action: z.enum(PROJECT_ACTIONS), note: z.string().trim().max(2000).optional() })
            .strict(),
        },
      },
      async (request) =>
        projects.transition(actorOf(request), request.params.id, request.body.action, request.body.note),
    );
  };

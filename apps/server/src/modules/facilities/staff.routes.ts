// The staff register (D-6.1) and training records (D-6.2).
import { staffSchema, staffUpdateSchema, TITLE_LEVELS, trainingSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const idParams = z.object({ id: z.uuid() });
const flag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();
const filterQuery = {
  q: z.string().trim().max(100).optional(),
  agencyOrgId: z.uuid().optional(),
  titleLevel: z.enum(TITLE_LEVELS).optional(),
  archiveProfessional: flag,
  active: flag,
};
const tags = ["facilities"];
const TITLE_ZH = { none: "无", junior: "初级", intermediate: "中级", senior: "高级" } as const;

export const staffRoutes =
  ({ facilities: f }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/staff",
      {
        schema: {
          tags,
          summary: "Staff of agencies visible to me (ID numbers masked for others)",
          querystring: z.object({ ...filterQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return f.staff.list(actorOf(request), filter, page, pageSize);
      },
    );

    app.get(
      "/api/staff/export.xlsx",
      { schema: { tags, summary: "Export the filtered staff register", querystring: z.object(filterQuery) } },
      async (request, reply) => {
        const { items } = await f.staff.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "从业人员",
          [
            { header: "机构 Agency", width: 30, value: (s) => s.agencyName },
            { header: "姓名 Name", value: (s) => s.name },
            { header: "证件号 ID number", width: 22, value: (s) => s.idNumber },
            { header: "岗位 Position", value: (s) => s.position },
            { header: "职称 Title", value: (s) => TITLE_ZH[s.titleLevel] },
            { header: "档案专业 Archive professional", value: (s) => (s.archiveProfessional ? "是" : "否") },
            { header: "近一年培训学时 Training h (12 mo)", value: (s) => Number(s.trainingHoursLastYear) },
            { header: "在职 Active", value: (s) => (s.active ? "是" : "否") },
          ],
          items,
        );
      },
    );

    app.post(
      "/api/staff",
      { schema: { tags, summary: "Register a staff member (agency manager; D-6.1)", body: staffSchema } },
      async (request, reply) => reply.status(201).send(await f.staff.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/staff/:id",
      { schema: { tags, summary: "A staff member with training records", params: idParams } },
      async (request) => f.staff.get(actorOf(request), request.params.id),
    );

    app.patch(
      "/api/staff/:id",
      { schema: { tags, summary: "Change a staff record", params: idParams, body: staffUpdateSchema } },
      async (request) => f.staff.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/staff/:id/trainings",
      { schema: { tags, summary: "Record a training (D-6.2)", params: idParams, body: trainingSchema } },
      async (request, reply) =>
        reply.status(201).send(await f.staff.addTraining(actorOf(request), request.params.id, request.body)),
    );
  };

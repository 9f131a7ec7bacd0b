// Protective equipment and its maintenance log (D-5.8, D-9.7, D-9.3).
import { EQUIPMENT_KINDS, equipmentSchema, equipmentUpdateSchema, maintenanceSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const idParams = z.object({ id: z.uuid() });
const filterQuery = {
  q: z.string().trim().max(100).optional(),
  agencyOrgId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  vaultId: z.uuid().optional(),
  kind: z.enum(EQUIPMENT_KINDS).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
};
const tags = ["facilities"];
const STATUS_ZH = { in_service: "在用", faulty: "故障", retired: "停用" } as const;

export const equipmentRoutes =
  ({ facilities: f }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/equipment",
      {
        schema: {
          tags,
          summary: "Protective equipment visible to me, with OVERDUE flags (D-9.7)",
          querystring: z.object({ ...filterQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return f.equipment.list(actorOf(request), filter, page, pageSize);
      },
    );

    app.get(
      "/api/equipment/export.xlsx",
      { schema: { tags, summary: "Export the filtered equipment list", querystring: z.object(filterQuery) } },
      async (request, reply) => {
        const { items } = await f.equipment.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "防护设备",
          [
            { header: "机构 Agency", width: 30, value: (e) => e.agencyName },
            { header: "场地 Site", width: 20, value: (e) => e.siteName },
            { header: "库房 Vault", value: (e) => e.vaultCode ?? "（全场地）" },
            { header: "类别 Kind", width: 24, value: (e) => e.kind },
            { header: "名称 Name", width: 24, value: (e) => e.name },
            { header: "编号 Serial", value: (e) => e.serialNumber },
            { header: "数量 Qty", value: (e) => e.quantity },
            { header: "周期(天) Interval", value: (e) => e.checkIntervalDays },
            { header: "上次检查 Last check", value: (e) => e.lastCheckedOn },
            { header: "下次到期 Next due", value: (e) => e.nextDueOn },
            { header: "状态 Status", value: (e) => STATUS_ZH[e.status] },
            { header: "逾期 Overdue", value: (e) => (e.overdue ? "逾期 OVERDUE" : "") },
          ],
          items,
        );
      },
    );

    app.post(
      "/api/vaults/:id/equipment",
      {
        schema: {
          tags,
          summary: "Register protective equipment in a vault (D-5.8)",
          params: idParams,
          body: equipmentSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await f.equipment.addToVault(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/equipment/:id",
      {
        schema: {
          tags,
          summary: "Change equipment (manager, or the vault's keeper)",
          params: idParams,
          body: equipmentUpdateSchema,
        },
      },
      async (request) => f.equipment.update(actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/equipment/:id/maintenance",
      { schema: { tags, summary: "The maintenance log of one piece of equipment", params: idParams } },
      async (request) => f.equipment.maintenanceLog(actorOf(request), request.params.id),
    );

    app.post(
      "/api/equipment/:id/maintenance",
      {
        schema: {
          tags,
          summary: "Record a check or repair; sets the next due date (D-9.7)",
          params: idParams,
          body: maintenanceSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await f.equipment.recordMaintenance(actorOf(request), request.params.id, request.body)),
    );
  };

// Vaults, their keeper and key holders (D-9.2), and the compliance check.
import { keyHolderSchema, vaultCreateSchema, vaultUpdateSchema } from "@dangan/domain";
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
};
const complianceQuery = z.object({ minRetentionDays: z.coerce.number().int().min(0).max(3650).optional() });
const tags = ["facilities"];

export const vaultRoutes =
  ({ facilities: f }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/vaults",
      {
        schema: {
          tags,
          summary: "Vaults visible to me",
          querystring: z.object({ ...filterQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return f.vaults.list(actorOf(request), filter, page, pageSize);
      },
    );

    app.get(
      "/api/vaults/export.xlsx",
      { schema: { tags, summary: "Export the filtered vault list", querystring: z.object(filterQuery) } },
      async (request, reply) => {
        const { items } = await f.vaults.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "库房",
          [
            { header: "机构 Agency", width: 30, value: (v) => v.agencyName },
            { header: "场地 Site", width: 24, value: (v) => v.siteName },
            { header: "编号 Code", value: (v) => v.code },
            { header: "名称 Name", width: 24, value: (v) => v.name },
            { header: "面积 Area m²", value: (v) => v.floorAreaM2 },
            { header: "净高 Clear height m", value: (v) => v.clearHeightM },
            { header: "楼面荷载 Floor load kN/m²", value: (v) => v.floorLoadKnM2 },
            { header: "装具 Shelving", value: (v) => (v.shelvingType === "compact" ? "密集架" : "固定架") },
            { header: "库房管理员 Keeper", value: (v) => v.keeperName },
            { header: "库位数 Locations", value: (v) => Number(v.locationCount) },
            { header: "逾期设备 Overdue equipment", value: (v) => Number(v.overdueEquipment) },
          ],
          items,
        );
      },
    );

    app.post(
      "/api/vaults",
      { schema: { tags, summary: "Register a vault at a site (agency manager)", body: vaultCreateSchema } },
      async (request, reply) => reply.status(201).send(await f.vaults.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/vaults/:id",
      { schema: { tags, summary: "A vault with its keeper, key holders and permissions", params: idParams } },
      async (request) => f.vaults.get(actorOf(request), request.params.id),
    );

    app.patch(
      "/api/vaults/:id",
      {
        schema: {
          tags,
          summary: "Change a vault's measurements or keeper (D-9.2)",
          params: idParams,
          body: vaultUpdateSchema,
        },
      },
      async (request) => f.vaults.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/vaults/:id",
      { schema: { tags, summary: "Delete a vault without locations or equipment", params: idParams } },
      async (request) => f.vaults.remove(actorOf(request), request.params.id),
    );

    app.post(
      "/api/vaults/:id/key-holders",
      {
        schema: {
          tags,
          summary: "Issue a key or access device to a named agency user (D-9.2)",
          params: idParams,
          body: keyHolderSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await f.vaults.addKeyHolder(actorOf(request), request.params.id, request.body)),
    );

    app.delete(
      "/api/vaults/:id/key-holders/:userId",
      {
        schema: {
          tags,
          summary: "Take back a user's keys and access devices (D-9.2)",
          params: z.object({ id: z.uuid(), userId: z.uuid() }),
        },
      },
      async (request) => f.vaults.removeKeyHolder(actorOf(request), request.params.id, request.params.userId),
    );

    app.get(
      "/api/vaults/:id/compliance",
      {
        schema: {
          tags,
          summary: "Compliance findings of a vault (D-5.x, D-6.1, D-9.2, D-9.3, D-9.7)",
          params: idParams,
          querystring: complianceQuery,
        },
      },
      async (request) => f.compliance(actorOf(request), request.params.id, request.query),
    );

    app.get(
      "/api/agencies/:id/compliance",
      {
        schema: {
          tags,
          summary: "Compliance summary of every vault of an agency",
          params: idParams,
          querystring: complianceQuery,
        },
      },
      async (request) => f.agencyCompliance(actorOf(request), request.params.id, request.query),
    );

    app.get(
      "/api/compliance/agencies",
      {
        schema: {
          tags,
          summary: "Failed compliance findings of every agency with vaults I may read (G-7)",
          querystring: complianceQuery,
        },
      },
      async (request) => f.areaCompliance(actorOf(request), request.query),
    );
  };

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { MOVEMENT_KIND_ZH, MOVEMENT_KINDS, shanghaiTime } from "./movement-labels.ts";

const place = (vault: string | null, location: string | null) =>
  location ? `${vault ?? ""} ${location}`.trim() : "";

export const movementFilter = {
  vaultId: z.uuid().optional(),
  clientOrgId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  boxId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};

export const movementRoutes =
  ({ movements }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/movements",
      {
        schema: {
          tags: ["movements"],
          summary: "The movement register of the boxes visible to me (D-9.11)",
          querystring: z.object({ ...movementFilter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return movements.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/movements/facets",
      {
        schema: {
          tags: ["movements"],
          summary: "Vaults, clients and projects that occur in my movement register (filter values)",
        },
      },
      async (request) => movements.facets(actorOf(request)),
    );

    app.get(
      "/api/movements/export.xlsx",
      {
        schema: {
          tags: ["movements"],
          summary: "Export the filtered movement register to Excel (D-9.11, D-12.2)",
          querystring: z.object(movementFilter),
        },
      },
      async (request, reply) =>
        sendXlsx(
          reply,
          "进出库登记",
          [
            { header: "时间 Time", value: (m) => shanghaiTime(m.at) },
            { header: "类型 Kind", value: (m) => MOVEMENT_KIND_ZH[m.kind] },
            { header: "盒号 Box no.", value: (m) => m.boxNo },
            { header: "条码 Barcode", width: 22, value: (m) => m.barcode },
            { header: "项目 Project", value: (m) => m.projectCode },
            { header: "委托方 Client", width: 30, value: (m) => m.clientName },
            { header: "原位置 From", value: (m) => place(m.fromVault, m.fromLocation) },
            { header: "新位置 To", value: (m) => place(m.toVault, m.toLocation) },
            { header: "经办人 By", value: (m) => m.byName },
            { header: "依据 Reference", value: (m) => m.referenceType },
            { header: "备注 Note", width: 40, value: (m) => m.note },
          ],
          await movements.exportRows(actorOf(request), request.query),
        ),
    );
  };

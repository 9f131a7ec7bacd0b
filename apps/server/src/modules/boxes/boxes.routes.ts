// Boxes: the list per project (search, filters, pagination, Excel), one box
// with its whole history, and the per-box intake records: seal (D-8.6),
// intake inspection (D-8.8), shelving (D-9.1, D-9.11).
import {
  BOX_KINDS,
  BOX_STATUSES,
  inspectionSchema,
  normaliseBarcode,
  sealSchema,
  shelveSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { BOX_STATUS_ZH } from "../intake/intake-labels-zh.ts";

const params = z.object({ id: z.uuid() });
const filter = {
  q: z.string().trim().max(100).optional(),
  projectId: z.uuid().optional(),
  batchId: z.uuid().optional(),
  status: z.enum(BOX_STATUSES).optional(),
  kind: z.enum(BOX_KINDS).optional(),
  barcode: z.string().trim().max(100).transform(normaliseBarcode).optional(),
};
const tags = ["boxes"];

export const boxRoutes =
  ({ boxes, intakeBoxes }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/boxes",
      {
        schema: {
          tags,
          summary: "Boxes visible to me: where each is, its condition, its last movement",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return boxes.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/boxes/export.xlsx",
      { schema: { tags, summary: "Export the filtered boxes to Excel", querystring: z.object(filter) } },
      async (request, reply) =>
        sendXlsx(
          reply,
          "档案箱",
          [
            { header: "箱号 Box", value: (x) => x.boxNo },
            { header: "条码 Barcode", width: 22, value: (x) => x.barcode },
            { header: "类型 Kind", value: (x) => (x.kind === "transfer" ? "中转箱" : "保管箱") },
            { header: "项目 Project", width: 30, value: (x) => `${x.projectCode} ${x.projectName}` },
            { header: "委托方 Client", width: 30, value: (x) => x.clientName },
            { header: "件数 Items", value: (x) => x.itemCount },
            { header: "状态 Status", value: (x) => BOX_STATUS_ZH[x.status] ?? x.status },
            { header: "状况 Condition", value: (x) => x.condition },
            { header: "封条 Seal", value: (x) => x.sealNumber },
            { header: "库房 Vault", width: 20, value: (x) => x.vaultName },
            { header: "位置 Location", width: 18, value: (x) => x.locationCode },
            { header: "最近移动 Last movement", width: 24, value: (x) => x.lastMovement },
            { header: "时间 At", width: 20, value: (x) => x.lastMovedAt },
          ],
          await boxes.exportRows(actorOf(request), request.query),
        ),
    );

    app.get(
      "/api/boxes/:id",
      { schema: { tags, summary: "One box: items, seals, condition history, place, movements", params } },
      async (request) => boxes.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/boxes/:id/seal",
      {
        schema: {
          tags,
          summary: "Seal a box after its outside inspection (D-8.6)",
          params,
          body: sealSchema,
        },
      },
      async (request) => intakeBoxes.seal(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/boxes/:id/inspection",
      {
        schema: {
          tags,
          summary: "Intake inspection; an anomaly opens an incident for the client (D-8.8)",
          params,
          body: inspectionSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await intakeBoxes.inspect(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/boxes/:id/shelve",
      {
        schema: {
          tags,
          summary: "Shelve a received box at a location (D-9.1) and register the movements (D-9.11)",
          params,
          body: shelveSchema,
        },
      },
      async (request) => intakeBoxes.shelve(actorOf(request), request.params.id, request.body.locationId),
    );
  };

// Locations of a vault (D-9.1): bulk generation, list, labels, map, boxes.
import {
  CARRIER_ZONE_LABELS,
  CARRIER_ZONES,
  locationGenerateSchema,
  locationUpdateSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const idParams = z.object({ id: z.uuid() });
const filterQuery = {
  q: z.string().trim().max(50).optional(),
  zone: z.enum(CARRIER_ZONES).optional(),
  row: z.coerce.number().int().min(1).max(999).optional(),
};
const listQuery = { ...filterQuery, occupancy: z.enum(["empty", "partial", "full"]).optional() };
const tags = ["facilities"];

export const locationRoutes =
  ({ facilities: f }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/vaults/:id/locations/generate",
      {
        schema: {
          tags,
          summary: "Generate locations from ranges; refused as a whole on any overlap (D-9.1)",
          params: idParams,
          body: locationGenerateSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await f.locations.generate(actorOf(request), request.params.id, request.body)),
    );

    app.get(
      "/api/vaults/:id/locations",
      {
        schema: {
          tags,
          summary: "Locations of a vault with occupancy",
          params: idParams,
          querystring: z.object({ ...listQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return f.locations.list(actorOf(request), request.params.id, filter, page, pageSize);
      },
    );

    app.get(
      "/api/vaults/:id/locations/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export a vault's locations",
          params: idParams,
          querystring: z.object(listQuery),
        },
      },
      async (request, reply) => {
        const { items } = await f.locations.list(
          actorOf(request),
          request.params.id,
          request.query,
          1,
          EXPORT_LIMIT,
        );
        return sendXlsx(
          reply,
          "库位",
          [
            { header: "库位 Code", width: 20, value: (l) => l.code },
            { header: "排 Row", value: (l) => l.rowNo },
            { header: "列 Column", value: (l) => l.columnNo },
            { header: "节 Section", value: (l) => l.sectionNo },
            { header: "层 Shelf", value: (l) => l.shelfNo },
            { header: "区 Zone", value: (l) => CARRIER_ZONE_LABELS[l.zone as "paper"]?.zh ?? l.zone },
            { header: "容量 Capacity", value: (l) => l.capacity },
            { header: "在架 Occupied", value: (l) => l.occupied },
          ],
          items,
        );
      },
    );

    app.get(
      "/api/vaults/:id/locations/labels.pdf",
      {
        schema: {
          tags,
          summary: "Printable location labels with Code 128 barcodes (D-9.1)",
          params: idParams,
          querystring: z.object(filterQuery),
        },
      },
      async (request, reply) => {
        const { pdf, vaultCode } = await f.labels(actorOf(request), request.params.id, request.query);
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", `inline; filename="labels-${encodeURIComponent(vaultCode)}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      "/api/vaults/:id/map",
      {
        schema: {
          tags,
          summary: "Every location of a vault with zone and occupancy, for the map",
          params: idParams,
        },
      },
      async (request) => f.locations.map(actorOf(request), request.params.id),
    );

    app.get(
      "/api/locations/:id/boxes",
      { schema: { tags, summary: "Boxes at a location (a client sees its own only)", params: idParams } },
      async (request) => f.locations.boxesAt(actorOf(request), request.params.id),
    );

    app.patch(
      "/api/locations/:id",
      {
        schema: {
          tags,
          summary: "Change a location's zone or capacity (D-9.1)",
          params: idParams,
          body: locationUpdateSchema,
        },
      },
      async (request) => f.locations.update(actorOf(request), request.params.id, request.body),
    );
  };

// Sites, their rooms, cameras, fire alarms and site-wide equipment.
import {
  cameraSchema,
  equipmentSchema,
  fireAlarmSchema,
  roomSchema,
  siteCreateSchema,
  siteUpdateSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const idParams = z.object({ id: z.uuid() });
const filterQuery = { q: z.string().trim().max(100).optional(), agencyOrgId: z.uuid().optional() };
const tags = ["facilities"];

export const siteRoutes =
  ({ facilities: f }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/sites",
      {
        schema: {
          tags,
          summary: "Sites visible to me",
          querystring: z.object({ ...filterQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        return f.sites.list(actorOf(request), filter, page, pageSize);
      },
    );

    app.get(
      "/api/sites/export.xlsx",
      { schema: { tags, summary: "Export the filtered site list", querystring: z.object(filterQuery) } },
      async (request, reply) => {
        const { items } = await f.sites.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "库房场地",
          [
            { header: "机构 Agency", width: 30, value: (s) => s.agencyName },
            { header: "场地 Site", width: 30, value: (s) => s.name },
            { header: "地址 Address", width: 36, value: (s) => s.address },
            { header: "区 District", value: (s) => s.district },
            { header: "库房数 Vaults", value: (s) => Number(s.vaultCount) },
          ],
          items,
        );
      },
    );

    app.post(
      "/api/sites",
      {
        schema: {
          tags,
          summary: "Register a site (agency manager; D-5.2, D-5.4 checklist)",
          body: siteCreateSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await f.sites.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/sites/:id",
      {
        schema: {
          tags,
          summary: "A site with rooms, cameras, fire alarms, vaults and checklist",
          params: idParams,
        },
      },
      async (request) => f.sites.get(actorOf(request), request.params.id),
    );

    app.patch(
      "/api/sites/:id",
      {
        schema: {
          tags,
          summary: "Change a site, its checklist or emergency plan (D-9.3)",
          params: idParams,
          body: siteUpdateSchema,
        },
      },
      async (request) => f.sites.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      "/api/sites/:id",
      { schema: { tags, summary: "Delete a site without vaults or equipment", params: idParams } },
      async (request) => f.sites.remove(actorOf(request), request.params.id),
    );

    app.post(
      "/api/sites/:id/rooms",
      { schema: { tags, summary: "Add a functional room (D-5.3)", params: idParams, body: roomSchema } },
      async (request, reply) =>
        reply.status(201).send(await f.sites.addRoom(actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/rooms/:id",
      { schema: { tags, summary: "Change a room", params: idParams, body: roomSchema.partial().strict() } },
      async (request) => f.sites.updateRoom(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      "/api/rooms/:id",
      { schema: { tags, summary: "Remove a room", params: idParams } },
      async (request) => f.sites.removeRoom(actorOf(request), request.params.id),
    );

    app.post(
      "/api/sites/:id/cameras",
      { schema: { tags, summary: "Register a camera (D-5.10)", params: idParams, body: cameraSchema } },
      async (request, reply) =>
        reply.status(201).send(await f.security.addCamera(actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/cameras/:id",
      {
        schema: { tags, summary: "Change a camera", params: idParams, body: cameraSchema.partial().strict() },
      },
      async (request) => f.security.updateCamera(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      "/api/cameras/:id",
      { schema: { tags, summary: "Remove a camera", params: idParams } },
      async (request) => f.security.removeCamera(actorOf(request), request.params.id),
    );

    app.post(
      "/api/sites/:id/fire-alarms",
      {
        schema: { tags, summary: "Register a fire alarm (D-5.10)", params: idParams, body: fireAlarmSchema },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await f.security.addFireAlarm(actorOf(request), request.params.id, request.body)),
    );
    app.patch(
      "/api/fire-alarms/:id",
      {
        schema: {
          tags,
          summary: "Change a fire alarm",
          params: idParams,
          body: fireAlarmSchema.partial().strict(),
        },
      },
      async (request) => f.security.updateFireAlarm(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      "/api/fire-alarms/:id",
      { schema: { tags, summary: "Remove a fire alarm", params: idParams } },
      async (request) => f.security.removeFireAlarm(actorOf(request), request.params.id),
    );

    app.post(
      "/api/sites/:id/equipment",
      {
        schema: {
          tags,
          summary: "Register site-wide protective equipment (D-5.8)",
          params: idParams,
          body: equipmentSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await f.equipment.addToSite(actorOf(request), request.params.id, request.body)),
    );
  };

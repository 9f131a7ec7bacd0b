// Cameras (Z-5.5), devices and take-outs (Z-5.7), ports and seal tests (Z-5.8),
// device disposition at close (Z-8.3).
import {
  DEVICE_KINDS,
  DEVICE_OWNERS,
  DISPOSITIONS,
  PORT_KINDS,
  PORT_STATES,
  SEAL_RESULTS,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { BASE, id, optText, tags, text } from "./routes-common.ts";

const deviceFilter = z.object({
  q: z.string().trim().max(50).optional(),
  owner: z.enum(DEVICE_OWNERS).optional(),
  ...pageQuery,
});

export const devicesRoutes =
  ({ digitizationSite: s }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${BASE}/projects/:id/cameras`,
      { schema: { tags, summary: "Cameras and the coverage gaps (Z-5.5)", params: id } },
      async (req) => s.cameras(actorOf(req), req.params.id),
    );
    app.post(
      `${BASE}/projects/:id/cameras`,
      {
        schema: {
          tags,
          summary: "Register a camera on a workstation or an area; recordings held by the client (Z-5.5)",
          params: id,
          body: z
            .object({
              label: text(100),
              workstationId: z.uuid().optional(),
              area: optText(50),
              recordingsHeldBy: z.enum(["client", "agency"]).optional(),
              retentionDays: z.number().int().min(1).max(3650).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.registerCamera(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/cameras/:id/remove`,
      { schema: { tags, summary: "Remove a camera (Z-5.5)", params: id } },
      async (req) => s.removeCamera(actorOf(req), req.params.id),
    );

    app.get(
      `${BASE}/projects/:id/devices`,
      { schema: { tags, summary: "The device register (Z-5.7)", params: id, querystring: deviceFilter } },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.devices(actorOf(req), req.params.id, f, page, pageSize);
      },
    );
    app.get(
      `${BASE}/projects/:id/devices/export.xlsx`,
      {
        schema: {
          tags,
          summary: "Export the device register to Excel (Z-5.7)",
          params: id,
          querystring: deviceFilter.omit({ page: true, pageSize: true }),
        },
      },
      async (req, reply) => {
        const { items } = await s.devices(actorOf(req), req.params.id, req.query, 1, EXPORT_LIMIT);
        type D = (typeof items)[number];
        return sendXlsx(
          reply,
          "数字化设备物品登记",
          [
            { header: "名称 Name", width: 24, value: (d: D) => d.name },
            { header: "类别 Kind", value: (d: D) => d.kind },
            { header: "序列号 Serial", width: 20, value: (d: D) => d.serial },
            { header: "所有方 Owner", value: (d: D) => d.owner },
            { header: "存储数据 Stores data", value: (d: D) => (d.storesData ? "是 yes" : "否 no") },
            { header: "责任人 Custodian", value: (d: D) => d.custodianName },
            { header: "工位 Workstation", value: (d: D) => d.workstationCode },
            { header: "处置 Disposition", value: (d: D) => d.disposition },
          ],
          items,
        );
      },
    );
    app.post(
      `${BASE}/projects/:id/devices`,
      {
        schema: {
          tags,
          summary: "Register a device or item with its custodian (Z-5.7)",
          params: id,
          body: z
            .object({
              kind: z.enum(DEVICE_KINDS),
              name: text(100),
              serial: text(60),
              owner: z.enum(DEVICE_OWNERS),
              storesData: z.boolean(),
              custodianPersonId: z.uuid().optional(),
              workstationId: z.uuid().optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.registerDevice(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/devices/:id/designation`,
      {
        schema: {
          tags,
          summary: "Designate a storage device for results (Z-7.5)",
          params: id,
          body: z.object({ designated: z.boolean() }).strict(),
        },
      },
      async (req) => s.designateDevice(actorOf(req), req.params.id, req.body.designated),
    );
    app.post(
      `${BASE}/devices/:id/disposition`,
      {
        schema: {
          tags,
          summary: "Record the device's disposition at close (Z-8.3)",
          params: id,
          body: z.object({ disposition: z.enum(DISPOSITIONS), note: optText(500) }).strict(),
        },
      },
      async (req) => s.dispose(actorOf(req), req.params.id, req.body),
    );

    app.get(
      `${BASE}/projects/:id/device-exits`,
      {
        schema: {
          tags,
          summary: "Device take-outs (Z-5.7)",
          params: id,
          querystring: z.object({
            status: z.enum(["requested", "approved", "rejected", "out", "returned"]).optional(),
          }),
        },
      },
      async (req) => s.deviceExits(actorOf(req), req.params.id, req.query.status),
    );
    app.post(
      `${BASE}/devices/:id/exits`,
      {
        schema: {
          tags,
          summary: "Ask the client to let a device leave the site (Z-5.7)",
          params: id,
          body: z.object({ reason: text(500) }).strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.requestExit(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/device-exits/:id/decision`,
      {
        schema: {
          tags,
          summary: "The client checks and approves or rejects the take-out (Z-5.7)",
          params: id,
          body: z.object({ approve: z.boolean(), note: optText(500) }).strict(),
        },
      },
      async (req) => s.decideExit(actorOf(req), req.params.id, req.body),
    );
    app.post(
      `${BASE}/device-exits/:id/exit`,
      { schema: { tags, summary: "Record that the approved device left the site (Z-5.7)", params: id } },
      async (req) => s.recordExit(actorOf(req), req.params.id),
    );
    app.post(
      `${BASE}/device-exits/:id/return`,
      {
        schema: {
          tags,
          summary: "Record that the device is back (Z-5.7)",
          params: id,
          body: z.object({ note: optText(500) }).strict(),
        },
      },
      async (req) => s.recordReturn(actorOf(req), req.params.id, req.body),
    );

    app.get(
      `${BASE}/projects/:id/ports`,
      { schema: { tags, summary: "Ports, seal state, due and overdue seal tests (Z-5.8)", params: id } },
      async (req) => s.ports(actorOf(req), req.params.id),
    );
    app.post(
      `${BASE}/devices/:id/ports`,
      {
        schema: {
          tags,
          summary: "Register a port: sealed, or needed with a post and person (Z-5.8)",
          params: id,
          body: z
            .object({
              kind: z.enum(PORT_KINDS),
              label: text(60),
              state: z.enum(PORT_STATES),
              workstationId: z.uuid().optional(),
              personId: z.uuid().optional(),
              post: optText(100),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.registerPort(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/ports/:id/seal-tests`,
      {
        schema: {
          tags,
          summary: "Record a seal test; a broken seal on an unneeded port opens an incident (Z-5.8)",
          params: id,
          body: z
            .object({
              result: z.enum(SEAL_RESULTS),
              note: optText(500),
              testedAt: z.iso.datetime({ offset: true }).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.recordSealTest(actorOf(req), req.params.id, req.body)),
    );
  };

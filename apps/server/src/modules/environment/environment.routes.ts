// Vault environment (D-9.4, D-9.5): overview, one vault's page, chart data,
// sensors, CSV readings and each agency's limits. Alerts are in alerts.routes.ts,
// the sensors' own ingestion route in sensor-ingest.routes.ts.
import { isUtf8 } from "node:buffer";
import { CARRIER_ZONES, DomainError, SENSOR_CODE } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";
import { SERIES_RANGES, type SeriesRange } from "./series.service.ts";

const id = z.object({ id: z.uuid() });
const zone = z.enum(CARRIER_ZONES);
const limit = (lo: number, hi: number) => z.number().min(lo).max(hi).nullable().default(null);
const tags = ["environment"];

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: { zh: "请选择要导入的 CSV 文件", en: "Send the CSV file in the 'file' field" },
  });

export const environmentRoutes =
  ({ environment: env }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/environment/vaults",
      {
        schema: {
          tags,
          summary: "Vaults I may see, with their latest reading, sensors and open alerts",
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            agencyId: z.uuid().optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, q, agencyId } = request.query;
        return env.vaults.overview(actorOf(request), { q, agencyOrgId: agencyId }, page, pageSize);
      },
    );

    app.get(
      "/api/environment/vaults/:id",
      {
        schema: {
          tags,
          summary: "A vault's limits per zone, sensors and permissions (D-9.4, D-9.5)",
          params: id,
        },
      },
      async (request) => env.vaults.summary(actorOf(request), request.params.id),
    );

    app.get(
      "/api/environment/vaults/:id/series",
      {
        schema: {
          tags,
          summary: "Readings over 24 h, 7 d or 30 d, downsampled to min/avg/max per bucket",
          params: id,
          querystring: z.object({
            range: z.enum(Object.keys(SERIES_RANGES) as [SeriesRange, ...SeriesRange[]]).default("24h"),
            sensorId: z.uuid().optional(),
          }),
        },
      },
      async (request) =>
        env.series.series(actorOf(request), request.params.id, request.query.range, request.query.sensorId),
    );

    app.post(
      "/api/environment/vaults/:id/sensors",
      {
        schema: {
          tags,
          summary: "Register a sensor; its HMAC secret and HTTP token are shown once",
          params: id,
          body: z
            .object({
              code: z.string().trim().regex(SENSOR_CODE),
              name: z.string().trim().min(1).max(100),
              zone: zone.nullish(),
            })
            .strict(),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await env.sensors.register(actorOf(request), request.params.id, request.body)),
    );

    app.patch(
      "/api/environment/sensors/:id",
      {
        schema: {
          tags,
          summary: "Rename a sensor, change its zone, deactivate or reactivate it",
          params: id,
          body: z
            .object({
              name: z.string().trim().min(1).max(100).optional(),
              zone: zone.nullish(),
              active: z.boolean().optional(),
            })
            .strict(),
        },
      },
      async (request) => env.sensors.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/environment/sensors/:id/credentials",
      {
        schema: {
          tags,
          summary: "New secret and token for a sensor (shown once; the old stop working)",
          params: id,
        },
      },
      async (request) => env.sensors.rotate(actorOf(request), request.params.id),
    );

    app.post(
      "/api/environment/vaults/:id/readings/import",
      {
        schema: {
          tags,
          summary:
            "Import readings from CSV (sensor_code, at, temperature_c, humidity_pct, lux); all or nothing",
          params: id,
          consumes: ["multipart/form-data"],
        },
      },
      async (request) => {
        await env.imports.importable(actorOf(request), request.params.id);
        const file = await request.file();
        if (!file) throw noFile();
        // A logger's export from Chinese Windows is GBK: read as UTF-8 its headers and codes were mojibake.
        const buf = await file.toBuffer();
        const text = new TextDecoder(isUtf8(buf) ? "utf-8" : "gb18030").decode(buf);
        return env.imports.importCsv(actorOf(request), request.params.id, text, file.filename);
      },
    );

    app.get(
      "/api/environment/agencies/:id/limits",
      {
        schema: {
          tags,
          summary: "An agency's limits per carrier zone: standard, own settings, in force",
          params: id,
        },
      },
      async (request) => env.limits.list(actorOf(request), request.params.id),
    );

    app.put(
      "/api/environment/agencies/:id/limits/:zone",
      {
        schema: {
          tags,
          summary:
            "Set an agency's limits for a zone: stricter than the standard only (D-9.4, D-9.5); null = standard",
          params: z.object({ id: z.uuid(), zone }),
          body: z
            .object({
              temperatureMin: limit(-40, 60),
              temperatureMax: limit(-40, 60),
              humidityMin: limit(0, 100),
              humidityMax: limit(0, 100),
              maxLux: limit(0, 100_000),
              swingTemperatureC: limit(0, 20),
              swingHumidityPct: limit(0, 50),
            })
            .strict(),
        },
      },
      async (request) =>
        env.limits.set(actorOf(request), request.params.id, request.params.zone, request.body),
    );
  };

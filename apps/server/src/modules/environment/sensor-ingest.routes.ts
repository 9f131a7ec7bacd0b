// A sensor posts its own readings (D-9.4, D-9.5). Not a session route: the
// `x-sensor-token` header names and authenticates the sensor; without a valid
// token the answer is 401 and nothing is stored.
import { readingValuesSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../services.ts";
import { invalidSensorToken } from "./ingest.service.ts";

export const SENSOR_TOKEN_HEADER = "x-sensor-token";

export const sensorIngestRoutes =
  ({ environment: env }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/sensor-ingest/readings",
      {
        config: { public: true },
        // The token is checked before the body is even parsed.
        onRequest: async (request) => {
          if (typeof request.headers[SENSOR_TOKEN_HEADER] !== "string") throw invalidSensorToken();
        },
        schema: {
          tags: ["environment"],
          summary: "A sensor's readings, authenticated by its token in the x-sensor-token header",
          security: [],
          headers: z.object({ [SENSOR_TOKEN_HEADER]: z.string().min(1).max(200) }),
          body: z.object({ readings: z.array(readingValuesSchema).min(1).max(1440) }).strict(),
        },
      },
      async (request) =>
        env.ingest.ingestWithToken(request.headers[SENSOR_TOKEN_HEADER], request.body.readings),
    );
  };

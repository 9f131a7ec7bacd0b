// Every oversight route (G-7): one registration in app.ts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Services } from "../../services.ts";
import { inspectionRoutes } from "./inspections.routes.ts";
import { planRoutes } from "./plans.routes.ts";
import { rectificationRoutes } from "./rectifications.routes.ts";

export const oversightRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(inspectionRoutes(services));
    await app.register(rectificationRoutes(services));
    await app.register(planRoutes(services));
  };

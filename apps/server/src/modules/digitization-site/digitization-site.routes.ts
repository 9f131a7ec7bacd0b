// The digitization site's routes (Z-5.5–Z-5.8, Z-7.1, Z-7.2, Z-7.5–Z-7.7, Z-8.3).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Services } from "../../services.ts";
import { devicesRoutes } from "./devices.routes.ts";
import { mediaRoutes } from "./media.routes.ts";
import { peopleRoutes } from "./people.routes.ts";

export const digitizationSiteRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(peopleRoutes(services));
    await app.register(devicesRoutes(services));
    await app.register(mediaRoutes(services));
  };

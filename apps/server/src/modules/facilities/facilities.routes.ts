// Every route of the facilities module, registered once from app.ts.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Services } from "../../services.ts";
import { equipmentRoutes } from "./equipment.routes.ts";
import { locationRoutes } from "./locations.routes.ts";
import { siteRoutes } from "./sites.routes.ts";
import { staffRoutes } from "./staff.routes.ts";
import { vaultRoutes } from "./vaults.routes.ts";

export const facilitiesRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    for (const routes of [siteRoutes, vaultRoutes, equipmentRoutes, staffRoutes, locationRoutes])
      await app.register(routes(services));
  };

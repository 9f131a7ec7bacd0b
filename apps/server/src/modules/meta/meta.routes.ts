// Public reference data the UI needs before sign-in, and a health check.
import {
  DISTRICTS,
  ORG_KIND_LABELS,
  REGISTRATION_STATUS_LABELS,
  ROLES,
  SERVICE_TYPE_LABELS,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { Services } from "../../services.ts";

export const metaRoutes =
  ({ db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/meta",
      {
        config: { public: true },
        schema: { tags: ["meta"], summary: "Reference data: districts, roles, labels" },
      },
      async () => ({
        districts: DISTRICTS,
        roles: ROLES,
        orgKinds: ORG_KIND_LABELS,
        serviceTypes: SERVICE_TYPE_LABELS,
        registrationStatuses: REGISTRATION_STATUS_LABELS,
      }),
    );

    app.get(
      "/api/health",
      { config: { public: true }, schema: { tags: ["meta"], summary: "Liveness and database reachability" } },
      async (_request, reply) => {
        try {
          await sql`SELECT 1`.execute(db);
          return { ok: true, database: "up" };
        } catch {
          return reply.status(503).send({ ok: false, database: "down" });
        }
      },
    );
  };

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";

const KINDS = [
  "loss",
  "damage",
  "leak",
  "security",
  "anomaly",
  "discrepancy",
  "banned_item",
  "environment",
  "other",
] as const;
const STATUSES = ["open", "investigating", "closed"] as const;

export const incidentRoutes =
  ({ incidents }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/incidents",
      {
        schema: {
          tags: ["incidents"],
          summary: "Incidents on projects visible to me (G-7)",
          querystring: z.object({
            projectId: z.uuid().optional(),
            status: z.enum(STATUSES).optional(),
            kind: z.enum(KINDS).optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return incidents.list(actorOf(request), f, page, pageSize);
      },
    );

    app.post(
      "/api/incidents",
      {
        schema: {
          tags: ["incidents"],
          summary: "Report an incident on a project",
          body: z
            .object({
              projectId: z.uuid(),
              kind: z.enum(KINDS),
              severity: z.enum(["minor", "major", "critical"]),
              title: z.string().trim().min(1).max(200),
              description: z.string().trim().max(8000).optional(),
              clauseId: z
                .string()
                .regex(/^[GDZ]-\d+(\.\d+)?$/)
                .optional(),
            })
            .strict(),
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: await incidents.open(actorOf(request), request.body) }),
    );

    app.patch(
      "/api/incidents/:id",
      {
        schema: {
          tags: ["incidents"],
          summary: "Move an incident to investigation or close it with its resolution",
          params: z.object({ id: z.uuid() }),
          body: z
            .object({
              status: z.enum(["investigating", "closed"]),
              resolution: z.string().trim().max(8000).optional(),
            })
            .strict(),
        },
      },
      async (request) => incidents.update(actorOf(request), request.params.id, request.body),
    );
  };

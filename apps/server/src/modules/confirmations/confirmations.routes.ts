import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";
import { ENTITY_TYPES } from "../attachments/entity-access.ts";

const entity = { entityType: z.enum(ENTITY_TYPES), entityId: z.uuid() };

export const confirmationRoutes =
  ({ confirmations }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/confirmations",
      {
        schema: {
          tags: ["confirmations"],
          summary: "Confirmations given on a record, each re-verified",
          querystring: z.object(entity),
        },
      },
      async (request) => ({
        items: await confirmations.list(actorOf(request), request.query.entityType, request.query.entityId),
      }),
    );

    app.post(
      "/api/confirmations",
      {
        schema: {
          tags: ["confirmations"],
          summary:
            "Confirm the exact content of a document for my organisation (Ed25519 over its SM3 digest)",
          body: z
            .object({
              ...entity,
              documentKind: z.string().trim().min(1).max(60),
              attachmentId: z.uuid().optional(),
              documentDigest: z
                .string()
                .regex(/^[0-9a-f]{64}$/)
                .optional(),
            })
            .strict(),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await confirmations.confirm(actorOf(request), request.body)),
    );

    app.get(
      "/api/confirmations/:id/bundle",
      {
        schema: {
          tags: ["confirmations"],
          summary: "Offline verification bundle",
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request) => confirmations.exportBundle(actorOf(request), request.params.id),
    );
  };

import { contractSaveSchema, contractSignSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";

const params = z.object({ id: z.uuid() });

export const contractRoutes =
  ({ contracts }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/projects/:id/contract",
      {
        schema: {
          tags: ["contracts"],
          summary: "The project's contract, with the fields its clauses require",
          params,
        },
      },
      async (request) => contracts.get(actorOf(request), request.params.id),
    );

    app.put(
      "/api/projects/:id/contract",
      {
        schema: { tags: ["contracts"], summary: "Save the draft contract", params, body: contractSaveSchema },
      },
      async (request) => contracts.save(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/projects/:id/contract/sign",
      {
        schema: {
          tags: ["contracts"],
          summary: "Record the contract as signed (complete fields and signed document required)",
          params,
          body: contractSignSchema,
        },
      },
      async (request) =>
        contracts.sign(
          actorOf(request),
          request.params.id,
          request.body.signedDocumentId,
          request.body.signedOn,
        ),
    );
  };

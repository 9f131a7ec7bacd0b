import { noticeCreateSchema, spotCheckPlanSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";

const tags = ["oversight"];
const params = z.object({ id: z.uuid() });

/** Yearly spot-check plans and notices (G-7). */
export const planRoutes =
  ({ oversight }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { sampling, notices } = oversight;
    app.get(
      "/api/oversight/plans",
      { schema: { tags, summary: "My regulator's yearly spot-check plans (G-7)" } },
      async (request) => ({ items: await sampling.list(actorOf(request)) }),
    );

    app.post(
      "/api/oversight/plans",
      {
        schema: {
          tags,
          summary: "Draw the yearly sample from a recorded seed (G-7)",
          body: spotCheckPlanSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await sampling.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/oversight/plans/:id",
      {
        schema: {
          tags,
          summary: "A plan: sampled projects, strata, and whether the seed reproduces it",
          params,
        },
      },
      async (request) => sampling.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/oversight/plans/:id/inspect",
      {
        schema: {
          tags,
          summary: "Start the spot inspection of a sampled project",
          params,
          body: z
            .object({ projectId: z.uuid(), title: z.string().trim().min(1).max(200).optional() })
            .strict(),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await sampling.inspect(
              actorOf(request),
              request.params.id,
              request.body.projectId,
              request.body.title,
            ),
          ),
    );

    app.get(
      "/api/oversight/notices",
      {
        schema: {
          tags,
          summary: "Notices (通报) published to my area (G-7)",
          querystring: z.object({ q: z.string().trim().max(100).optional(), ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return notices.list(actorOf(request), f, page, pageSize);
      },
    );

    app.post(
      "/api/oversight/notices",
      {
        schema: {
          tags,
          summary: "Publish a major finding as a notice to my area (G-7)",
          body: noticeCreateSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await notices.publish(actorOf(request), request.body)),
    );

    app.get(
      "/api/oversight/notices/:id",
      { schema: { tags, summary: "A notice", params } },
      async (request) => notices.get(actorOf(request), request.params.id),
    );
  };

import { passwordSchema, userCreateSchema, userUpdateSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";

const idParams = z.object({ id: z.uuid() });

export const userRoutes =
  ({ users }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/users",
      {
        schema: {
          tags: ["users"],
          summary: "Users of my organisation (administrators)",
          querystring: z.object({
            orgId: z.uuid().optional(),
            q: z.string().trim().max(100).optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { orgId, q, page, pageSize } = request.query;
        return users.list(actor, orgId ?? actor.orgId, q, page, pageSize);
      },
    );

    app.post(
      "/api/users",
      { schema: { tags: ["users"], summary: "Add a user to my organisation", body: userCreateSchema } },
      async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
    );

    app.patch(
      "/api/users/:id",
      {
        schema: {
          tags: ["users"],
          summary: "Change a user's name, roles or status",
          params: idParams,
          body: userUpdateSchema,
        },
      },
      async (request) => users.update(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/users/:id/unlock",
      { schema: { tags: ["users"], summary: "Lift a sign-in lockout", params: idParams } },
      async (request) => {
        await users.unlock(actorOf(request), request.params.id);
        return { ok: true };
      },
    );

    app.post(
      "/api/users/:id/mfa/reset",
      {
        schema: {
          tags: ["users"],
          summary: "Remove a user's lost second factor and end their sessions",
          params: idParams,
        },
      },
      async (request) => {
        await users.resetMfa(actorOf(request), request.params.id);
        return { ok: true };
      },
    );

    app.post(
      "/api/users/:id/password",
      {
        schema: {
          tags: ["users"],
          summary: "Set a new password for a user",
          params: idParams,
          body: z.object({ password: passwordSchema }).strict(),
        },
      },
      async (request) => {
        await users.resetPassword(actorOf(request), request.params.id, request.body.password);
        return { ok: true };
      },
    );
  };

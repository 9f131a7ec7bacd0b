import { loginSchema, passwordSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, SESSION_COOKIE } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";

export const authRoutes =
  (services: Services, secureCookies: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const { auth, users } = services;

    app.post(
      "/api/auth/login",
      {
        config: { public: true },
        schema: { tags: ["auth"], summary: "Sign in; sets the session cookie", body: loginSchema },
      },
      async (request, reply) => {
        const r = await auth.signIn(request.body.username, request.body.password, {
          ip: request.ip,
          userAgent: request.headers["user-agent"],
        });
        reply.setCookie(SESSION_COOKIE, r.sessionToken, {
          path: "/",
          httpOnly: true,
          sameSite: "strict",
          secure: secureCookies,
          expires: r.expiresAt,
        });
        return { csrfToken: r.csrfToken, me: await users.me(r.actor) };
      },
    );

    app.post(
      "/api/auth/logout",
      { schema: { tags: ["auth"], summary: "Sign out" } },
      async (request, reply) => {
        if (request.sessionToken) await auth.signOut(request.sessionToken, actorOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return { ok: true };
      },
    );

    app.get(
      "/api/auth/session",
      { config: { public: true }, schema: { tags: ["auth"], summary: "The signed-in user, or null" } },
      async (request) => {
        if (!request.actorOrNull) return { me: null, csrfToken: null };
        return { me: await users.me(request.actorOrNull), csrfToken: request.csrfToken };
      },
    );

    app.post(
      "/api/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change own password; ends other sessions",
          body: z.object({ current: z.string().min(1).max(128), next: passwordSchema }).strict(),
        },
      },
      async (request, reply) => {
        await auth.changePassword(actorOf(request), request.body.current, request.body.next);
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return { ok: true };
      },
    );

    app.get(
      "/api/auth/tokens",
      { schema: { tags: ["auth"], summary: "My API tokens" } },
      async (request) => ({
        items: await auth.listTokens(actorOf(request)),
      }),
    );

    app.post(
      "/api/auth/tokens",
      {
        schema: {
          tags: ["auth"],
          summary: "Create an API token (shown once)",
          body: z
            .object({
              name: z.string().trim().min(1).max(100),
              expiresInDays: z.number().int().min(1).max(3650).optional(),
            })
            .strict(),
        },
      },
      async (request) => auth.createToken(actorOf(request), request.body.name, request.body.expiresInDays),
    );

    app.delete(
      "/api/auth/tokens/:id",
      { schema: { tags: ["auth"], summary: "Revoke an API token", params: z.object({ id: z.uuid() }) } },
      async (request) => {
        await auth.revokeToken(actorOf(request), request.params.id);
        return { ok: true };
      },
    );
  };

import {
  loginSchema,
  mfaDisableSchema,
  mfaEnableSchema,
  mfaLoginSchema,
  passwordSchema,
  type UserActor,
} from "@dangan/domain";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, SESSION_COOKIE } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";
import type { SignIn } from "./auth.service.ts";
import type { SecondFactor } from "./mfa.service.ts";

const factorOf = (b: { code?: string | undefined; recoveryCode?: string | undefined }): SecondFactor =>
  b.code !== undefined ? { code: b.code } : { recoveryCode: b.recoveryCode ?? "" };

export const authRoutes =
  (services: Services, secureCookies: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const { auth, users } = services;

    /** The user with their MFA state; `mfaEnrolmentRequired` is the session's flag. */
    const meOf = async (actor: UserActor, mfaEnrolmentRequired: boolean) => ({
      ...(await users.me(actor)),
      mfaEnabled: await auth.mfa.enabled(actor),
      mfaEnrolmentRequired,
    });

    const startSession = async (reply: FastifyReply, r: SignIn) => {
      reply.setCookie(SESSION_COOKIE, r.sessionToken, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookies,
        expires: r.expiresAt,
      });
      return { csrfToken: r.csrfToken, me: await meOf(r.actor, r.mfaEnrolmentRequired) };
    };

    app.post(
      "/api/auth/login",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary: "Sign in; sets the session cookie, or asks for the second factor (mfaRequired, challenge)",
          body: loginSchema,
        },
      },
      async (request, reply) => {
        const r = await auth.signIn(request.body.username, request.body.password, {
          ip: request.ip,
          userAgent: request.headers["user-agent"],
        });
        if ("mfaRequired" in r) return r;
        return startSession(reply, r);
      },
    );

    app.post(
      "/api/auth/login/mfa",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary: "Second step of a sign-in: the challenge and a TOTP code or a recovery code",
          body: mfaLoginSchema,
        },
      },
      async (request, reply) => {
        const r = await auth.completeMfaSignIn(request.body.challenge, factorOf(request.body), {
          ip: request.ip,
          userAgent: request.headers["user-agent"],
        });
        return startSession(reply, r);
      },
    );

    app.post(
      "/api/auth/logout",
      { config: { mfaEnrolment: true }, schema: { tags: ["auth"], summary: "Sign out" } },
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
        return {
          me: await meOf(request.actorOrNull, request.mfaEnrolmentRequired),
          csrfToken: request.csrfToken,
        };
      },
    );

    app.post(
      "/api/auth/password",
      {
        config: { mfaEnrolment: true },
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

    app.post(
      "/api/auth/mfa/setup",
      {
        config: { mfaEnrolment: true },
        schema: {
          tags: ["auth"],
          summary: "Start two-factor setup: a new TOTP secret and otpauth:// URI, not yet in force",
        },
      },
      async (request) => auth.mfa.setup(actorOf(request)),
    );

    app.post(
      "/api/auth/mfa/enable",
      {
        config: { mfaEnrolment: true },
        schema: {
          tags: ["auth"],
          summary: "Turn two-factor sign-in on with a code; returns the recovery codes (shown once)",
          body: mfaEnableSchema,
        },
      },
      async (request) => auth.mfa.enable(actorOf(request), request.body.code),
    );

    app.post(
      "/api/auth/mfa/disable",
      {
        schema: {
          tags: ["auth"],
          summary: "Turn two-factor sign-in off; needs the password and a code or recovery code",
          body: mfaDisableSchema,
        },
      },
      async (request) => {
        await auth.mfa.disable(actorOf(request), request.body.password, factorOf(request.body));
        return { ok: true };
      },
    );

    app.get(
      "/api/auth/mfa",
      { config: { mfaEnrolment: true }, schema: { tags: ["auth"], summary: "My two-factor state" } },
      async (request) => auth.mfa.status(actorOf(request)),
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

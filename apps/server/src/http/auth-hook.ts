// Resolves who is calling (session cookie or API token) before any handler,
// requires it on every route not marked public, and checks the CSRF token on
// cookie-authenticated writes (double submit: the token is bound to the session).
// A session waiting for MFA enrolment (DANGAN_MFA_REQUIRED_ROLES) reaches only
// routes marked `mfaEnrolment` (and public ones).
import { timingSafeEqual } from "node:crypto";
import { mfaEnrolmentRequired, type UserActor, unauthenticated } from "@dangan/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { csrfRejected } from "../modules/auth/auth.errors.ts";
import type { AuthService } from "../modules/auth/auth.service.ts";

export const SESSION_COOKIE = "dangan_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actorOrNull: UserActor | null;
    sessionToken: string | null;
    csrfToken: string | null;
    /** The session must set up MFA before anything else. */
    mfaEnrolmentRequired: boolean;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Served to a session that must set up MFA first (sign-out, password, MFA setup). */
    mfaEnrolment?: boolean;
  }
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest("actorOrNull", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("mfaEnrolmentRequired", false);

  app.addHook("onRequest", async (request) => {
    const bearer = request.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
    if (bearer) {
      request.actorOrNull = await auth.fromApiToken(bearer);
      if (!request.actorOrNull && !request.routeOptions.config.public) throw unauthenticated();
      return; // tokens are not sent automatically by browsers: no CSRF check
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const s = await auth.fromSession(cookie);
      if (s) {
        request.actorOrNull = s.actor;
        request.sessionToken = cookie;
        request.csrfToken = s.csrfToken;
        request.mfaEnrolmentRequired = s.mfaEnrolmentRequired;
      }
    }
    const { config } = request.routeOptions;
    if (!config.public && !request.actorOrNull) throw unauthenticated();
    if (request.mfaEnrolmentRequired && !config.public && !config.mfaEnrolment) throw mfaEnrolmentRequired();
    if (request.actorOrNull && !SAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !request.csrfToken || !sameToken(sent, request.csrfToken))
        throw csrfRejected();
    }
  });
}

/** The signed-in user; only call on routes that are not public. */
export function actorOf(request: FastifyRequest): UserActor {
  if (!request.actorOrNull) throw unauthenticated();
  return request.actorOrNull;
}

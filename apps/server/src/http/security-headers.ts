// Browser hardening headers on every response (ASVS 14.4).
import type { FastifyInstance } from "fastify";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design injects its CSS-in-JS styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** `hsts`: the server is reached over HTTPS only (secure cookies), so browsers must never fall back (ASVS 14.4.5). */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts?: boolean } = {}): void {
  app.addHook("onSend", async (request, reply) => {
    if (opts.hsts) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    if (!request.url.startsWith("/docs")) reply.header("content-security-policy", CSP);
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
  });
}

// Serves the built web UI on the same port as the API, with the SPA fallback.
// Its files are public (the sign-in page must load before anyone signs in).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

export async function registerWeb(app: FastifyInstance, dist = DEFAULT_WEB_DIST): Promise<boolean> {
  const built = existsSync(`${dist}/index.html`);
  await app.register(async (web) => {
    web.addHook("onRoute", (route) => {
      route.config = { ...(route.config ?? {}), public: true };
    });
    if (built) await web.register(fastifyStatic, { root: dist, wildcard: false, index: "index.html" });
    web.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply
          .status(404)
          .send({ code: "ROUTE_NOT_FOUND", message: { zh: "接口不存在", en: "No such route" } });
      }
      if (!built) {
        return reply
          .status(503)
          .type("text/plain; charset=utf-8")
          .send(
            "网页界面尚未构建 · The web UI is not built: run `npm run build:web`. API: /api, docs: /docs.",
          );
      }
      return reply.sendFile("index.html");
    });
  });
  return built;
}

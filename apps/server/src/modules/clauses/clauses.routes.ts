// The clause catalogue of the guidance and its annexes (G-8: published specs
// are browsable in the platform).
import { CLAUSE_KINDS, type Clause, notFound } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../services.ts";

export function searchClauses(
  clauses: Clause[],
  f: { q?: string | undefined; module?: string | undefined; kind?: string | undefined },
) {
  const q = f.q?.toLowerCase();
  return clauses.filter(
    (c) =>
      (!f.module || c.module === f.module) &&
      (!f.kind || c.kind === f.kind) &&
      (!q ||
        c.id.toLowerCase() === q ||
        c.gloss.toLowerCase().includes(q) ||
        c.text.includes(f.q!) ||
        c.systemDuty.toLowerCase().includes(q)),
  );
}

export const clauseRoutes =
  ({ clauses }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/clauses",
      {
        schema: {
          tags: ["clauses"],
          summary: "Search the clause catalogue",
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            module: z.enum(["all", "oversight", "client", "agency", "custody", "digitization"]).optional(),
            kind: z.enum(CLAUSE_KINDS).optional(),
          }),
        },
      },
      async (request) => ({ items: searchClauses(clauses, request.query) }),
    );

    app.get(
      "/api/clauses/:id",
      {
        schema: {
          tags: ["clauses"],
          summary: "One clause",
          params: z.object({ id: z.string().regex(/^[GDZ]-S?\d+(\.\d+)?$/) }),
        },
      },
      async (request) => {
        const c = clauses.find((x) => x.id === request.params.id);
        if (!c) throw notFound("clause", request.params.id);
        return c;
      },
    );
  };

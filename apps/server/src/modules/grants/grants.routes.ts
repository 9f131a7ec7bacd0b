// Written grants (D-10.2, D-10.3, D-10.5, D-10.7): list, read, draft, issue
// (the client confirms the digest), revoke, the printable PDF.
import { GRANT_STATUSES, grantDraftSchema, grantRevokeSchema, USE_MODES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";
import { renderGrantPdf } from "./grant-pdf.ts";

const id = z.object({ id: z.uuid() });
const tags = ["grants"];

export const grantRoutes =
  ({ grants }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/grants",
      {
        schema: {
          tags,
          summary: "Written grants I am a party to (client, agency or grantee)",
          querystring: z.object({
            projectId: z.uuid().optional(),
            status: z.enum(GRANT_STATUSES).optional(),
            mode: z.enum(USE_MODES).optional(),
            q: z.string().trim().max(50).optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return grants.list(actorOf(request), f, page, pageSize);
      },
    );

    app.post(
      "/api/grants",
      {
        schema: {
          tags,
          summary: "Draft a written grant (the client's archive managers)",
          body: grantDraftSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await grants.draft(actorOf(request), request.body)),
    );

    app.get(
      "/api/grants/:id",
      { schema: { tags, summary: "A written grant with its items and boxes", params: id } },
      async (request) => grants.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/grants/:id/issue",
      {
        schema: {
          tags,
          summary: "Issue: freeze the scope and confirm the grant's SM3 digest for the client (D-10.2)",
          params: id,
        },
      },
      async (request) => grants.issue(actorOf(request), request.params.id),
    );

    app.post(
      "/api/grants/:id/revoke",
      { schema: { tags, summary: "Revoke the grant, with a reason", params: id, body: grantRevokeSchema } },
      async (request) => grants.revoke(actorOf(request), request.params.id, request.body.reason),
    );

    app.get(
      "/api/grants/:id/document.pdf",
      { schema: { tags, summary: "The written grant printed in Chinese", params: id } },
      async (request, reply) => {
        const g = await grants.get(actorOf(request), request.params.id);
        const full = await grants.load(actorOf(request), request.params.id);
        const doc = renderGrantPdf({ ...full, granteeIdNumber: g.granteeIdNumber }, g.items);
        return reply
          .header("content-type", "application/pdf")
          .header(
            "content-disposition",
            `attachment; filename="grant.pdf"; filename*=UTF-8''${encodeURIComponent(`书面授权 ${g.grantNo}`)}.pdf`,
          )
          .send(doc);
      },
    );
  };

// Full-text routes (Z-7.4, D-10.1, D-10.2): the OCR job of a delivery (status,
// (re)start), the search over page text in the caller's scope, and searchable
// PDF access copies of a page or a volume. Thin: schema, actor, one call.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";

const id = z.object({ id: z.uuid() });
const tags = ["page-text"];

const pdfDisposition = (name: string) =>
  `inline; filename="searchable.pdf"; filename*=UTF-8''${encodeURIComponent(name)}.pdf`;

export const pageTextRoutes =
  ({ pageText }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/page-text/search",
      {
        schema: {
          tags,
          summary:
            "Pages of digitized deliveries whose OCR text holds the words (two characters or more; the caller's projects only, D-10.2)",
          querystring: z.object({
            q: z.string().trim().min(2).max(100),
            projectId: z.uuid().optional(),
            deliveryId: z.uuid().optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => {
        const { page, pageSize, ...input } = req.query;
        return pageText.search(actorOf(req), input, page, pageSize);
      },
    );
    app.get(
      "/api/digitization-qc/deliveries/:id/page-text",
      {
        schema: {
          tags,
          summary: "The full-text OCR job of a delivery, with progress and the pages that have text",
          params: id,
        },
      },
      async (req) => pageText.status(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization-qc/deliveries/:id/page-text",
      {
        schema: {
          tags,
          summary:
            "(Re)start the full-text OCR of a checked delivery (the agency); pages already read are kept unless redo",
          params: id,
          body: z.object({ redo: z.boolean().optional() }).strict().optional(),
        },
      },
      async (req, reply) => {
        const r = await pageText.start(actorOf(req), req.params.id, { redo: req.body?.redo });
        return reply.code(202).send(r);
      },
    );
    app.get(
      "/api/digitization-qc/files/:id/searchable.pdf",
      {
        schema: {
          tags,
          summary:
            "One delivered page as a searchable PDF: the image with an invisible OCR text layer (DA/T 31 access copy)",
          params: id,
        },
      },
      async (req, reply) => {
        const r = await pageText.filePdf(actorOf(req), req.params.id);
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", pdfDisposition(r.name))
          .send(r.body);
      },
    );
    app.get(
      "/api/digitization-qc/deliveries/:id/searchable.pdf",
      {
        schema: {
          tags,
          summary: "One volume of a delivery (by reference code) as a searchable PDF, pages in order",
          params: id,
          querystring: z.object({ referenceCode: z.string().trim().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        const r = await pageText.volumePdf(actorOf(req), req.params.id, req.query.referenceCode);
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", pdfDisposition(r.name))
          .send(r.body);
      },
    );
  };

// D-8.10: the client's content-access grant for a batch, the content files of
// its items, and opening one (refused to agency staff without the grant).
import { contentGrantSchema, DomainError } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";

const params = z.object({ id: z.uuid() });
const itemQuery = z.object({ itemId: z.uuid() });
const tags = ["intake"];

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: { zh: "请选择要上传的文件", en: "Send one file in the 'file' field" },
  });

export const intakeContentRoutes =
  ({ intakeContent }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/intake/batches/:id/content-access",
      {
        schema: {
          tags,
          summary: "The client grants agency staff access to item content (D-8.10)",
          params,
          body: contentGrantSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await intakeContent.grant(actorOf(request), request.params.id, request.body.note)),
    );

    app.delete(
      "/api/intake/batches/:id/content-access",
      { schema: { tags, summary: "The client revokes its content-access grant (D-8.10)", params } },
      async (request) => intakeContent.revoke(actorOf(request), request.params.id),
    );

    app.get(
      "/api/intake/batches/:id/content",
      {
        schema: {
          tags,
          summary: "Content files of an item: names and sizes only",
          params,
          querystring: itemQuery,
        },
      },
      async (request) => ({
        items: await intakeContent.list(actorOf(request), request.params.id, request.query.itemId),
      }),
    );

    app.post(
      "/api/intake/batches/:id/content",
      {
        schema: {
          tags,
          summary: "The client adds a scan or photo of an item (multipart field 'file')",
          params,
          querystring: itemQuery,
          consumes: ["multipart/form-data"],
        },
      },
      async (request, reply) => {
        await intakeContent.authorizeAdd(actorOf(request), request.params.id, request.query.itemId);
        if (!request.isMultipart()) throw noFile();
        const file = await request.file();
        if (!file) throw noFile();
        const row = await intakeContent.add(actorOf(request), request.params.id, request.query.itemId, {
          filename: file.filename,
          stream: file.file,
        });
        return reply.status(201).send(row);
      },
    );

    app.get(
      "/api/intake/content/:id",
      {
        schema: {
          tags,
          summary: "Open an item's content file: the client, or agency staff under a grant; logged (D-8.10)",
          params,
        },
      },
      async (request, reply) => {
        const { row, stream } = await intakeContent.view(actorOf(request), request.params.id);
        return reply
          .header("content-type", row.mediaType)
          .header("content-length", row.sizeBytes)
          .header("x-content-type-options", "nosniff")
          .header(
            "content-disposition",
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
          )
          .send(stream);
      },
    );
  };

import { DomainError } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";
import { ENTITY_TYPES } from "./entity-access.ts";

const entityQuery = z.object({ entityType: z.enum(ENTITY_TYPES), entityId: z.uuid() });

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: { zh: "请选择要上传的文件", en: "Send one file in the 'file' field" },
  });

export const attachmentRoutes =
  ({ attachments }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/attachments",
      { schema: { tags: ["attachments"], summary: "Attachments of a record", querystring: entityQuery } },
      async (request) => ({
        items: await attachments.list(actorOf(request), request.query.entityType, request.query.entityId),
      }),
    );

    app.post(
      "/api/attachments",
      {
        schema: {
          tags: ["attachments"],
          summary: "Upload a file (multipart field 'file', optional field 'label') to a record",
          querystring: entityQuery.extend({ label: z.string().trim().max(200).optional() }),
          consumes: ["multipart/form-data"],
        },
      },
      async (request, reply) => {
        await attachments.authorizeAttach(actorOf(request), request.query.entityType, request.query.entityId);
        if (!request.isMultipart()) throw noFile();
        const file = await request.file();
        if (!file) throw noFile();
        const row = await attachments.add(
          actorOf(request),
          request.query.entityType,
          request.query.entityId,
          { filename: file.filename, stream: file.file },
          request.query.label,
        );
        return reply.status(201).send(row);
      },
    );

    app.get(
      "/api/attachments/:id/content",
      {
        schema: {
          tags: ["attachments"],
          summary: "Download an attachment",
          params: z.object({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const { row, stream } = await attachments.open(actorOf(request), request.params.id);
        return reply
          .header("content-type", row.mediaType)
          .header("content-length", row.sizeBytes)
          .header("x-content-sm3", row.sm3)
          .header("x-content-type-options", "nosniff")
          .header(
            "content-disposition",
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
          )
          .send(stream);
      },
    );
  };

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { ENTITY_TYPES } from "../attachments/entity-access.ts";

const filter = {
  action: z.string().trim().max(60).optional(),
  actionPrefix: z.string().trim().max(60).optional(),
  excludeActionPrefix: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(80).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
};

export const auditRoutes =
  ({ audit }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Audit events visible to me, newest first",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return audit.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/audit/export.xlsx",
      { schema: { tags: ["audit"], summary: "Export audit events to Excel", querystring: z.object(filter) } },
      async (request, reply) => {
        const { items } = await audit.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "审计日志",
          [
            { header: "序号 Seq", value: (e) => e.seq },
            { header: "时间 Time", width: 24, value: (e) => e.at },
            { header: "操作人 Actor", value: (e) => e.actorName ?? "系统 system" },
            { header: "操作 Action", width: 28, value: (e) => e.action },
            { header: "对象 Entity", value: (e) => e.entityType },
            { header: "对象编号 Entity id", width: 38, value: (e) => e.entityId },
            { header: "内容 Payload", width: 60, value: (e) => JSON.stringify(e.payload) },
            { header: "哈希 SM3", width: 66, value: (e) => e.hash },
          ],
          items,
        );
      },
    );

    app.get(
      "/api/audit/trail",
      {
        schema: {
          tags: ["audit"],
          summary: "The audit trail of one record",
          querystring: z.object({ entityType: z.enum(ENTITY_TYPES), entityId: z.uuid() }),
        },
      },
      async (request) => ({
        items: await audit.trail(actorOf(request), request.query.entityType, request.query.entityId),
      }),
    );

    app.post(
      "/api/audit/verify",
      { schema: { tags: ["audit"], summary: "Verify the whole hash chain; names the first broken event" } },
      async (request) => audit.verify(actorOf(request)),
    );
  };

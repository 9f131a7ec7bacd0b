import {
  rectificationDecideSchema,
  rectificationIssueSchema,
  rectificationRespondSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const tags = ["oversight"];
const params = z.object({ id: z.uuid() });
const STATUS_ZH = { open: "待整改", responded: "待审核", rejected: "已退回", accepted: "已通过" };
const listQuery = z.object({
  status: z.enum(["open", "responded", "rejected", "accepted"]).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  projectId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});

export const rectificationRoutes =
  ({ oversight }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { rectifications } = oversight;
    app.get(
      "/api/oversight/rectifications",
      {
        schema: {
          tags,
          summary: "Rectification orders addressed to, or issued by, me (G-7)",
          querystring: listQuery.extend(pageQuery),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return rectifications.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/oversight/rectifications/export.xlsx",
      { schema: { tags, summary: "Rectification orders as Excel", querystring: listQuery } },
      async (request, reply) => {
        const page = await rectifications.list(actorOf(request), request.query, 1, 10_000);
        return sendXlsx(
          reply,
          "整改通知",
          [
            { header: "项目", value: (r) => `${r.projectCode} ${r.projectName}`, width: 30 },
            { header: "中介机构", value: (r) => r.agencyName, width: 24 },
            { header: "条款", value: (r) => r.clauseId },
            { header: "整改要求", value: (r) => r.requirement, width: 40 },
            { header: "整改期限", value: (r) => r.deadline },
            { header: "状态", value: (r) => STATUS_ZH[r.status] },
            { header: "逾期", value: (r) => (r.overdue ? "是" : "否") },
          ],
          page.items,
        );
      },
    );

    app.get(
      "/api/oversight/rectifications/summary",
      { schema: { tags, summary: "Open and overdue rectification orders for my home page (G-7)" } },
      async (request) => rectifications.summary(actorOf(request)),
    );

    app.post(
      "/api/oversight/rectifications",
      {
        schema: {
          tags,
          summary: "Issue a rectification order with a deadline from a finding (G-7)",
          body: rectificationIssueSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await rectifications.issue(actorOf(request), request.body)),
    );

    app.get(
      "/api/oversight/rectifications/:id",
      { schema: { tags, summary: "A rectification order with its responses and next actions", params } },
      async (request) => rectifications.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/oversight/rectifications/:id/respond",
      {
        schema: {
          tags,
          summary: "Respond with what was done; evidence attached first (G-7)",
          params,
          body: rectificationRespondSchema,
        },
      },
      async (request) => rectifications.respond(actorOf(request), request.params.id, request.body.response),
    );

    app.post(
      "/api/oversight/rectifications/:id/decide",
      {
        schema: {
          tags,
          summary: "Accept or reject the response (G-7)",
          params,
          body: rectificationDecideSchema,
        },
      },
      async (request) =>
        rectifications.decide(actorOf(request), request.params.id, request.body.decision, request.body.note),
    );
  };

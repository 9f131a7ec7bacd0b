// Classification-mark alerts (Z-7.3, D-10.8): the list for the client, the
// agency and the regulator, one alert with its highlighted page, the client's
// decision, and the client's release or block of a held remote copy.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const id = z.object({ id: z.uuid() });
const tags = ["screening"];
const filter = z.object({
  status: z.enum(["open", "cleared", "confirmed"]).optional(),
  source: z.enum(["qc_delivery", "remote_copy"]).optional(),
  q: z.string().trim().max(50).optional(),
});
const decision = z.object({
  decision: z.enum(["clear", "confirm"]),
  note: z.string().trim().max(500).optional(),
});

const STATUS = { open: "待处理", cleared: "误报已解除", confirmed: "已确认涉密" } as const;
const SOURCE = { qc_delivery: "数字化质检", remote_copy: "远程调阅交付" } as const;

export const screeningRoutes =
  ({ screening: s }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/screening/hits",
      {
        schema: {
          tags,
          summary: "Classification-mark alerts (Z-7.3, D-10.8)",
          querystring: filter.extend(pageQuery),
        },
      },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.list(actorOf(req), f, page, pageSize);
      },
    );
    app.get(
      "/api/screening/hits/export.xlsx",
      { schema: { tags, summary: "Export classification-mark alerts to Excel", querystring: filter } },
      async (req, reply) => {
        const { items } = await s.list(actorOf(req), req.query, 1, EXPORT_LIMIT);
        type H = (typeof items)[number];
        return sendXlsx(
          reply,
          "涉密标志筛查预警",
          [
            { header: "发现时间 Found", width: 20, value: (h: H) => h.createdAt },
            { header: "来源 Source", value: (h: H) => SOURCE[h.source] },
            { header: "委托方 Client", width: 24, value: (h: H) => h.clientName },
            { header: "服务机构 Agency", width: 24, value: (h: H) => h.agencyName },
            {
              header: "案卷/申请 Volume/request",
              width: 24,
              value: (h: H) => h.volumeReferenceCode ?? h.requestNo,
            },
            { header: "文件 File", width: 30, value: (h: H) => h.fileLabel },
            { header: "页 Page", value: (h: H) => h.page },
            { header: "识别文字 Text", width: 20, value: (h: H) => h.matchedText },
            { header: "密级 Level", value: (h: H) => h.level },
            { header: "状态 Status", value: (h: H) => STATUS[h.status] },
            { header: "处理时间 Decided", width: 20, value: (h: H) => h.decidedAt },
            { header: "说明 Note", width: 30, value: (h: H) => h.decisionNote },
          ],
          items,
        );
      },
    );
    app.get(
      "/api/screening/summary",
      { schema: { tags, summary: "Open classification-mark alerts (count)" } },
      async (req) => s.summary(actorOf(req)),
    );
    app.get(
      "/api/screening/hits/:id",
      { schema: { tags, summary: "One classification-mark alert", params: id } },
      async (req) => s.get(actorOf(req), req.params.id),
    );
    app.get(
      "/api/screening/hits/:id/image",
      {
        schema: {
          tags,
          summary: "The page with the mark's region outlined (Z-7.3)",
          params: id,
          querystring: z.object({ width: z.coerce.number().int().min(200).max(2400).default(1000) }),
        },
      },
      async (req, reply) => {
        const img = await s.image(actorOf(req), req.params.id, req.query.width);
        if (!img)
          return reply.code(404).send({
            code: "IMAGE_UNAVAILABLE",
            message: { zh: "页面图像不可用", en: "The page image is not available" },
          });
        return reply.type("image/jpeg").header("cache-control", "private, no-store").send(img);
      },
    );
    app.post(
      "/api/screening/hits/:id/decision",
      {
        schema: {
          tags,
          summary: "The client clears a false alarm (the volume resumes) or confirms the mark (Z-7.3)",
          params: id,
          body: decision,
        },
      },
      async (req) => s.decide(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/screening/remote-copies/:id/decision",
      {
        schema: {
          tags,
          summary: "The client releases or blocks a held remote copy (D-10.8)",
          params: id,
          body: decision,
        },
      },
      async (req) => s.decideRemoteCopy(actorOf(req), req.params.id, req.body),
    );
  };

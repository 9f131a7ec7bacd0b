import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { MOVEMENT_KIND_ZH, MOVEMENT_KINDS } from "../movements/movement-labels.ts";
import { HOLDING_DIMENSIONS } from "./holdings.ts";
import { PERIODS } from "./periods.ts";

const DIMENSION_ZH = {
  client: "委托方 Client",
  agency: "机构 Agency",
  project: "项目 Project",
  vault: "库房 Vault",
  category: "门类 Category",
  carrier: "载体 Carrier",
} as const;

const holdingQuery = z.object({
  by: z.enum(HOLDING_DIMENSIONS).default("client"),
  projectId: z.uuid().optional(),
  agencyOrgId: z.uuid().optional(),
  clientOrgId: z.uuid().optional(),
});
const periodQuery = z.object({
  period: z.enum(PERIODS).default("month"),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  vaultId: z.uuid().optional(),
  clientOrgId: z.uuid().optional(),
  projectId: z.uuid().optional(),
});
const tags = ["statistics"];

export const statisticsRoutes =
  ({ statistics }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/statistics/holdings",
      {
        schema: {
          tags,
          summary:
            "Holdings (boxes, items, pages) by client, agency, project, vault, category or carrier (D-12.1)",
          querystring: holdingQuery,
        },
      },
      async (request) => {
        const { by, ...f } = request.query;
        return statistics.holdings(actorOf(request), by, f);
      },
    );

    app.get(
      "/api/statistics/holdings/export.xlsx",
      { schema: { tags, summary: "Export holdings to Excel", querystring: holdingQuery } },
      async (request, reply) => {
        const { by, ...f } = request.query;
        const { rows, total } = await statistics.holdings(actorOf(request), by, f);
        return sendXlsx(
          reply,
          "库存统计",
          [
            { header: DIMENSION_ZH[by], width: 36, value: (r) => r.label ?? "（未填）" },
            { header: "盒数 Boxes", value: (r) => r.boxes },
            { header: "件数 Items", value: (r) => r.items },
            { header: "页数 Pages", value: (r) => r.pages },
          ],
          [...rows, { key: null, label: "合计 Total", ...total }],
        );
      },
    );

    app.get(
      "/api/statistics/movements",
      {
        schema: {
          tags,
          summary: "Movements by kind per month, quarter or year (D-12.1)",
          querystring: periodQuery,
        },
      },
      async (request) => ({ items: await statistics.movements(actorOf(request), request.query) }),
    );

    app.get(
      "/api/statistics/movements/export.xlsx",
      { schema: { tags, summary: "Export movements per period to Excel", querystring: periodQuery } },
      async (request, reply) =>
        sendXlsx(
          reply,
          "出入库统计",
          [
            { header: "期间 Period", value: (r) => r.period },
            ...MOVEMENT_KINDS.map((k) => ({
              header: `${MOVEMENT_KIND_ZH[k]} ${k}`,
              value: (r: { [x: string]: unknown }) => r[k] as number,
            })),
            { header: "合计 Total", value: (r) => r.total },
          ],
          await statistics.movements(actorOf(request), request.query),
        ),
    );

    app.get(
      "/api/statistics/use",
      {
        schema: {
          tags,
          summary: "Use per period: checkouts, returns, boxes used (D-12.1)",
          querystring: periodQuery,
        },
      },
      async (request) => ({ items: await statistics.use(actorOf(request), request.query) }),
    );

    app.get(
      "/api/statistics/use/export.xlsx",
      { schema: { tags, summary: "Export use per period to Excel", querystring: periodQuery } },
      async (request, reply) =>
        sendXlsx(
          reply,
          "调阅利用统计",
          [
            { header: "期间 Period", value: (r) => r.period },
            { header: "出库次数 Checkouts", value: (r) => r.checkouts },
            { header: "归库次数 Returns", value: (r) => r.returns },
            { header: "调用盒数 Boxes used", value: (r) => r.boxesUsed },
          ],
          await statistics.use(actorOf(request), request.query),
        ),
    );

    app.get(
      "/api/statistics/reconciliation",
      {
        schema: {
          tags,
          summary:
            "Rebuild the movement register and box locations from the audit trail and list differences (D-12.2)",
          querystring: z.object({ projectId: z.uuid().optional() }),
        },
      },
      async (request) => statistics.reconcile(actorOf(request), request.query.projectId),
    );
  };

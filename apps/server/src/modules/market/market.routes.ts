// Market view (G-5, Z-5.2): normalised fees with outliers, and agency comparison.
import { DEFAULT_OUTLIER_RULE, DISTRICT_CODES, SERVICE_TYPES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const tags = ["market"];
const filter = {
  serviceType: z.enum(SERVICE_TYPES).optional(),
  district: z.enum(DISTRICT_CODES).optional(),
  /** Scaled MADs from the median beyond which a price is flagged (G-5). */
  k: z.coerce.number().min(0.5).max(20).default(DEFAULT_OUTLIER_RULE.k),
  minGroupSize: z.coerce.number().int().min(2).max(100).default(DEFAULT_OUTLIER_RULE.minGroupSize),
};
const UNIT_ZH: Record<string, string> = {
  box_year: "元/盒·年",
  box: "元/盒",
  page: "元/页",
  volume: "元/卷",
  item: "元/件",
};
const FLAG_ZH = { inflated: "价格虚高", dumping: "低价倾销" } as const;

export const marketRoutes =
  ({ market }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/market/fees",
      {
        schema: {
          tags,
          summary: "Contract fees per unit with bands and outliers, in my scope (G-5)",
          querystring: z.object(filter),
        },
      },
      async (request) => {
        const { k, minGroupSize, ...f } = request.query;
        return market.fees(actorOf(request), f, { k, minGroupSize });
      },
    );

    app.get(
      "/api/market/fees/export.xlsx",
      { schema: { tags, summary: "Export normalised fees to Excel", querystring: z.object(filter) } },
      async (request, reply) => {
        const { k, minGroupSize, ...f } = request.query;
        const { items } = await market.fees(actorOf(request), f, { k, minGroupSize });
        return sendXlsx(
          reply,
          "收费统计",
          [
            { header: "项目", value: (r) => `${r.projectCode} ${r.projectName}`, width: 36 },
            { header: "服务类型", value: (r) => r.serviceType },
            { header: "受托机构", value: (r) => r.agencyName, width: 30 },
            { header: "区", value: (r) => r.agencyDistrict },
            { header: "合同价格", value: (r) => r.price },
            { header: "计价单位", value: (r) => r.pricingUnit },
            { header: "折算单价", value: (r) => r.unitPrice },
            { header: "折算单位", value: (r) => UNIT_ZH[r.unit] ?? r.unit },
            { header: "异常", value: (r) => (r.flag ? FLAG_ZH[r.flag] : "") },
          ],
          items,
        );
      },
    );

    app.get(
      "/api/market/compare",
      {
        schema: {
          tags,
          summary: "Candidate agencies side by side (Z-5.2)",
          querystring: z.object({
            agencyIds: z
              .string()
              .transform((s) => s.split(",").filter(Boolean))
              .pipe(z.array(z.uuid()).min(1).max(6)),
          }),
        },
      },
      async (request) => market.compare(actorOf(request), request.query.agencyIds),
    );
  };

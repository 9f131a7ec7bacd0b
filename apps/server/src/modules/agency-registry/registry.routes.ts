// The agency registry (G-12, G-14, D-4.2): search, filters, pages, Excel, the
// entry of one agency and changes of its standing.
import { DISTRICT_CODES, REGISTRATION_STATUSES, SERVICE_TYPES, STANDING_ACTIONS } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const tags = ["registry"];
const id = z.object({ id: z.uuid() });
const filter = {
  q: z.string().trim().max(100).optional(),
  district: z.enum(DISTRICT_CODES).optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  foreignBacked: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
};
const STATUS_ZH = { active: "正常", suspended: "暂停", revoked: "撤销" } as const;

export const registryRoutes =
  ({ registry }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/registry/agencies",
      {
        schema: {
          tags,
          summary: "The register of agencies in my area (G-12, D-4.2)",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return registry.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/registry/agencies/export.xlsx",
      {
        schema: { tags, summary: "Export the register of agencies to Excel", querystring: z.object(filter) },
      },
      async (request, reply) =>
        sendXlsx(
          reply,
          "档案中介机构名录",
          [
            { header: "机构名称", value: (r) => r.name, width: 36 },
            { header: "统一社会信用代码", value: (r) => r.creditCode, width: 22 },
            { header: "区", value: (r) => r.district },
            { header: "服务类型", value: (r) => r.serviceTypes.join("、") },
            { header: "许可证号", value: (r) => r.licenceNumber },
            { header: "经营范围", value: (r) => r.businessScope, width: 40 },
            { header: "状态", value: (r) => STATUS_ZH[r.registrationStatus] },
            { header: "外资背景", value: (r) => (r.foreignBacked ? "是" : "否") },
            { header: "在职人员", value: (r) => r.staffCount },
            { header: "中级以上职称", value: (r) => r.titledStaffCount },
            { header: "库房数", value: (r) => r.vaultCount },
            { header: "在办项目", value: (r) => r.activeProjectCount },
            { header: "未结事故", value: (r) => r.openIncidentCount },
          ],
          await registry.exportRows(actorOf(request), request.query),
        ),
    );

    app.get(
      "/api/registry/agencies/:id",
      { schema: { tags, summary: "An agency's registry entry", params: id } },
      async (request) => registry.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/registry/agencies/:id/standing",
      {
        schema: {
          tags,
          summary: "Suspend, reinstate or revoke an agency, with the reason (G-12)",
          params: id,
          body: z
            .object({ action: z.enum(STANDING_ACTIONS), reason: z.string().trim().max(2000).optional() })
            .strict(),
        },
      },
      async (request) =>
        registry.changeStanding(
          actorOf(request),
          request.params.id,
          request.body.action,
          request.body.reason,
        ),
    );
  };

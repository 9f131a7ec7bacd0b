// Environment alerts (D-9.4, D-9.5): the list (per vault or everything I may
// see), its Excel export, and acknowledgement with a note.
import { CARRIER_ZONE_LABELS, type CarrierZone, EXCURSION_KIND_LABELS } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const KINDS = Object.keys(EXCURSION_KIND_LABELS) as [
  keyof typeof EXCURSION_KIND_LABELS,
  ...(keyof typeof EXCURSION_KIND_LABELS)[],
];
const filter = {
  vaultId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  status: z.enum(["open", "acknowledged"]).optional(),
  kind: z.enum(KINDS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};
const tags = ["environment"];

export const alertRoutes =
  ({ environment: env }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/environment/alerts",
      {
        schema: {
          tags,
          summary: "Environment alerts I may see (D-9.4, D-9.5)",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, agencyId, ...f } = request.query;
        return env.alerts.list(actorOf(request), { ...f, agencyOrgId: agencyId }, page, pageSize);
      },
    );

    app.get(
      "/api/environment/alerts/export.xlsx",
      { schema: { tags, summary: "Export the filtered alerts to Excel", querystring: z.object(filter) } },
      async (request, reply) => {
        const { agencyId, ...f } = request.query;
        const rows = await env.alerts.rows(actorOf(request), { ...f, agencyOrgId: agencyId }, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "库房环境告警",
          [
            { header: "库房 Vault", value: (a) => `${a.vaultCode} ${a.vaultName}` },
            { header: "机构 Agency", width: 30, value: (a) => a.agencyName },
            { header: "类型 Kind", value: (a) => EXCURSION_KIND_LABELS[a.kind].zh },
            { header: "条款 Clause", value: (a) => a.clauseId },
            { header: "区域 Zone", value: (a) => CARRIER_ZONE_LABELS[a.zone as CarrierZone]?.zh ?? a.zone },
            { header: "传感器 Sensor", value: (a) => a.sensorCode },
            { header: "状态 Status", value: (a) => (a.status === "open" ? "未确认" : "已确认") },
            { header: "首次 First", width: 20, value: (a) => a.firstAt },
            { header: "最近 Last", width: 20, value: (a) => a.lastAt },
            { header: "次数 Occurrences", value: (a) => a.occurrences },
            { header: "限值 Limit", value: (a) => a.limitValue },
            { header: "最差值 Worst", value: (a) => a.worstValue },
            { header: "确认人 Acknowledged by", value: (a) => a.acknowledgedByName },
            { header: "确认时间 Acknowledged at", width: 20, value: (a) => a.acknowledgedAt },
            { header: "处理说明 Note", width: 40, value: (a) => a.acknowledgementNote },
          ],
          rows,
        );
      },
    );

    app.post(
      "/api/environment/alerts/:id/acknowledge",
      {
        schema: {
          tags,
          summary: "Acknowledge an alert with a note (the vault's keeper or the agency manager)",
          params: z.object({ id: z.uuid() }),
          body: z.object({ note: z.string().trim().min(1).max(2000) }).strict(),
        },
      },
      async (request) => env.alerts.acknowledge(actorOf(request), request.params.id, request.body.note),
    );
  };

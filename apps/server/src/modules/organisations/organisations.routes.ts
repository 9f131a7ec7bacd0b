import {
  DISTRICT_CODES,
  DISTRICTS,
  ORG_KIND_LABELS,
  ORG_KINDS,
  organisationCreateSchema,
  organisationUpdateSchema,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ServiceType,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const filterQuery = {
  kind: z.enum(ORG_KINDS).optional(),
  district: z.enum(DISTRICT_CODES).optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  registrationStatus: z.enum(REGISTRATION_STATUSES).optional(),
  foreignBacked: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  q: z.string().trim().max(100).optional(),
};
const idParams = z.object({ id: z.uuid() });

export const organisationRoutes =
  ({ organisations }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/organisations",
      {
        schema: {
          tags: ["organisations"],
          summary: "List organisations visible to me",
          querystring: z.object({ ...filterQuery, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return organisations.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/organisations/export.xlsx",
      {
        schema: {
          tags: ["organisations"],
          summary: "Export the filtered list to Excel",
          querystring: z.object(filterQuery),
        },
      },
      async (request, reply) => {
        const { items } = await organisations.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "机构名录",
          [
            { header: "名称 Name", width: 36, value: (o) => o.name },
            { header: "类型 Kind", value: (o) => ORG_KIND_LABELS[o.kind].zh },
            {
              header: "所在区 District",
              value: (o) => DISTRICTS[o.district as keyof typeof DISTRICTS]?.zh ?? o.district,
            },
            { header: "统一社会信用代码 Credit code", width: 24, value: (o) => o.creditCode },
            {
              header: "服务类型 Services",
              width: 30,
              value: (o) =>
                o.serviceTypes.map((s) => SERVICE_TYPE_LABELS[s as ServiceType]?.zh ?? s).join("、"),
            },
            { header: "营业执照号 Licence", width: 24, value: (o) => o.licenceNumber },
            { header: "登记状态 Status", value: (o) => REGISTRATION_STATUS_LABELS[o.registrationStatus].zh },
            {
              header: "外资背景 Foreign-backed",
              value: (o) => (o.kind === "agency" ? (o.foreignBacked ? "是" : "否") : ""),
            },
            { header: "联系人 Contact", value: (o) => o.contactName },
            { header: "联系电话 Phone", value: (o) => o.contactPhone },
          ],
          items,
        );
      },
    );

    app.get(
      "/api/organisations/:id",
      {
        schema: {
          tags: ["organisations"],
          summary: "One organisation, with what I may do to it",
          params: idParams,
        },
      },
      async (request) => organisations.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/organisations",
      {
        schema: {
          tags: ["organisations"],
          summary: "Register an organisation (regulator administrators)",
          body: organisationCreateSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await organisations.create(actorOf(request), request.body)),
    );

    app.patch(
      "/api/organisations/:id",
      {
        schema: {
          tags: ["organisations"],
          summary: "Update a profile; standing fields need a supervising regulator (G-12)",
          params: idParams,
          body: organisationUpdateSchema,
        },
      },
      async (request) => organisations.update(actorOf(request), request.params.id, request.body),
    );
  };

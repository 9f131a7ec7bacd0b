// Workstations and posts (Z-7.2), people and badges, the entry check and exit (Z-5.6, Z-7.1).
import { BANNED_ITEMS, WORKSTATION_KINDS } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { BASE, id, optText, tags, text } from "./routes-common.ts";

const peopleFilter = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(["active", "revoked"]).optional(),
  ...pageQuery,
});

export const peopleRoutes =
  ({ digitizationSite: s }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${BASE}/projects/:id/workstations`,
      { schema: { tags, summary: "Workstations with their fixed posts and people (Z-7.2)", params: id } },
      async (req) => s.workstations(actorOf(req), req.params.id),
    );
    app.post(
      `${BASE}/projects/:id/workstations`,
      {
        schema: {
          tags,
          summary: "Set up a workstation (Z-7.2)",
          params: id,
          body: z.object({ code: text(30), kind: z.enum(WORKSTATION_KINDS), name: text(100) }).strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.createWorkstation(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/workstations/:id/assignments`,
      {
        schema: {
          tags,
          summary: "Assign a registered person to a fixed post at the workstation (Z-7.2)",
          params: id,
          body: z.object({ personId: z.uuid(), post: text(100) }).strict(),
        },
      },
      async (req, reply) => reply.status(201).send(await s.assign(actorOf(req), req.params.id, req.body)),
    );

    app.get(
      `${BASE}/projects/:id/people`,
      {
        schema: {
          tags,
          summary:
            "People registered by name with badges (Z-5.6); ID numbers masked but for the client and agency manager",
          params: id,
          querystring: peopleFilter,
        },
      },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.people(actorOf(req), req.params.id, f, page, pageSize);
      },
    );
    app.get(
      `${BASE}/projects/:id/people/export.xlsx`,
      {
        schema: {
          tags,
          summary: "Export the people register to Excel (Z-5.6)",
          params: id,
          querystring: peopleFilter.omit({ page: true, pageSize: true }),
        },
      },
      async (req, reply) => {
        const { items } = await s.people(actorOf(req), req.params.id, req.query, 1, EXPORT_LIMIT);
        type P = (typeof items)[number];
        return sendXlsx(
          reply,
          "数字化场所人员登记",
          [
            { header: "姓名 Name", value: (p: P) => p.name },
            { header: "身份证号 ID number", width: 22, value: (p: P) => p.idNumber },
            { header: "工作牌号 Badge", value: (p: P) => p.badgeNo },
            { header: "单位 Organisation", width: 24, value: (p: P) => p.orgName },
            { header: "岗位 Role", value: (p: P) => p.role },
            { header: "状态 Status", value: (p: P) => p.status },
            { header: "登记时间 Registered", width: 20, value: (p: P) => p.registeredAt },
          ],
          items,
        );
      },
    );
    app.post(
      `${BASE}/projects/:id/people`,
      {
        schema: {
          tags,
          summary: "Register a person by name, with a badge (Z-5.6)",
          params: id,
          body: z
            .object({
              name: text(50),
              idNumber: z.string().trim().min(6).max(30),
              badgeNo: optText(30).transform((v) => v || undefined),
              role: text(50),
              orgId: z.uuid().optional(),
              userId: z.uuid().optional(),
            })
            .strict(),
        },
      },
      async (req, reply) => reply.status(201).send(await s.register(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/people/:id/revoke`,
      { schema: { tags, summary: "Revoke a registration: no more entry (Z-5.6)", params: id } },
      async (req) => s.revoke(actorOf(req), req.params.id),
    );
    app.post(
      `${BASE}/people/:id/designation`,
      {
        schema: {
          tags,
          summary: "Designate a person to store and copy results (Z-7.5)",
          params: id,
          body: z.object({ designated: z.boolean() }).strict(),
        },
      },
      async (req) => s.designatePerson(actorOf(req), req.params.id, req.body.designated),
    );

    app.get(
      `${BASE}/projects/:id/entries`,
      {
        schema: {
          tags,
          summary: "The daily entry/exit log with entry checks (Z-5.6, Z-7.1)",
          params: id,
          querystring: z.object({
            day: z.iso.date().optional(),
            outcome: z.enum(["admitted", "refused"]).optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.entries(actorOf(req), req.params.id, f, page, pageSize);
      },
    );
    app.post(
      `${BASE}/projects/:id/entries`,
      {
        schema: {
          tags,
          summary:
            "Entry check: registered, active, badged; no phone, camera, recorder or medium (Z-5.6, Z-7.1)",
          params: id,
          body: z
            .object({
              personId: z.uuid().optional(),
              badgeNo: optText(30),
              declaredItems: z.array(z.enum(BANNED_ITEMS)).max(10).default([]),
              foundItems: z.array(z.enum(BANNED_ITEMS)).max(10).default([]),
              note: optText(500),
            })
            .strict()
            .refine((b) => b.personId || b.badgeNo, {
              message: "personId or badgeNo is required",
              path: ["personId"],
            }),
        },
      },
      async (req, reply) => reply.status(201).send(await s.checkIn(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/entries/:id/exit`,
      { schema: { tags, summary: "Record the exit (Z-5.6)", params: id } },
      async (req) => s.checkOut(actorOf(req), req.params.id),
    );
  };

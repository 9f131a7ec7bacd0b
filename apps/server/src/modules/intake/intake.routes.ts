// Intake batches (D-8.1 – D-8.10): the list, one batch with its steps and
// next actions, the step transitions, boxing, condition checks, treatment,
// repacking consent and register, labels and the shelving locations.
import {
  boxCreateSchema,
  conditionCheckSchema,
  INTAKE_STATES,
  intakeBatchCreateSchema,
  intakeTransitionSchema,
  treatmentSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { STATUS_ZH } from "./intake-labels-zh.ts";

const params = z.object({ id: z.uuid() });
const filter = {
  q: z.string().trim().max(100).optional(),
  projectId: z.uuid().optional(),
  status: z.enum(INTAKE_STATES).optional(),
};
const tags = ["intake"];

export const intakeRoutes =
  ({
    intake,
    intakeBoxes,
    intakeConditions,
    intakeConsent,
    intakeLabels,
    intakeLocations,
  }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/intake/batches",
      {
        schema: {
          tags,
          summary: "Intake batches visible to me",
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return intake.list(actorOf(request), f, page, pageSize);
      },
    );

    app.get(
      "/api/intake/batches/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export the filtered intake batches to Excel",
          querystring: z.object(filter),
        },
      },
      async (request, reply) => {
        const { items } = await intake.list(actorOf(request), request.query, 1, EXPORT_LIMIT);
        return sendXlsx(
          reply,
          "入库批次",
          [
            { header: "批次 Batch", value: (b) => b.code },
            { header: "名称 Title", width: 30, value: (b) => b.title },
            { header: "项目 Project", width: 30, value: (b) => `${b.projectCode} ${b.projectName}` },
            { header: "委托方 Client", width: 30, value: (b) => b.clientName },
            { header: "受托机构 Agency", width: 30, value: (b) => b.agencyName },
            { header: "步骤 Step", value: (b) => STATUS_ZH[b.status] },
            { header: "箱数 Boxes", value: (b) => b.boxCount },
            { header: "创建 Created", width: 20, value: (b) => b.createdAt },
            { header: "完成 Completed", width: 20, value: (b) => b.completedAt },
          ],
          items,
        );
      },
    );

    app.get(
      "/api/intake/catalogues",
      {
        schema: {
          tags,
          summary: "A project's handover catalogues, with the batch that took each in (D-8.2)",
          querystring: z.object({ projectId: z.uuid() }),
        },
      },
      async (request) => ({ items: await intake.catalogues(actorOf(request), request.query.projectId) }),
    );

    app.post(
      "/api/intake/batches",
      {
        schema: {
          tags,
          summary: "Start an intake batch on a running custody project",
          body: intakeBatchCreateSchema,
        },
      },
      async (request, reply) => reply.status(201).send(await intake.create(actorOf(request), request.body)),
    );

    app.get(
      "/api/intake/batches/:id",
      { schema: { tags, summary: "One batch: steps with people, boxes, anomalies, next actions", params } },
      async (request) => intake.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/intake/batches/:id/transitions",
      {
        schema: {
          tags,
          summary: "Close a step with its record and people (D-7.2, D-8.1, D-8.4 – D-8.9, D-9.1)",
          params,
          body: intakeTransitionSchema,
        },
      },
      async (request) => intake.transition(actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/intake/batches/:id/items",
      { schema: { tags, summary: "The batch's catalogue items with their boxes (metadata only)", params } },
      async (request) => {
        const b = await intake.readable(actorOf(request), request.params.id);
        return { items: await intake.repo.items(b.id) };
      },
    );

    app.post(
      "/api/intake/batches/:id/boxes",
      {
        schema: {
          tags,
          summary: "Make a numbered box with its barcode (D-8.5)",
          params,
          body: boxCreateSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await intakeBoxes.create(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/intake/batches/:id/conditions",
      {
        schema: {
          tags,
          summary: "Record the condition of a box or an item (D-8.4)",
          params,
          body: conditionCheckSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await intakeConditions.check(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/intake/conditions/:id/treatment",
      {
        schema: {
          tags,
          summary: "Record the treatment that clears a problem (D-8.4)",
          params,
          body: treatmentSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await intakeConditions.treat(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/intake/batches/:id/repack-consent",
      { schema: { tags, summary: "The client's signed consent to unseal and repack (D-8.9)", params } },
      async (request, reply) =>
        reply.status(201).send(await intakeConsent.consentToRepack(actorOf(request), request.params.id)),
    );

    app.post(
      "/api/intake/batches/:id/register/confirm",
      { schema: { tags, summary: "Confirm the repacking register for my organisation (D-8.9)", params } },
      async (request, reply) =>
        reply.status(201).send(await intakeConsent.confirmRegister(actorOf(request), request.params.id)),
    );

    app.get(
      "/api/intake/batches/:id/labels.pdf",
      {
        schema: {
          tags,
          summary: "Printable box labels with barcode and QR code (D-8.5)",
          params,
          querystring: z.object({ boxId: z.union([z.uuid(), z.array(z.uuid()).max(500)]).optional() }),
        },
      },
      async (request, reply) => {
        const ids = request.query.boxId === undefined ? undefined : [request.query.boxId].flat();
        const { pdf, filename } = await intakeLabels(actorOf(request), request.params.id, ids);
        return reply
          .header("content-type", "application/pdf")
          .header(
            "content-disposition",
            `inline; filename="labels.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .send(pdf);
      },
    );

    app.get(
      "/api/intake/batches/:id/locations",
      {
        schema: {
          tags,
          summary: "Locations in the agency's vaults that can take this batch's boxes (D-9.1)",
          params,
          querystring: z.object({ q: z.string().trim().max(50).optional() }),
        },
      },
      async (request) => ({
        items: await intakeLocations(actorOf(request), request.params.id, request.query.q),
      }),
    );
  };

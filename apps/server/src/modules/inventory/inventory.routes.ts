import {
  inventoryCheckStartSchema,
  inventoryPlanCreateSchema,
  inventoryPlanUpdateSchema,
  treatmentFindingSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { currentYear } from "./inventory-plans.service.ts";

const params = z.object({ id: z.uuid() });
const tags = ["inventory"];
const RESULT_ZH = { present: "在架", missing: "缺失", misplaced: "错架", unexpected: "不明/范围外" } as const;
const barcode = z.string().trim().min(1).max(100);

export const inventoryRoutes =
  ({ inventory }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/inventory/options",
      { schema: { tags, summary: "Vaults, clients and staff for inventory plans and checks" } },
      async (request) => inventory.plans.options(actorOf(request)),
    );

    app.get(
      "/api/inventory/shortfall",
      {
        schema: {
          tags,
          summary: "Completed checks per vault in a year; fewer than two is flagged (D-9.8)",
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        },
      },
      async (request) => ({
        items: await inventory.plans.shortfall(actorOf(request), request.query.year ?? currentYear()),
      }),
    );

    app.get(
      "/api/inventory/plans",
      {
        schema: {
          tags,
          summary: "Inventory plans of the vaults visible to me (D-9.8)",
          querystring: z.object({ vaultId: z.uuid().optional() }),
        },
      },
      async (request) => ({ items: await inventory.plans.list(actorOf(request), request.query) }),
    );

    app.post(
      "/api/inventory/plans",
      {
        schema: {
          tags,
          summary: "Plan inventory checks: period, scope, method (D-9.8)",
          body: inventoryPlanCreateSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.plans.create(actorOf(request), request.body)),
    );

    app.patch(
      "/api/inventory/plans/:id",
      { schema: { tags, summary: "Change an inventory plan", params, body: inventoryPlanUpdateSchema } },
      async (request) => inventory.plans.update(actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/inventory/checks",
      {
        schema: {
          tags,
          summary: "Inventory checks of the vaults visible to me",
          querystring: z.object({
            vaultId: z.uuid().optional(),
            status: z.enum(["in_progress", "completed"]).optional(),
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return inventory.checks.list(actorOf(request), f, page, pageSize);
      },
    );

    app.post(
      "/api/inventory/checks",
      {
        schema: {
          tags,
          summary: "Start a check against a plan, with the staff going in (D-9.8, D-9.9)",
          body: inventoryCheckStartSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await inventory.checks.start(actorOf(request), request.body)),
    );

    app.get(
      "/api/inventory/checks/:id",
      { schema: { tags, summary: "A check: shelves, scans, results, treatment needs", params } },
      async (request) => inventory.checks.get(actorOf(request), request.params.id),
    );

    app.get(
      "/api/inventory/checks/:id/results/export.xlsx",
      { schema: { tags, summary: "Export a check's results to Excel (the check record, D-9.8)", params } },
      async (request, reply) => {
        const k = await inventory.checks.get(actorOf(request), request.params.id);
        return sendXlsx(
          reply,
          `盘点结果-${k.vaultCode}`,
          [
            { header: "结果 Result", value: (r) => RESULT_ZH[r.result] },
            { header: "条码 Barcode", width: 22, value: (r) => r.barcode },
            { header: "盒号 Box no.", value: (r) => r.boxNo },
            { header: "项目 Project", value: (r) => r.projectCode },
            { header: "委托方 Client", width: 30, value: (r) => r.clientName },
            { header: "登记库位 Recorded", value: (r) => r.expectedLocation },
            { header: "实见库位 Found", value: (r) => r.foundLocation },
            { header: "已归位 Re-shelved", value: (r) => (r.reshelvedAt ? "是" : "") },
          ],
          k.results,
        );
      },
    );

    app.post(
      "/api/inventory/checks/:id/shelf",
      {
        schema: {
          tags,
          summary: "Scan a location barcode: open that shelf (the one before closes)",
          params,
          body: z.object({ locationBarcode: barcode }).strict(),
        },
      },
      async (request) =>
        inventory.scanning.openShelf(actorOf(request), request.params.id, request.body.locationBarcode),
    );

    app.post(
      "/api/inventory/checks/:id/shelf/close",
      { schema: { tags, summary: "Close the open shelf", params } },
      async (request) => inventory.scanning.closeShelf(actorOf(request), request.params.id),
    );

    app.post(
      "/api/inventory/checks/:id/scans",
      {
        schema: {
          tags,
          summary: "Scan a box barcode found on the open shelf",
          params,
          body: z.object({ barcode }).strict(),
        },
      },
      async (request) => inventory.scanning.scan(actorOf(request), request.params.id, request.body.barcode),
    );

    app.post(
      "/api/inventory/checks/:id/findings",
      {
        schema: {
          tags,
          summary: "Record a treatment need (pests, mould) with its incident (D-9.8)",
          params,
          body: treatmentFindingSchema,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await inventory.treatment.finding(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/inventory/checks/:id/complete",
      { schema: { tags, summary: "Complete the check: results, incidents, next due date (D-9.8)", params } },
      async (request) => inventory.completion.complete(actorOf(request), request.params.id),
    );

    app.post(
      "/api/inventory/results/:id/reshelve",
      { schema: { tags, summary: "Put a misplaced box back at its recorded location (D-11.2)", params } },
      async (request) => inventory.reshelving.reshelve(actorOf(request), request.params.id),
    );
  };

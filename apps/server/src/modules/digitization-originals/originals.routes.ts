// Volumes, screening and unshelving, handover lists with confirmation and PDF,
// condition, stops, and the return check of a digitization project's originals
// (Z-6.1–Z-6.4, Z-7.3, Z-8.1). Batches and the workstation chain: chain.routes.ts.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import {
  conditionSchema,
  DomainError,
  HANDOVER_DIRECTIONS,
  handoverListSchema,
  returnCheckSchema,
  screeningSchema,
  stopDecisionSchema,
  stopSchema,
  unshelveSchema,
  volumeCreateSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const id = z.object({ id: z.uuid() });
const tags = ["digitization-originals"];
const volumeFilter = z.object({
  q: z.string().trim().max(100).optional(),
  screening: z.enum(["pending", "cleared", "flagged"]).optional(),
  status: z.enum(["registered", "unshelved", "at_agency", "returned"]).optional(),
  batchId: z.uuid().optional(),
  stopped: z.enum(["true", "false"]).optional(),
  ...pageQuery,
});
const MAX_LIST_BYTES = 20 * 1024 * 1024;

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: { zh: "请选择案卷清单文件（.xlsx 或 .csv）", en: "Send the volume list in the 'file' field" },
  });

export const digitizationOriginalsRoutes =
  ({ digitizationOriginals: s }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/digitization/projects/:id/volumes",
      {
        schema: {
          tags,
          summary: "Volumes to digitize, with screening and place (Z-6.1)",
          params: id,
          querystring: volumeFilter,
        },
      },
      async (req) => {
        const { page, pageSize, stopped, ...f } = req.query;
        return s.volumes.list(
          actorOf(req),
          req.params.id,
          { ...f, stopped: stopped && stopped === "true" },
          page,
          pageSize,
        );
      },
    );
    app.get(
      "/api/digitization/projects/:id/volumes/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export the volumes to Excel",
          params: id,
          querystring: volumeFilter.omit({ page: true, pageSize: true }),
        },
      },
      async (req, reply) => {
        const { stopped, ...f } = req.query;
        const { items } = await s.volumes.list(
          actorOf(req),
          req.params.id,
          { ...f, stopped: stopped && stopped === "true" },
          1,
          EXPORT_LIMIT,
        );
        type V = (typeof items)[number];
        return sendXlsx<V>(
          reply,
          "案卷 volumes",
          [
            { header: "档号 Reference code", value: (v) => v.referenceCode, width: 28 },
            { header: "题名 Title", value: (v) => v.title, width: 40 },
            { header: "件数 Items", value: (v) => v.itemCount },
            { header: "预计页数 Pages", value: (v) => v.expectedPages },
            { header: "筛查 Screening", value: (v) => v.screening },
            { header: "状态 Status", value: (v) => v.status },
            { header: "批次 Batch", value: (v) => v.batchCode },
            { header: "工位 Workstation", value: (v) => v.workstationName },
            { header: "停止 Stopped", value: (v) => (v.openStopId ? "是 yes" : "") },
          ],
          items,
        );
      },
    );
    app.post(
      "/api/digitization/projects/:id/volumes",
      { schema: { tags, summary: "Register one volume (Z-6.1)", params: id, body: volumeCreateSchema } },
      async (req, reply) =>
        reply.status(201).send(await s.volumes.create(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/digitization/projects/:id/volumes/import",
      {
        schema: {
          tags,
          summary:
            "Import the volume list (.xlsx or .csv, multipart field 'file'); all or nothing, problems by row and column (Z-6.1)",
          params: id,
          consumes: ["multipart/form-data"],
        },
      },
      async (req, reply) => {
        await s.volumes.importable(actorOf(req), req.params.id);
        if (!req.isMultipart()) throw noFile();
        const file = await req.file({ limits: { fileSize: MAX_LIST_BYTES } });
        if (!file) throw noFile();
        const dir = join(tmpdir(), "dangan-volume-lists");
        await mkdir(dir, { recursive: true });
        const path = join(dir, randomBytes(8).toString("hex"));
        try {
          await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
          if (file.file.truncated)
            throw new DomainError({
              code: "FILE_TOO_LARGE",
              status: 413,
              message: { zh: "文件过大", en: "The file is too large" },
            });
          return reply
            .status(201)
            .send(await s.volumes.importFile(actorOf(req), req.params.id, path, file.filename));
        } finally {
          await rm(path, { force: true });
        }
      },
    );
    app.post(
      "/api/digitization/projects/:id/volumes/screening",
      {
        schema: {
          tags,
          summary: "The client's screening: cleared or flagged classified (Z-6.1)",
          params: id,
          body: screeningSchema,
        },
      },
      async (req) => s.volumes.screen(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/digitization/projects/:id/volumes/unshelve",
      {
        schema: {
          tags,
          summary: "Unshelving, by client users only (Z-6.2)",
          params: id,
          body: unshelveSchema,
        },
      },
      async (req) => s.volumes.unshelve(actorOf(req), req.params.id, req.body.volumeIds),
    );
    app.get(
      "/api/digitization/volumes/:id/chain",
      { schema: { tags, summary: "A volume's full chain of custody (Z-7.2)", params: id } },
      async (req) => s.volumes.chain(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization/volumes/:id/condition",
      {
        schema: {
          tags,
          summary: "Condition on receipt or return; damage opens an incident (Z-6.4)",
          params: id,
          body: conditionSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.stops.recordCondition(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/digitization/volumes/:id/stop",
      {
        schema: {
          tags,
          summary: "Stop a volume at once on classified content or damage (Z-7.3)",
          params: id,
          body: stopSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await s.stopVolume(actorOf(req), req.params.id, req.body.reason, {
            description: req.body.description,
            evidence: req.body.evidence,
          }),
        ),
    );
    app.get(
      "/api/digitization/projects/:id/stops",
      {
        schema: {
          tags,
          summary: "Stops of a project (Z-7.3)",
          params: id,
          querystring: z.object({ open: z.enum(["true", "false"]).optional() }),
        },
      },
      async (req) =>
        s.stops.list(
          actorOf(req),
          req.params.id,
          req.query.open === undefined ? undefined : req.query.open === "true",
        ),
    );
    app.get(
      "/api/digitization/stops/open",
      {
        schema: { tags, summary: "The client's open stops across its projects: its home-page alert (Z-7.3)" },
      },
      async (req) => s.stops.openForClient(actorOf(req)),
    );
    app.post(
      "/api/digitization/stops/:id/decision",
      {
        schema: {
          tags,
          summary: "The client resumes a stopped volume or withdraws it (Z-7.3)",
          params: id,
          body: stopDecisionSchema,
        },
      },
      async (req) => s.stops.decide(actorOf(req), req.params.id, req.body),
    );
    app.get(
      "/api/digitization/projects/:id/handover-lists",
      {
        schema: {
          tags,
          summary: "Handover lists of originals (Z-6.3, Z-8.1)",
          params: id,
          querystring: z.object({ direction: z.enum(HANDOVER_DIRECTIONS).optional() }),
        },
      },
      async (req) => s.handovers.list(actorOf(req), req.params.id, req.query.direction),
    );
    app.post(
      "/api/digitization/projects/:id/handover-lists",
      {
        schema: {
          tags,
          summary: "Draw up a handover list by volume and item (Z-6.3, Z-8.1)",
          params: id,
          body: handoverListSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.handovers.create(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      "/api/digitization/handover-lists/:id",
      {
        schema: {
          tags,
          summary: "A handover list with its lines, confirmations and return check",
          params: id,
        },
      },
      async (req) => s.handovers.get(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization/handover-lists/:id/confirm",
      { schema: { tags, summary: "Confirm the list's SM3 digest for your side (Z-6.3)", params: id } },
      async (req) => s.handovers.confirm(actorOf(req), req.params.id),
    );
    app.get(
      "/api/digitization/handover-lists/:id/pdf",
      { schema: { tags, summary: "The printable Chinese handover list (Z-6.3)", params: id } },
      async (req, reply) => {
        const { code, pdf } = await s.handovers.pdf(actorOf(req), req.params.id);
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="${encodeURIComponent(code)}.pdf"`)
          .send(pdf);
      },
    );
    app.post(
      "/api/digitization/handover-lists/:id/return-check",
      {
        schema: {
          tags,
          summary: "The client's volume-by-volume return check against the list (Z-8.1)",
          params: id,
          body: returnCheckSchema,
        },
      },
      async (req) => s.handovers.checkReturn(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/digitization/handover-lists/:id/close",
      { schema: { tags, summary: "Close the handover once every volume is back (Z-8.1)", params: id } },
      async (req) => s.handovers.close(actorOf(req), req.params.id),
    );
    app.get(
      "/api/digitization/projects/:id/return-status",
      { schema: { tags, summary: "Open points of the return of originals (Z-8.1)", params: id } },
      async (req) => s.handovers.returnStatus(actorOf(req), req.params.id),
    );
  };

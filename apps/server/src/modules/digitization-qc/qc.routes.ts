// Digitization QC routes (Z-7.4, Z-7.3): quality terms, deliveries and their
// check jobs, per-file results, the sampled review, verdict, corrections,
// previews and the PDF/xlsx reports. Thin: schema, actor, one service call.
import {
  COLOUR_MODES,
  DEFECT_CLASSES,
  DEFECT_TYPE_IDS,
  DEFECT_TYPES,
  DomainError,
  IMAGE_FORMATS,
  NATIONAL_QC_TERMS,
  QC_OUTCOMES,
  QC_RULE_IDS,
  QC_RULES,
  QC_TERM_SOURCES,
  qcTermsSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import { OUTCOME_ZH } from "./qc-report.ts";

const id = z.object({ id: z.uuid() });
const tags = ["digitization-qc"];
const STATIONS = ["preparation", "scanning", "image_processing", "metadata", "linking"] as const;

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: {
      zh: "请选择成果压缩包（zip 或 tar）",
      en: "Send the delivery archive (zip or tar) in the 'file' field",
    },
  });

export const digitizationQcRoutes =
  ({ digitizationQc: qc }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/digitization-qc/rules",
      {
        schema: {
          tags,
          summary: "The automatic rules, defect types and national quality terms with their sources",
        },
      },
      async () => ({
        rules: QC_RULES,
        ruleIds: QC_RULE_IDS,
        outcomes: QC_OUTCOMES,
        defectTypes: DEFECT_TYPES,
        defectClasses: DEFECT_CLASSES,
        national: NATIONAL_QC_TERMS,
        sources: QC_TERM_SOURCES,
      }),
    );
    app.get(
      "/api/projects/:id/digitization-qc/terms",
      {
        schema: {
          tags,
          summary: "The project's quality terms over the national figures (Z-7.4)",
          params: id,
        },
      },
      async (req) => qc.review.terms(actorOf(req), req.params.id),
    );
    app.put(
      "/api/projects/:id/digitization-qc/terms",
      {
        schema: {
          tags,
          summary: "Set the contract's quality terms; any looser than the national figure is refused (Z-7.4)",
          params: id,
          body: qcTermsSchema
            .extend({
              formats: z.array(z.enum(IMAGE_FORMATS)).min(1).optional(),
              colourModes: z.array(z.enum(COLOUR_MODES)).min(1).optional(),
              contractRef: z.string().trim().max(200).optional(),
            })
            .strict(),
        },
      },
      async (req) => qc.review.setTerms(actorOf(req), req.params.id, req.body),
    );
    app.get(
      "/api/digitization-qc/deliveries",
      {
        schema: {
          tags,
          summary: "Deliveries and their check jobs, with progress",
          querystring: z.object({
            projectId: z.uuid().optional(),
            batchId: z.uuid().optional(),
            status: z.enum(["queued", "checking", "checked", "failed"]).optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return qc.deliveries.list(actorOf(req), f, page, pageSize);
      },
    );
    app.post(
      "/api/digitization-batches/:id/deliveries",
      {
        schema: {
          tags,
          summary:
            "Hand in a delivery as a zip/tar archive (multipart field 'file'; catalogue.csv inside or the batch's volumes); answers 202 with the job to poll (Z-7.4)",
          params: id,
          querystring: z.object({ purpose: z.enum(["preservation", "access"]).optional() }),
          consumes: ["multipart/form-data"],
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await qc.deliveries.ingestable(actor, req.params.id);
        if (!req.isMultipart()) throw noFile();
        const file = await req.file({ limits: { fileSize: qc.deliveries.maxUploadBytes } });
        if (!file) throw noFile();
        const d = await qc.deliveries.ingestArchive(
          actor,
          req.params.id,
          { filename: file.filename, stream: file.file },
          { purpose: req.query.purpose },
        );
        return reply.status(202).send(d);
      },
    );
    app.get(
      "/api/digitization-qc/deliveries/:id",
      {
        schema: {
          tags,
          summary: "A delivery: progress, outcome, four-property report, volume results, corrections",
          params: id,
        },
      },
      async (req) => qc.deliveries.get(actorOf(req), req.params.id),
    );
    const fileFilter = {
      ruleId: z.enum(QC_RULE_IDS).optional(),
      outcome: z.enum(QC_OUTCOMES).optional(),
      q: z.string().trim().max(200).optional(),
    };
    app.get(
      "/api/digitization-qc/deliveries/:id/files",
      {
        schema: {
          tags,
          summary: "Per-file results, filtered by rule and outcome",
          params: id,
          querystring: z.object({ ...fileFilter, ...pageQuery }),
        },
      },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return qc.deliveries.files(actorOf(req), req.params.id, f, page, pageSize);
      },
    );
    app.get(
      "/api/digitization-qc/deliveries/:id/results.xlsx",
      { schema: { tags, summary: "Every check result of a delivery as Excel", params: id } },
      async (req, reply) => {
        const r = await qc.reports.results(actorOf(req), req.params.id);
        type R = (typeof r.rows)[number];
        return sendXlsx(
          reply,
          r.name,
          [
            { header: "文件 File", width: 40, value: (x: R) => x.path ?? "" },
            { header: "档号 Reference code", width: 26, value: (x: R) => x.referenceCode },
            { header: "规则 Rule", width: 18, value: (x: R) => x.ruleId },
            { header: "结果 Outcome", value: (x: R) => `${OUTCOME_ZH[x.outcome] ?? x.outcome} ${x.outcome}` },
            { header: "说明", width: 50, value: (x: R) => x.message.zh },
            { header: "Message", width: 50, value: (x: R) => x.message.en },
          ],
          r.rows,
        );
      },
    );
    app.get(
      "/api/digitization-qc/deliveries/:id/report.pdf",
      { schema: { tags, summary: "The QC report of a delivery (Chinese PDF)", params: id } },
      async (req, reply) => {
        const r = await qc.reports.pdf(actorOf(req), req.params.id);
        return reply
          .header("content-type", "application/pdf")
          .header(
            "content-disposition",
            `inline; filename="qc-report.pdf"; filename*=UTF-8''${encodeURIComponent(r.name)}.pdf`,
          )
          .send(r.body);
      },
    );
    app.get(
      "/api/digitization-qc/files/:id/preview",
      { schema: { tags, summary: "A delivered image rendered for the browser (JPEG)", params: id } },
      async (req, reply) => {
        const r = await qc.reports.preview(actorOf(req), req.params.id);
        return reply
          .header("content-type", r.type)
          .header("cache-control", "private, max-age=300")
          .send(r.body);
      },
    );
    app.post(
      "/api/digitization-qc/deliveries/:id/sample",
      {
        schema: {
          tags,
          summary: "Draw the sample for manual review (the client; reproducible from the seed)",
          params: id,
          body: z
            .object({
              seed: z.string().trim().min(1).max(64).optional(),
              ratePct: z.number().min(0.1).max(100).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await qc.review.drawSample(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      "/api/digitization-qc/deliveries/:id/sample",
      {
        schema: {
          tags,
          summary: "The sample: images, defects, tally and what stands in the way of acceptance",
          params: id,
        },
      },
      async (req) => qc.review.sample(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization-qc/samples/:id/reviewed",
      {
        schema: {
          tags,
          summary: "Mark a sampled image reviewed",
          params: id,
          body: z.object({ fileId: z.uuid() }).strict(),
        },
      },
      async (req) => qc.review.reviewImage(actorOf(req), req.params.id, req.body.fileId),
    );
    app.post(
      "/api/digitization-qc/samples/:id/defects",
      {
        schema: {
          tags,
          summary: "Record a defect on a sampled image",
          params: id,
          body: z
            .object({
              fileId: z.uuid(),
              defectType: z.enum(DEFECT_TYPE_IDS),
              defectClass: z.enum(DEFECT_CLASSES).optional(),
              note: z.string().trim().max(1000).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await qc.review.recordDefect(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/digitization-qc/samples/:id/verdict",
      {
        schema: {
          tags,
          summary:
            "The batch verdict; never 'accepted' over the limits or with a stopped volume (Z-7.4, Z-7.3)",
          params: id,
          body: z
            .object({
              verdict: z.enum(["accepted", "rejected"]),
              note: z.string().trim().max(1000).optional(),
            })
            .strict(),
        },
      },
      async (req) => qc.review.verdict(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/digitization-qc/deliveries/:id/corrections",
      {
        schema: {
          tags,
          summary: "Ask for a volume to be corrected at a workstation (the client)",
          params: id,
          body: z
            .object({
              volumeId: z.uuid(),
              stationKind: z.enum(STATIONS).optional(),
              defectIds: z.array(z.uuid()).max(500).optional(),
              reason: z.string().trim().min(1).max(1000),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await qc.review.requestCorrection(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/digitization-qc/corrections/:id/send",
      {
        schema: {
          tags,
          summary: "Send the volume back by a recorded station handover (the agency, Z-7.2)",
          params: id,
          body: z
            .object({
              giverPersonId: z.uuid(),
              receiverPersonId: z.uuid(),
              toWorkstationId: z.uuid().optional(),
            })
            .strict(),
        },
      },
      async (req) => qc.review.sendCorrection(actorOf(req), req.params.id, req.body),
    );
  };

// Remote copies, loans and returns of a use request (D-3.12, D-10.6, D-10.8,
// D-11.1, D-11.2): lists for the agency and client pages, the recording steps,
// the expiring, logged download and the Chinese discrepancy report.
import { DomainError, ID_DOCUMENT_KINDS, RETURN_OUTCOMES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";

const id = z.object({ id: z.uuid() });
const tags = ["use-services"];
const text = (max: number) => z.string().trim().min(1).max(max);
const filter = (statuses: [string, ...string[]]) =>
  z.object({ q: z.string().trim().max(50).optional(), status: z.enum(statuses).optional(), ...pageQuery });
const LOAN_STATUSES: [string, ...string[]] = ["open", "overdue", "returned"];

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: { zh: "请选择要交付的文件", en: "Send one file in the 'file' field" },
  });

export const useServicesRoutes =
  ({ useServices: s }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/use-services/summary",
      {
        schema: {
          tags,
          summary: "Home counts: overdue loans (D-10.6), open scan jobs, unreported discrepancies",
        },
      },
      async (req) => s.summary(actorOf(req)),
    );
    app.get(
      "/api/use-services/scan-jobs",
      {
        schema: {
          tags,
          summary: "Scan jobs under camera (D-10.8)",
          querystring: filter(["open", "finished"]),
        },
      },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.scanJobs(actorOf(req), f, page, pageSize);
      },
    );
    app.get(
      "/api/use-services/deliveries",
      { schema: { tags, summary: "Delivered remote copies (D-3.12)", querystring: filter(["all"]) } },
      async (req) => {
        const { page, pageSize, q } = req.query;
        return s.deliveries(actorOf(req), { q }, page, pageSize);
      },
    );
    app.get(
      "/api/use-services/loans",
      { schema: { tags, summary: "Loans, with overdue ones (D-10.6)", querystring: filter(LOAN_STATUSES) } },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.loanList(actorOf(req), f, page, pageSize);
      },
    );
    app.get(
      "/api/use-services/loans/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export loans to Excel",
          querystring: filter(LOAN_STATUSES).omit({ page: true, pageSize: true }),
        },
      },
      async (req, reply) => {
        const { items } = await s.loanList(actorOf(req), req.query, 1, EXPORT_LIMIT);
        type L = {
          requestNo: string;
          clientName: string;
          userName: string;
          dueOn: string;
          deliveryPlace: string;
          deliveryAt: Date;
          handedOverAt: Date | null;
          returnedAt: Date | null;
          receiverName: string | null;
        };
        return sendXlsx(
          reply,
          "档案出借登记",
          [
            { header: "申请编号 Request", value: (l: L) => l.requestNo },
            { header: "委托方 Client", width: 24, value: (l: L) => l.clientName },
            { header: "利用人 User", value: (l: L) => l.userName },
            { header: "归还日期 Due", value: (l: L) => l.dueOn },
            { header: "送达地点 Place", width: 30, value: (l: L) => l.deliveryPlace },
            { header: "约定送达 Delivery", width: 20, value: (l: L) => l.deliveryAt },
            { header: "接收人 Receiver", value: (l: L) => l.receiverName },
            { header: "交付时间 Handed over", width: 20, value: (l: L) => l.handedOverAt },
            { header: "归还时间 Returned", width: 20, value: (l: L) => l.returnedAt },
          ],
          items as L[],
        );
      },
    );
    app.get(
      "/api/use-services/return-checks",
      { schema: { tags, summary: "Return checks (D-11.1)", querystring: filter(["passed", "discrepancy"]) } },
      async (req) => {
        const { page, pageSize, ...f } = req.query;
        return s.returnChecks(actorOf(req), f, page, pageSize);
      },
    );
    app.get(
      "/api/use-services/requests/:id",
      {
        schema: {
          tags,
          summary: "A request's scan jobs, deliveries, loan, return checks and boxes",
          params: id,
        },
      },
      async (req) => s.ofRequest(actorOf(req), req.params.id),
    );

    app.post(
      "/api/use-services/requests/:id/scan-jobs",
      {
        schema: {
          tags,
          summary: "Start a scan job: operator and camera (D-10.8)",
          params: id,
          body: z
            .object({
              operatorUserId: z.uuid(),
              cameraId: z.uuid(),
              note: z.string().trim().max(500).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.remote.startScan(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/use-services/scan-jobs/:id/finish",
      {
        schema: {
          tags,
          summary: "Finish a scan job",
          params: id,
          body: z.object({ pages: z.number().int().min(0).max(1_000_000).optional() }).strict(),
        },
      },
      async (req) => s.remote.finishScan(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/use-services/requests/:id/deliveries",
      {
        schema: {
          tags,
          summary: "Deliver a scanned file (multipart 'file'); downloadable until it expires (D-3.12)",
          params: id,
          querystring: z.object({ scanJobId: z.uuid(), expiresInDays: z.coerce.number().int().optional() }),
          consumes: ["multipart/form-data"],
        },
      },
      async (req, reply) => {
        await s.remote.authorizeDelivery(actorOf(req), req.params.id);
        if (!req.isMultipart()) throw noFile();
        const file = await req.file();
        if (!file) throw noFile();
        const row = await s.remote.deliver(actorOf(req), req.params.id, req.query, {
          filename: file.filename,
          stream: file.file,
        });
        return reply.status(201).send(row);
      },
    );
    app.get(
      "/api/use-services/deliveries/:id/download",
      {
        schema: {
          tags,
          summary: "Download a delivered copy; expires, every attempt logged (D-3.12, D-10.4)",
          params: id,
        },
      },
      async (req, reply) => {
        const { delivery: d, stream } = await s.remote.download(actorOf(req), req.params.id, req.ip);
        return reply
          .header("content-type", d.mediaType)
          .header("content-length", d.sizeBytes)
          .header("x-content-sm3", d.sm3)
          .header("x-content-sha256", d.sha256)
          .header("x-content-type-options", "nosniff")
          .header(
            "content-disposition",
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(d.filename)}`,
          )
          .send(stream);
      },
    );
    app.post(
      "/api/use-services/deliveries/:id/withdraw",
      { schema: { tags, summary: "Withdraw a delivered copy", params: id } },
      async (req) => s.remote.withdraw(actorOf(req), req.params.id),
    );

    app.post(
      "/api/use-services/requests/:id/loan-consent",
      {
        schema: {
          tags,
          summary: "The client's written consent to lend (D-10.6)",
          params: id,
          body: z.object({ statement: text(2000), attachmentId: z.uuid().optional() }).strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.loans.consent(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/use-services/requests/:id/loan",
      {
        schema: {
          tags,
          summary: "Record the loan: due date, agreed place and time of delivery (D-10.6)",
          params: id,
          body: z
            .object({
              dueOn: z.iso.date(),
              deliveryPlace: text(200),
              deliveryAt: z.iso.datetime({ offset: true }),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.loans.record(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/use-services/loans/:id/handover",
      {
        schema: {
          tags,
          summary: "Hand over after checking the receiver's identity (D-10.6)",
          params: id,
          body: z
            .object({
              receiverName: text(100),
              receiverIdKind: z.enum(ID_DOCUMENT_KINDS),
              receiverIdNumber: text(40),
            })
            .strict(),
        },
      },
      async (req) => s.loans.handover(actorOf(req), req.params.id, req.body),
    );
    app.post(
      "/api/use-services/loans/:id/received-back",
      {
        schema: {
          tags,
          summary: "The loan is back at the agency",
          params: id,
          body: z.object({ returnedByName: text(100) }).strict(),
        },
      },
      async (req) => s.loans.receivedBack(actorOf(req), req.params.id, req.body),
    );

    app.post(
      "/api/use-services/requests/:id/return-checks",
      {
        schema: {
          tags,
          summary: "Check the return item by item, confirmed with the returner (D-11.1)",
          params: id,
          body: z
            .object({
              returnerName: text(100),
              returnerDeclared: z.number().int().min(0),
              lines: z
                .array(
                  z.object({
                    itemId: z.uuid(),
                    outcome: z.enum(RETURN_OUTCOMES),
                    note: z.string().trim().max(500).optional(),
                  }),
                )
                .min(1)
                .max(5000),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.returns.record(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/use-services/return-checks/:id/report",
      {
        schema: {
          tags,
          summary: "Issue the written report to the client (D-11.1)",
          params: id,
          body: z.object({ cause: text(4000), handling: text(4000) }).strict(),
        },
      },
      async (req) => s.returns.report(actorOf(req), req.params.id, req.body),
    );
    app.get(
      "/api/use-services/return-checks/:id/report.pdf",
      { schema: { tags, summary: "The written discrepancy report, in Chinese (D-11.1)", params: id } },
      async (req, reply) => {
        const { requestNo, stream } = await s.returns.reportPdf(actorOf(req), req.params.id);
        return reply
          .header("content-type", "application/pdf")
          .header(
            "content-disposition",
            `inline; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(`归还差异报告-${requestNo}.pdf`)}`,
          )
          .send(stream);
      },
    );
    app.post(
      "/api/use-services/requests/:id/reshelve",
      {
        schema: {
          tags,
          summary: "Re-shelve a returned box at its recorded location (D-11.2)",
          params: id,
          body: z.object({ boxId: z.uuid(), locationId: z.uuid() }).strict(),
        },
      },
      async (req) => s.returns.reshelve(actorOf(req), req.params.id, req.body),
    );
  };

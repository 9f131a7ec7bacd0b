import { CATALOGUE_LEVELS, DomainError } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";
import { itemsXlsxStream, problemsXlsx } from "./catalogue-export.ts";
import { encodingAlias } from "./file-encoding.ts";

const idParams = z.object({ id: z.uuid() });
const itemFilter = {
  q: z.string().trim().max(100).optional(),
  category: z.string().trim().max(10).optional(),
  retentionPeriod: z.string().trim().max(10).optional(),
  carrier: z.string().trim().max(30).optional(),
  year: z.coerce.number().int().min(0).max(9999).optional(),
  boxNo: z.string().trim().max(50).optional(),
};
const importQuery = z.object({
  title: z.string().trim().max(200).optional(),
  level: z.enum(CATALOGUE_LEVELS).optional(),
  encoding: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const e = encodingAlias(v);
      if (!e) ctx.addIssue({ code: "custom", message: "auto, utf-8, gb18030 (gbk) or utf-16le" });
      return e ?? "auto";
    })
    .optional(),
  replacesCatalogueId: z.uuid().optional(),
});

const noFile = () =>
  new DomainError({
    code: "FILE_REQUIRED",
    status: 400,
    message: { zh: "请选择要导入的目录文件", en: "Send the catalogue file in the 'file' field" },
  });

const attachment = (name: string) =>
  `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(name)}`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const catalogueRoutes =
  ({ catalogues, catalogueImports }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["catalogues"];
    app.get(
      "/api/projects/:id/catalogues",
      {
        schema: {
          tags,
          summary: "Handover catalogues of a project, with each party's confirmation (D-8.2)",
          params: idParams,
          querystring: z.object({
            status: z.enum(["draft", "confirmed", "superseded"]).optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { status, page, pageSize } = request.query;
        return catalogues.list(actorOf(request), request.params.id, status, page, pageSize);
      },
    );

    app.post(
      "/api/projects/:id/catalogue-imports",
      {
        schema: {
          tags,
          summary:
            "Upload a catalogue (.xlsx or .csv in UTF-8/GB18030; multipart field 'file'); answers 202 with the job to poll (D-8.3, D-4.5)",
          params: idParams,
          querystring: importQuery,
          consumes: ["multipart/form-data"],
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await catalogueImports.importable(actor, request.params.id);
        if (!request.isMultipart()) throw noFile();
        const file = await request.file({ limits: { fileSize: catalogueImports.maxUploadBytes } });
        if (!file) throw noFile();
        const job = await catalogueImports.start(actor, request.params.id, request.query, {
          filename: file.filename,
          stream: file.file,
        });
        return reply.status(202).send(job);
      },
    );

    app.get(
      "/api/projects/:id/catalogue-imports",
      {
        schema: {
          tags,
          summary: "The client's catalogue imports into a project",
          params: idParams,
          querystring: z.object(pageQuery),
        },
      },
      async (request) =>
        catalogueImports.list(
          actorOf(request),
          request.params.id,
          request.query.page,
          request.query.pageSize,
        ),
    );

    app.get(
      "/api/catalogue-imports/:id",
      {
        schema: {
          tags,
          summary: "An import job: status, rows read, problems by row and column",
          params: idParams,
        },
      },
      async (request) => catalogueImports.job(actorOf(request), request.params.id),
    );

    app.get(
      "/api/catalogue-imports/:id/problems.xlsx",
      { schema: { tags, summary: "An import's problems as a spreadsheet", params: idParams } },
      async (request, reply) => {
        const job = await catalogueImports.readableJob(actorOf(request), request.params.id);
        const body = await problemsXlsx(job.problems as never);
        return reply
          .header("content-type", XLSX)
          .header("content-disposition", attachment("目录导入问题.xlsx"))
          .send(body);
      },
    );

    app.get(
      "/api/catalogues/:id",
      {
        schema: {
          tags,
          summary: "A handover catalogue with its confirmations and my permissions",
          params: idParams,
        },
      },
      async (request) => catalogues.get(actorOf(request), request.params.id),
    );

    app.get(
      "/api/catalogues/:id/items",
      {
        schema: {
          tags,
          summary: "Rows of a catalogue: search by title or reference code, filters, pages",
          params: idParams,
          querystring: z.object({ ...itemFilter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return catalogues.items(actorOf(request), request.params.id, f, page, pageSize);
      },
    );

    app.get(
      "/api/catalogues/:id/items/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export the (filtered) rows to Excel, streamed",
          params: idParams,
          querystring: z.object(itemFilter),
        },
      },
      async (request, reply) => {
        const { c } = await catalogues.withItems(actorOf(request), request.params.id);
        const stream = itemsXlsxStream(catalogues.repo.itemBatches(c.id, request.query));
        return reply
          .header("content-type", XLSX)
          .header("content-disposition", attachment(`${c.title}.xlsx`))
          .send(stream);
      },
    );

    app.get(
      "/api/catalogues/:id/pdf",
      {
        schema: {
          tags,
          summary: "The catalogue as a PDF for signing and sealing, one copy for each party (D-8.2)",
          params: idParams,
          querystring: z.object({ copy: z.enum(["client", "agency"]).optional() }),
        },
      },
      async (request, reply) => {
        const { doc, filename } = await catalogues.pdf(
          actorOf(request),
          request.params.id,
          request.query.copy,
        );
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", attachment(filename))
          .send(doc);
      },
    );

    app.post(
      "/api/catalogues/:id/confirm",
      {
        schema: {
          tags,
          summary:
            "Confirm the catalogue's content digest for my organisation; both parties → confirmed and frozen (D-8.2)",
          params: idParams,
          body: z.object({ digest: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
        },
      },
      async (request) => catalogues.confirm(actorOf(request), request.params.id, request.body.digest),
    );

    app.post(
      "/api/catalogues/:id/withdraw",
      {
        schema: {
          tags,
          summary: "Withdraw a draft catalogue (its rows are removed; a confirmed one is frozen, D-8.2)",
          params: idParams,
        },
      },
      async (request) => catalogues.withdraw(actorOf(request), request.params.id),
    );
  };

// Full text of QC deliveries (Z-7.4 deliverables, used under D-10.1/D-10.2): the
// background OCR job per delivery (queued when the delivery is checked, or by
// the agency), its progress, the search over page text in the caller's scope,
// and searchable PDF access copies. Access mirrors digitization QC: a delivery
// the caller may not read is NOT_FOUND; the agency starts jobs.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  conflict,
  notFound,
  type PageSnippet,
  pageSnippet,
  pageTextQuery,
  qcPolicy,
  readScope,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { qcRepository } from "../digitization-qc/qc.repository.ts";
import { qcAccess, scopeOf, userIdOf } from "../digitization-qc/qc-access.ts";
import { OcrPool } from "../page-intelligence/ocr/ocr-pool.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { onDeliveryChecked } from "./page-text.hook.ts";
import { pageTextRepository } from "./page-text.repository.ts";
import { filePath, interruptedError, pageTextJob } from "./page-text-job.ts";
import { PageTextRunner } from "./page-text-runner.ts";
import { searchablePdf } from "./searchable-pdf.ts";

const RUNNING = ["queued", "running"] as const;

export interface PageTextSearchInput {
  q: string;
  projectId?: string | undefined;
  deliveryId?: string | undefined;
}

export function pageTextService(deps: Deps, projects: ProjectsService) {
  const db = deps.dbh.db;
  const cfg = deps.config.pageText;
  const repo = pageTextRepository(db);
  const access = qcAccess(projects, qcRepository(db));
  // One worker, one page at a time: the HTTP server and QC's own pools keep the other cores.
  let pool: OcrPool | null = null;
  const poolOf = () => {
    pool ??= new OcrPool(1);
    return pool;
  };
  const runner = new PageTextRunner(pageTextJob(deps, poolOf));

  /** Queues (or re-queues) the delivery's job in one audited transaction; null when one is already running. */
  async function queue(actor: Actor, deliveryId: string, opts: { redo?: boolean; auto?: boolean }) {
    const job = await inTransaction(db, auditActor(actor), async (trx, audit) => {
      const d = await trx
        .selectFrom("digitizationDelivery as d")
        .innerJoin("project as p", "p.id", "d.projectId")
        .select(["d.id", "d.batchId", "d.projectId", "d.status", "p.clientOrgId", "p.agencyOrgId"])
        .where("d.id", "=", deliveryId)
        .forUpdate("d")
        .executeTakeFirstOrThrow();
      const old = await trx
        .selectFrom("pageTextJob")
        .select(["id", "status"])
        .where("deliveryId", "=", deliveryId)
        .executeTakeFirst();
      if (old && (RUNNING as readonly string[]).includes(old.status)) return null;
      if (opts.redo) await trx.deleteFrom("pageText").where("deliveryId", "=", deliveryId).execute();
      const values = {
        status: "queued" as const,
        totalPages: 0,
        processedPages: 0,
        failedPages: 0,
        error: null,
        requestedBy: userIdOf(actor),
        createdAt: new Date(),
        startedAt: null,
        finishedAt: null,
        heartbeatAt: new Date(),
      };
      const row = old
        ? await trx
            .updateTable("pageTextJob")
            .set(values)
            .where("id", "=", old.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto("pageTextJob")
            .values({ ...values, deliveryId, projectId: d.projectId })
            .returningAll()
            .executeTakeFirstOrThrow();
      audit.record({
        action: "page_text.ocr_requested",
        entityType: "digitization_batch",
        entityId: d.batchId,
        payload: {
          deliveryId,
          jobId: row.id,
          trigger: opts.auto ? "delivery_checked" : "request",
          redo: opts.redo ?? false,
          ...operatorNote(actor),
        },
        scopeOrgIds: scopeOf(d),
      });
      return row;
    });
    if (job) runner.enqueue({ jobId: job.id, deliveryId, actor });
    return job;
  }

  // Z-7.4: a delivery that passes through the automatic check gets its full text — in a
  // running server only: a CLI command ends before the job would (`dangan ocr run` does it there).
  let serving = false;
  onDeliveryChecked(deps, (deliveryId, actor) => {
    if (!cfg.autoStart || !serving) return;
    queue(actor, deliveryId, { auto: true }).catch(() => {});
  });

  const withLive = <T extends { deliveryId: string; status: string }>(job: T) => {
    const live = runner.live.get(job.deliveryId);
    return live && (RUNNING as readonly string[]).includes(job.status) ? { ...job, ...live } : job;
  };

  async function readablePages(
    actor: Actor,
    deliveryId: string,
    f: { fileId?: string; referenceCode?: string },
  ) {
    const { d, p } = await access.delivery(actor, deliveryId, {
      allowed: qcPolicy.read,
      doing: "read this delivery's pages",
    });
    const rows = await repo.pages(deliveryId, f, cfg.pdfMaxPages + 1);
    if (rows.length > cfg.pdfMaxPages)
      throw conflict("PDF_TOO_MANY_PAGES", {
        zh: `一次最多生成 ${cfg.pdfMaxPages} 页的 PDF，请按案卷下载`,
        en: `A searchable PDF holds at most ${cfg.pdfMaxPages} pages; download it volume by volume`,
      });
    return { d, p, rows };
  }

  const toPdf = (storageDir: string, rows: Awaited<ReturnType<typeof repo.pages>>, title: string) =>
    searchablePdf(
      rows.map((r) => ({
        path: filePath(storageDir, r.path),
        dpi: r.dpi === null ? null : Number(r.dpi),
        text:
          r.lines && r.imageWidth && r.imageHeight
            ? { lines: r.lines, imageWidth: r.imageWidth, imageHeight: r.imageHeight }
            : null,
      })),
      { title, subject: "可检索 PDF 利用件（OCR 文字层） · Searchable PDF access copy" },
    );

  /** At start-up (and, in server mode, on a stale heartbeat): jobs of a process that stopped are failed. */
  async function recover(): Promise<string[]> {
    const e = interruptedError();
    const rows = await db
      .updateTable("pageTextJob")
      .set({ status: "failed", error: { code: e.code, message: e.messages }, finishedAt: new Date() })
      .where("status", "in", RUNNING)
      .where((eb) =>
        deps.dbh.mode === "server"
          ? eb.or([
              eb("heartbeatAt", "is", null),
              eb("heartbeatAt", "<", new Date(Date.now() - deps.config.jobStaleSeconds * 1000)),
            ])
          : eb.val(true),
      )
      .where((eb) => (runner.live.size ? eb("deliveryId", "not in", [...runner.live.keys()]) : eb.val(true)))
      .returning("deliveryId")
      .execute();
    return rows.map((r) => r.deliveryId);
  }

  return {
    runner,

    /** The agency (re)starts the OCR of a checked delivery; `redo` reads every page again. */
    async start(actor: Actor, deliveryId: string, opts: { redo?: boolean | undefined }) {
      const { d } = await access.delivery(actor, deliveryId, {
        allowed: qcPolicy.ingest,
        doing: "start the full-text OCR of this delivery",
      });
      if (d.status !== "checked")
        throw conflict("DELIVERY_NOT_CHECKED", {
          zh: "成果尚未完成自动质检，不能进行全文识别",
          en: "The delivery has not passed through its automatic check yet; its full text cannot be read",
        });
      const job = await queue(actor, deliveryId, { redo: opts.redo === true });
      if (!job)
        throw conflict("PAGE_TEXT_JOB_RUNNING", {
          zh: "该成果的全文识别正在进行",
          en: "The full-text OCR of this delivery is already running",
        });
      return withLive(job);
    },

    /** The job's status with live progress, the pages covered and what the caller may do. */
    async status(actor: Actor, deliveryId: string) {
      const { d, p } = await access.delivery(actor, deliveryId);
      const [job, coverage] = await Promise.all([repo.job(deliveryId), repo.coverage(deliveryId)]);
      return {
        deliveryId,
        deliveryStatus: d.status,
        job: job ? withLive(job) : null,
        ...coverage,
        autoStart: cfg.autoStart,
        permissions: { start: qcPolicy.ingest(actor, p.parties) && d.status === "checked" },
      };
    },

    /** Pages whose text holds the query, in the caller's read scope (D-10.2: a client finds only its own). */
    async search(actor: Actor, input: PageTextSearchInput, page: number, pageSize: number) {
      const q = pageTextQuery(input.q);
      const r = await repo.search(readScope(actor), q, input, pageSize, (page - 1) * pageSize);
      const items = r.items.map(({ text, ...row }) => {
        const snippet: PageSnippet = pageSnippet(text, q) ?? {
          text: text.split("\n")[0] ?? "",
          highlights: [],
          line: 0,
          matchingLines: 0,
        };
        return { ...row, snippet };
      });
      return { ...pageOf(items, r.total, page, pageSize), totalCapped: r.capped, query: q.text };
    },

    /** One delivered page as a searchable PDF. */
    async filePdf(actor: Actor, fileId: string) {
      const f = await repo.file(fileId);
      if (f?.kind !== "image") throw notFound("file", fileId);
      const { d, p, rows } = await readablePages(actor, f.deliveryId, { fileId }).catch((e) => {
        throw e?.code === "NOT_FOUND" ? notFound("file", fileId) : e;
      });
      const name = (f.path.split("/").pop() ?? "page").replace(/\.[^.]+$/, "");
      return { name, body: await toPdf(d.storageDir, rows, `${p.name} · ${f.path}`) };
    },

    /** One volume (reference code) of a delivery as a searchable PDF, pages in order. */
    async volumePdf(actor: Actor, deliveryId: string, referenceCode: string) {
      const { d, p, rows } = await readablePages(actor, deliveryId, { referenceCode });
      if (!rows.length) throw notFound("volume", referenceCode);
      return { name: referenceCode, body: await toPdf(d.storageDir, rows, `${p.name} · ${referenceCode}`) };
    },

    /** The server is up: jobs left by a process that stopped are failed, and checked deliveries queue their OCR. */
    async startBackground(): Promise<string[]> {
      const failed = await recover();
      serving = true;
      return failed;
    },

    recover,

    idle: () => runner.idle(),
    async shutdown() {
      await runner.shutdown();
      await pool?.close();
      pool = null;
    },
  };
}
export type PageTextService = ReturnType<typeof pageTextService>;

// One delivery's full text from start to end (Z-7.4 deliverables, D-10.1 use):
// every image file is read by the offline OCR, one page at a time with a turn
// of the event loop between pages; pages are written in small batches, each
// batch in one transaction with its audit event, and the job row carries the
// progress as a heartbeat. A restarted job skips pages already read.
import { isAbsolute, relative, resolve } from "node:path";
import { inTransaction, type PageTextLine, type PageTextTable } from "@dangan/db";
import { DomainError, isDomainError, pageTextBigrams } from "@dangan/domain";
import type { Insertable } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import type { OcrLine } from "../page-intelligence/ocr/engine.ts";
import type { OcrPool } from "../page-intelligence/ocr/ocr-pool.ts";
import type { LiveOcr, QueuedOcr } from "./page-text-runner.ts";

export const OCR_ENGINE = { name: "PP-OCRv4 (ch)", version: "ppocr-v4-onnx/onnxruntime-node" };

const yieldToServer = () => new Promise<void>((r) => setImmediate(r));

/** Lines top to bottom (then left to right), as stored and joined into the page text. */
export function pageLines(lines: OcrLine[]): PageTextLine[] {
  const round = (n: number) => Math.round(n * 10) / 10;
  return lines
    .filter((l) => l.text.trim())
    .map((l) => ({
      text: l.text.trim(),
      confidence: Math.round(l.confidence * 1000) / 1000,
      x: round(l.bounds.x),
      y: round(l.bounds.y),
      width: round(l.bounds.width),
      height: round(l.bounds.height),
    }))
    .sort((a, b) => {
      const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      return overlap > Math.min(a.height, b.height) / 2 ? a.x - b.x : a.y - b.y;
    });
}

/** A delivered file's absolute path, refused if it would leave the delivery's folder. */
export function filePath(storageDir: string, path: string): string {
  const full = resolve(storageDir, path);
  const rel = relative(resolve(storageDir), full);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) throw new Error(`path outside the delivery: ${path}`);
  return full;
}

type Row = Insertable<PageTextTable>;

export function pageTextJob(deps: Deps, pool: () => OcrPool) {
  const db = deps.dbh.db;
  const cfg = deps.config.pageText;

  async function flush(q: QueuedOcr, batchId: string, scope: string[], rows: Row[], live: LiveOcr) {
    await inTransaction(db, auditActor(q.actor), async (trx, audit) => {
      if (rows.length)
        await trx
          .insertInto("pageText")
          .values(rows)
          .onConflict((oc) =>
            oc.column("fileId").doUpdateSet((eb) => ({
              text: eb.ref("excluded.text"),
              textBigrams: eb.ref("excluded.textBigrams"),
              lines: eb.ref("excluded.lines"),
              imageWidth: eb.ref("excluded.imageWidth"),
              imageHeight: eb.ref("excluded.imageHeight"),
              meanConfidence: eb.ref("excluded.meanConfidence"),
              engine: eb.ref("excluded.engine"),
              engineVersion: eb.ref("excluded.engineVersion"),
              readMs: eb.ref("excluded.readMs"),
              createdAt: new Date(),
            })),
          )
          .execute();
      await trx
        .updateTable("pageTextJob")
        .set({ processedPages: live.processedPages, failedPages: live.failedPages, heartbeatAt: new Date() })
        .where("id", "=", q.jobId)
        .execute();
      if (rows.length)
        audit.record({
          action: "page_text.recorded",
          entityType: "digitization_batch",
          entityId: batchId,
          payload: {
            deliveryId: q.deliveryId,
            jobId: q.jobId,
            pages: rows.length,
            processedPages: live.processedPages,
            ...operatorNote(q.actor),
          },
          scopeOrgIds: scope,
        });
    });
  }

  async function fail(q: QueuedOcr, batchId: string | null, scope: string[], error: unknown) {
    const e = isDomainError(error)
      ? { code: error.code, message: error.messages }
      : {
          code: "OCR_FAILED",
          message: {
            zh: "全文识别失败，请重新启动",
            en: `The full-text OCR failed (${String((error as Error)?.message ?? error).slice(0, 200)})`,
          },
        };
    await inTransaction(db, auditActor(q.actor), async (trx, audit) => {
      await trx
        .updateTable("pageTextJob")
        .set({ status: "failed", error: e, finishedAt: new Date() })
        .where("id", "=", q.jobId)
        .execute();
      if (batchId)
        audit.record({
          action: "page_text.ocr_failed",
          entityType: "digitization_batch",
          entityId: batchId,
          payload: { deliveryId: q.deliveryId, jobId: q.jobId, code: e.code, ...operatorNote(q.actor) },
          scopeOrgIds: scope,
        });
    }).catch(() => {}); // the database itself may be what failed; start-up recovery marks it then
  }

  return async function run(q: QueuedOcr, live: LiveOcr, aborted: () => boolean): Promise<void> {
    const job = await db
      .updateTable("pageTextJob")
      .set({
        status: "running",
        startedAt: new Date(),
        heartbeatAt: new Date(),
        finishedAt: null,
        error: null,
        engine: OCR_ENGINE.name,
        engineVersion: OCR_ENGINE.version,
      })
      .where("id", "=", q.jobId)
      .where("status", "=", "queued")
      .returningAll()
      .executeTakeFirst();
    if (!job) return;
    let batchId: string | null = null;
    let scope: string[] = [];
    try {
      const d = await db
        .selectFrom("digitizationDelivery as d")
        .innerJoin("project as p", "p.id", "d.projectId")
        .select(["d.id", "d.batchId", "d.storageDir", "d.projectId", "p.clientOrgId", "p.agencyOrgId"])
        .where("d.id", "=", q.deliveryId)
        .executeTakeFirstOrThrow();
      batchId = d.batchId;
      scope = [d.clientOrgId, d.agencyOrgId];
      live.status = "running";
      const files = await db
        .selectFrom("digitizationDeliveryFile as f")
        .leftJoin("pageText as pt", "pt.fileId", "f.id")
        .select(["f.id", "f.path", "f.referenceCode", "f.seq", "f.volumeId", "pt.id as textId"])
        .where("f.deliveryId", "=", d.id)
        .where("f.kind", "=", "image")
        .orderBy("f.referenceCode")
        .orderBy("f.seq")
        .orderBy("f.path")
        .execute();
      const todo = files.filter((f) => !f.textId);
      live.totalPages = files.length;
      live.processedPages = files.length - todo.length;
      await db
        .updateTable("pageTextJob")
        .set({ totalPages: live.totalPages, processedPages: live.processedPages, failedPages: 0 })
        .where("id", "=", q.jobId)
        .execute();

      let rows: Row[] = [];
      let flushedAt = Date.now();
      for (const f of todo) {
        if (aborted()) throw Object.assign(new Error("interrupted"), { interrupted: true });
        await yieldToServer();
        try {
          const r = await pool().read({ input: filePath(d.storageDir, f.path), mode: "full" });
          const lines = pageLines(r.lines);
          const text = lines.map((l) => l.text).join("\n");
          rows.push({
            deliveryId: d.id,
            fileId: f.id,
            projectId: d.projectId,
            clientOrgId: d.clientOrgId,
            volumeId: f.volumeId,
            referenceCode: f.referenceCode,
            seq: f.seq,
            text,
            textBigrams: pageTextBigrams(text),
            lines: JSON.stringify(lines) as never,
            imageWidth: r.width,
            imageHeight: r.height,
            meanConfidence: lines.length
              ? Math.round((lines.reduce((s, l) => s + l.confidence, 0) / lines.length) * 1000) / 1000
              : null,
            engine: OCR_ENGINE.name,
            engineVersion: OCR_ENGINE.version,
            readMs: Math.round(r.ms),
          });
        } catch {
          live.failedPages++; // undecodable or unreadable: counted, the job goes on
        }
        live.processedPages++;
        if (rows.length >= cfg.flushPages || Date.now() - flushedAt >= cfg.flushMs) {
          await flush(q, d.batchId, scope, rows, live);
          rows = [];
          flushedAt = Date.now();
        }
      }
      await flush(q, d.batchId, scope, rows, live);
      await inTransaction(db, auditActor(q.actor), async (trx, audit) => {
        await trx
          .updateTable("pageTextJob")
          .set({ status: "done", finishedAt: new Date(), heartbeatAt: new Date() })
          .where("id", "=", q.jobId)
          .execute();
        audit.record({
          action: "page_text.ocr_completed",
          entityType: "digitization_batch",
          entityId: d.batchId,
          payload: {
            deliveryId: d.id,
            jobId: q.jobId,
            totalPages: live.totalPages,
            failedPages: live.failedPages,
            engine: `${OCR_ENGINE.name} ${OCR_ENGINE.version}`,
            ...operatorNote(q.actor),
          },
          scopeOrgIds: scope,
        });
      });
    } catch (error) {
      await fail(
        q,
        batchId,
        scope,
        (error as { interrupted?: boolean })?.interrupted ? interruptedError() : error,
      );
    }
  };
}

export const interruptedError = () =>
  new DomainError({
    code: "OCR_INTERRUPTED",
    status: 409,
    message: {
      zh: "全文识别因服务停止而中断，请重新启动（已识别的页面会保留）",
      en: "The full-text OCR was interrupted when the service stopped; start it again (pages already read are kept)",
    },
  });

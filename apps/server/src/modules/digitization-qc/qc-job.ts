// One delivery check from start to end: the engine runs over the folder
// (progress in memory, a heartbeat on the row), then every file, result and the
// four-property report are written with the audit event in one transaction.
import { inTransaction } from "@dangan/db";
import {
  DEFAULT_IMAGE_LIMITS,
  isDomainError,
  type QcCatalogueEntry,
  type QcDeliveryPurpose,
  type QcTerms,
  worstOutcome,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import {
  type DeliveryScreen,
  type QcScreening,
  recordQcHits,
  screenDelivery,
} from "../page-intelligence/qc-screening.ts";
import { deliveryChecked } from "../page-text/page-text.hook.ts";
import type { FixityPool } from "./engine/fixity.ts";
import { type CheckRun, runChecks } from "./engine/run-checks.ts";
import type { QcRepository } from "./qc.repository.ts";
import type { LiveCheck, QueuedCheck } from "./qc-runner.ts";

const CHUNK = 1000;

export function qcJob(deps: Deps, repo: QcRepository, pool: () => FixityPool, screening: QcScreening) {
  const db = deps.dbh.db;
  const cfg = deps.config.digitizationQc;

  async function save(q: QueuedCheck, run: CheckRun, scope: string[], screen: DeliveryScreen) {
    const d = (await repo.find(q.deliveryId))!;
    const catalogue = d.catalogue as QcCatalogueEntry[];
    const volumeOf = new Map(catalogue.map((c) => [c.referenceCode, c.volumeId ?? null]));
    const outcome = worstOutcome([
      ...run.results.map((r) => r.outcome),
      ...run.fourProperty.map((i) => i.outcome),
    ]);
    await inTransaction(db, auditActor(q.actor), async (trx, audit) => {
      const ids = new Map<string, string>();
      const saved = new Map<string, { id: string; volumeId: string | null; referenceCode: string | null }>();
      for (let i = 0; i < run.files.length; i += CHUNK) {
        const rows = run.files.slice(i, i + CHUNK).map((f) => ({
          deliveryId: d.id,
          path: f.path,
          sizeBytes: f.sizeBytes,
          kind: f.kind,
          format: f.format,
          sm3: f.sm3,
          sha256: f.sha256,
          width: f.width,
          height: f.height,
          dpi: f.dpi,
          colourMode: f.colourMode,
          pages: f.pages,
          inkPct: f.inkPct,
          skewDeg: f.skewDeg,
          referenceCode: f.referenceCode,
          seq: f.seq,
          volumeId: f.referenceCode ? (volumeOf.get(f.referenceCode) ?? null) : null,
          outcome: f.outcome,
        }));
        for (const r of await trx
          .insertInto("digitizationDeliveryFile")
          .values(rows)
          .returning(["id", "path", "volumeId", "referenceCode"])
          .execute()) {
          ids.set(r.path, r.id);
          saved.set(r.path, r);
        }
      }
      for (let i = 0; i < run.results.length; i += CHUNK) {
        const rows = run.results.slice(i, i + CHUNK).map((r) => ({
          deliveryId: d.id,
          fileId: r.path ? (ids.get(r.path) ?? null) : null,
          volumeId: r.referenceCode ? (volumeOf.get(r.referenceCode) ?? null) : null,
          referenceCode: r.referenceCode ?? null,
          ruleId: r.ruleId,
          outcome: r.outcome,
          message: r.message,
          detail: (r.values ?? null) as Record<string, unknown> | null,
        }));
        if (rows.length) await trx.insertInto("digitizationQcResult").values(rows).execute();
      }
      await trx
        .updateTable("digitizationDelivery")
        .set({
          status: "checked",
          outcome,
          totalFiles: run.summary.files,
          processedFiles: run.summary.files,
          failedFiles: run.summary.failedFiles,
          totalBytes: run.summary.bytes,
          summary: run.summary as unknown as Record<string, unknown>,
          fourProperty: JSON.stringify(run.fourProperty) as never,
          virusScanner: run.virus.scanner,
          screening: screen.summary,
          finishedAt: new Date(),
        })
        .where("id", "=", d.id)
        .execute();
      audit.record({
        action: "digitization_delivery.checked",
        entityType: "digitization_batch",
        entityId: d.batchId,
        payload: {
          deliveryId: d.id,
          seq: d.seq,
          outcome,
          files: run.summary.files,
          failedFiles: run.summary.failedFiles,
          bytes: run.summary.bytes,
          virusScanner: run.virus.scanner,
          screening: screen.summary,
          ...operatorNote(q.actor),
        },
        scopeOrgIds: scope,
      });
      // Z-7.3: marks found stop their volumes in this same transaction.
      await recordQcHits(
        trx,
        audit,
        screening,
        {
          deliveryId: d.id,
          projectId: d.projectId,
          clientOrgId: scope[0]!,
          agencyOrgId: scope[1]!,
          files: saved,
        },
        screen,
      );
    });
  }

  async function fail(q: QueuedCheck, error: unknown, scope: string[]) {
    const e = isDomainError(error)
      ? { code: error.code, message: error.messages }
      : {
          code: "QC_CHECK_FAILED",
          message: {
            zh: "自动质检失败，请重新提交",
            en: `The automatic check failed (${String((error as Error)?.message ?? error).slice(0, 200)})`,
          },
        };
    await inTransaction(db, auditActor(q.actor), async (trx, audit) => {
      const d = await trx
        .updateTable("digitizationDelivery")
        .set({ status: "failed", error: e, finishedAt: new Date() })
        .where("id", "=", q.deliveryId)
        .returning(["batchId"])
        .executeTakeFirstOrThrow();
      audit.record({
        action: "digitization_delivery.check_failed",
        entityType: "digitization_batch",
        entityId: d.batchId,
        payload: { deliveryId: q.deliveryId, code: e.code, ...operatorNote(q.actor) },
        scopeOrgIds: scope,
      });
    }).catch(() => {}); // the database itself may be what failed; start-up recovery marks it then
  }

  return async function run(q: QueuedCheck, live: LiveCheck, aborted: () => boolean): Promise<void> {
    const d = await db
      .updateTable("digitizationDelivery")
      .set({ status: "checking", startedAt: new Date(), heartbeatAt: new Date() })
      .where("id", "=", q.deliveryId)
      .where("status", "=", "queued")
      .returningAll()
      .executeTakeFirst();
    if (!d) return;
    const p = await db
      .selectFrom("project")
      .select(["clientOrgId", "agencyOrgId"])
      .where("id", "=", d.projectId)
      .executeTakeFirstOrThrow();
    const scope = [p.clientOrgId, p.agencyOrgId];
    live.status = "checking";
    let beat = Date.now();
    let heartbeat: Promise<unknown> = Promise.resolve();
    try {
      const result = await runChecks(d.storageDir, {
        catalogue: d.catalogue as QcCatalogueEntry[],
        terms: d.terms as unknown as QcTerms,
        purpose: d.purpose as QcDeliveryPurpose,
        limits: { ...DEFAULT_IMAGE_LIMITS, maxPixels: cfg.maxPixels },
        pool: pool(),
        aborted,
        onTotal: (n) => {
          live.totalFiles = n;
        },
        onProgress: (n) => {
          live.processedFiles = n;
          if (Date.now() - beat > 2000) {
            beat = Date.now();
            heartbeat = db
              .updateTable("digitizationDelivery")
              .set({ processedFiles: n, totalFiles: live.totalFiles, heartbeatAt: new Date() })
              .where("id", "=", d.id)
              .execute()
              .catch(() => {});
          }
        },
      });
      await heartbeat;
      // Z-7.3: the classification-mark screening of every image, after the checks.
      live.screening = { pages: 0, total: 0 };
      const screen = await screenDelivery(screening, d.storageDir, result.files, (n, total) => {
        live.screening = { pages: n, total };
      });
      if (aborted()) return;
      result.results.push(...screen.results);
      if (screen.results.length)
        result.summary.byRule.classification_mark = { fail: new Set(screen.results.map((r) => r.path)).size };
      await save(q, result, scope, screen);
      deliveryChecked(deps, d.id, q.actor); // Z-7.4: queue the full-text OCR (page-text module)
    } catch (error) {
      await fail(q, error, scope);
    }
  };
}

// Reports and previews of a delivery: the Chinese PDF, the per-file results as
// xlsx rows, and the reviewer's image rendered for the browser.

import type { Actor } from "@dangan/domain";
import { notFound, type QcPackageItem, type QcTerms } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { EXPORT_LIMIT } from "../../lib/xlsx.ts";
import type { QcRepository } from "./qc.repository.ts";
import type { QcAccess } from "./qc-access.ts";
import { renderPreview } from "./qc-preview.ts";
import { type QcReportData, qcReportPdf } from "./qc-report.ts";
import type { QcReviewService } from "./qc-review.service.ts";

export function qcReportsService(deps: Deps, repo: QcRepository, access: QcAccess, review: QcReviewService) {
  const cfg = deps.config.digitizationQc;
  return {
    async pdf(actor: Actor, deliveryId: string) {
      const { d, p } = await access.delivery(actor, deliveryId);
      const [volumeResults, all, s] = await Promise.all([
        repo.deliveryResults(deliveryId),
        repo.allResults(deliveryId, EXPORT_LIMIT),
        review.sample(actor, deliveryId),
      ]);
      const data: QcReportData = {
        projectName: p.name,
        projectCode: p.code,
        batchCode: d.batchCode,
        seq: d.seq,
        sourceName: d.sourceName,
        purpose: d.purpose,
        finishedAt: d.finishedAt,
        outcome: d.outcome,
        totalFiles: d.totalFiles,
        failedFiles: d.failedFiles,
        totalBytes: d.totalBytes,
        virusScanner: d.virusScanner,
        terms: d.terms as unknown as QcTerms,
        summary: d.summary as QcReportData["summary"],
        fourProperty: (d.fourProperty ?? []) as QcPackageItem[],
        volumeResults,
        failures: all.filter((r) => r.path && r.outcome === "fail"),
        sample: s.sample
          ? {
              ratePct: s.sample.ratePct,
              seed: s.sample.seed,
              size: s.sample.size,
              population: s.sample.population,
              verdict: s.sample.verdict,
              verdictNote: s.sample.verdictNote,
            }
          : null,
        tally: "tally" in s && s.tally ? s.tally : null,
      };
      return { name: `质检报告-${d.batchCode}-${d.seq}`, body: await qcReportPdf(data) };
    },

    async results(actor: Actor, deliveryId: string) {
      const { d } = await access.delivery(actor, deliveryId);
      return {
        name: `质检结果-${d.batchCode}-${d.seq}`,
        rows: await repo.allResults(deliveryId, EXPORT_LIMIT),
      };
    },

    async preview(actor: Actor, fileId: string) {
      const f = await repo.file(fileId);
      if (!f) throw notFound("delivered file", fileId);
      const { d } = await access.delivery(actor, f.deliveryId).catch(() => {
        throw notFound("delivered file", fileId);
      });
      return renderPreview(d.storageDir, f.path, f.format, cfg.maxPixels);
    },
  };
}

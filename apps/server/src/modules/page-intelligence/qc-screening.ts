// Z-7.3, Z-6.1: every page that enters QC is screened for classification marks.
// The OCR runs inside the check job, after the image checks; the hits are saved
// in the check's own transaction, each as a failed `classification_mark` result,
// a hit the reviewer sees with its region, and a stop of its volume — the
// digitization stop event, an incident and the client's alert.
import type { Tx } from "@dangan/db";
import { type AuditEventDraft, isDomainError, type QcResult, systemActor } from "@dangan/domain";
import type { StopsService } from "../digitization-originals/stops.service.ts";
import type { CheckedFile } from "../digitization-qc/engine/run-checks.ts";
import { type MarkScreener, OCR_ENGINE, type PageScreen } from "./mark-screener.ts";

type Audit = { record(d: AuditEventDraft): void };

export interface QcScreening {
  screener: MarkScreener;
  stopVolumeIn: StopsService["stopVolumeIn"];
}

export interface DeliveryScreen {
  screens: Map<string, PageScreen>;
  results: QcResult[];
  summary: { engine: string; pages: number; unreadable: number; hits: number; ms: number; enabled: boolean };
}

const describe = (h: PageScreen["hits"][number]) => `${h.level}${h.period ? `★${h.period}` : "★"}`;

/** Screens the delivery's decodable images; `onDone` counts pages for the progress bar. */
export async function screenDelivery(
  s: QcScreening,
  dir: string,
  files: CheckedFile[],
  onDone?: (n: number, total: number) => void,
): Promise<DeliveryScreen> {
  const started = Date.now();
  const images = files.filter((f) => f.kind === "image" && f.width);
  if (!s.screener.enabled || !images.length)
    return {
      screens: new Map(),
      results: [],
      summary: { engine: OCR_ENGINE, pages: 0, unreadable: 0, hits: 0, ms: 0, enabled: s.screener.enabled },
    };
  const read = await s.screener.screenFiles(
    images.map((f) => `${dir}/${f.path}`),
    (n) => onDone?.(n, images.length),
  );
  const screens = new Map<string, PageScreen>();
  const results: QcResult[] = [];
  read.forEach((r, i) => {
    const f = images[i]!;
    if (!r?.hits.length) return;
    screens.set(f.path, r);
    results.push({
      ruleId: "classification_mark",
      outcome: "fail",
      path: f.path,
      referenceCode: f.referenceCode ?? undefined,
      message: {
        zh: `检出涉密标志“${r.hits.map(describe).join("、")}”，该案卷已停止数字化，待委托方处理`,
        en: `Classification mark "${r.hits.map(describe).join(", ")}" found; the volume is stopped until the client decides`,
      },
      values: { marks: r.hits.map((h) => h.text) },
    });
  });
  return {
    screens,
    results,
    summary: {
      engine: OCR_ENGINE,
      pages: images.length,
      unreadable: read.filter((r) => !r).length,
      hits: [...screens.values()].reduce((n, r) => n + r.hits.length, 0),
      ms: Date.now() - started,
      enabled: true,
    },
  };
}

/** In the check's transaction: one hit row per mark, and a stop per volume not yet stopped. */
export async function recordQcHits(
  trx: Tx,
  audit: Audit,
  s: QcScreening,
  ctx: {
    deliveryId: string;
    projectId: string;
    clientOrgId: string;
    agencyOrgId: string;
    files: Map<string, { id: string; volumeId: string | null; referenceCode: string | null }>;
  },
  screen: DeliveryScreen,
): Promise<void> {
  const stops = new Map<string, string | null>();
  const actor = systemActor("classification-mark screening");
  for (const [path, r] of screen.screens) {
    const f = ctx.files.get(path);
    if (!f) continue;
    if (f.volumeId && !stops.has(f.volumeId)) {
      const marks = r.hits.map(describe).join("、");
      const stop = await s
        .stopVolumeIn(trx, audit, actor, f.volumeId, {
          reason: "classified",
          description: `自动质检的涉密标志筛查在 ${path} 检出“${marks}”`,
          evidence: path,
        })
        .catch((e) => {
          if (isDomainError(e)) return null; // already stopped, withdrawn or returned: the hit stands alone
          throw e;
        });
      stops.set(f.volumeId, stop?.id ?? null);
    }
    for (const h of r.hits) {
      const row = await trx
        .insertInto("markScreeningHit")
        .values({
          source: "qc_delivery",
          clientOrgId: ctx.clientOrgId,
          agencyOrgId: ctx.agencyOrgId,
          projectId: ctx.projectId,
          qcDeliveryId: ctx.deliveryId,
          qcFileId: f.id,
          volumeId: f.volumeId,
          stopId: f.volumeId ? (stops.get(f.volumeId) ?? null) : null,
          fileLabel: path,
          page: r.page,
          level: h.level,
          period: h.period,
          matchedText: h.text,
          confidence: h.confidence,
          region: { ...h.bounds, pageWidth: r.pageWidth, pageHeight: r.pageHeight },
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      audit.record({
        action: "mark_screening.hit",
        entityType: "mark_screening_hit",
        entityId: row.id,
        payload: {
          source: "qc_delivery",
          deliveryId: ctx.deliveryId,
          path,
          level: h.level,
          period: h.period,
        },
        scopeOrgIds: [ctx.clientOrgId, ctx.agencyOrgId],
      });
    }
  }
}

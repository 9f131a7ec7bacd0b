// Full text of digitized pages (server: modules/page-text): the search, the OCR
// job of a QC delivery and the addresses of the searchable PDFs.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

export type OcrJobStatus = "queued" | "running" | "done" | "failed";

export interface PageHit {
  id: string;
  fileId: string;
  deliveryId: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  batchCode: string;
  deliverySeq: number;
  volumeId: string | null;
  referenceCode: string | null;
  seq: number | null;
  path: string;
  meanConfidence: number | null;
  snippet: { text: string; highlights: [number, number][]; line: number; matchingLines: number };
}

export interface PageHits extends Page<PageHit> {
  totalCapped: boolean;
  query: string;
}

export interface OcrJob {
  id: string;
  status: OcrJobStatus;
  totalPages: number;
  processedPages: number;
  failedPages: number;
  engine: string | null;
  engineVersion: string | null;
  error: { code: string; message: Bilingual } | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface OcrStatus {
  deliveryId: string;
  deliveryStatus: string;
  job: OcrJob | null;
  imagePages: number;
  pagesWithText: number;
  autoStart: boolean;
  permissions: { start: boolean };
}

export const OCR_STATUS: Record<OcrJobStatus, Bilingual & { color: string }> = {
  queued: { zh: "排队中", en: "Queued", color: "default" },
  running: { zh: "识别中", en: "Reading", color: "processing" },
  done: { zh: "已完成", en: "Done", color: "success" },
  failed: { zh: "失败", en: "Failed", color: "error" },
};

export const pageTextApi = {
  search: (query: Query, signal?: AbortSignal) => api.get<PageHits>("/api/page-text/search", query, signal),
  status: (deliveryId: string, signal?: AbortSignal) =>
    api.get<OcrStatus>(`/api/digitization-qc/deliveries/${deliveryId}/page-text`, undefined, signal),
  start: (deliveryId: string, redo = false) =>
    api.post<OcrJob>(`/api/digitization-qc/deliveries/${deliveryId}/page-text`, redo ? { redo } : {}),
  filePdfUrl: (fileId: string) => `/api/digitization-qc/files/${fileId}/searchable.pdf`,
  volumePdfUrl: (deliveryId: string, referenceCode: string) =>
    buildUrl(`/api/digitization-qc/deliveries/${deliveryId}/searchable.pdf`, { referenceCode }),
};

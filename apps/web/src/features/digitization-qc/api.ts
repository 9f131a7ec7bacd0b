// Digitization QC (Z-7.4): shapes and calls of /api/digitization-qc — quality
// terms, deliveries with their check jobs, per-file results, the sample,
// defects, verdict and corrections, and the report/preview addresses.
import { ApiError, api, buildUrl, getCsrfToken, networkError, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";
import type { ScreeningSummary } from "../screening/DeliveryScreening.tsx";

export type Outcome = "pass" | "fail" | "warn" | "manual" | "not_checked";
export type DeliveryStatus = "queued" | "checking" | "checked" | "failed";

export const OUTCOME: Record<Outcome, Bilingual & { color: string }> = {
  pass: { zh: "通过", en: "Pass", color: "green" },
  fail: { zh: "不通过", en: "Fail", color: "red" },
  warn: { zh: "提示", en: "Warning", color: "orange" },
  manual: { zh: "人工核查", en: "Manual check", color: "purple" },
  not_checked: { zh: "未检查", en: "Not checked", color: "default" },
};
export const DELIVERY_STATUS: Record<DeliveryStatus, Bilingual & { color: string }> = {
  queued: { zh: "排队中", en: "Queued", color: "default" },
  checking: { zh: "检查中", en: "Checking", color: "processing" },
  checked: { zh: "已检查", en: "Checked", color: "success" },
  failed: { zh: "检查失败", en: "Failed", color: "error" },
};
export const PROPERTY: Record<string, Bilingual> = {
  authenticity: { zh: "真实性", en: "Authenticity" },
  integrity: { zh: "完整性", en: "Integrity" },
  usability: { zh: "可用性", en: "Usability" },
  security: { zh: "安全性", en: "Security" },
};
export const CLASS: Record<string, Bilingual & { color: string }> = {
  critical: { zh: "严重", en: "Critical", color: "red" },
  major: { zh: "主要", en: "Major", color: "orange" },
  minor: { zh: "次要", en: "Minor", color: "gold" },
};
export const STATION: Record<string, Bilingual> = {
  preparation: { zh: "整理工位", en: "Preparation" },
  scanning: { zh: "扫描工位", en: "Scanning" },
  image_processing: { zh: "图像处理工位", en: "Image processing" },
  metadata: { zh: "著录工位", en: "Metadata" },
  linking: { zh: "挂接工位", en: "Linking" },
};

export interface QcPermissions {
  ingest: boolean;
  setTerms: boolean;
  review: boolean;
}
export interface Terms {
  minDpi: number;
  formats: string[];
  colourModes: string[];
  maxSkewDeg: number;
  blankInkPct: number;
  sampleRatePct: number;
  criticalMax: number;
  majorMaxPct: number;
  minorMaxPct: number;
}
export interface TermsView {
  terms: Terms;
  national: Terms;
  sources: Record<keyof Terms, { source: string; status: "T" | "S" | "unverified" }>;
  contractRef: string | null;
  setAt: string | null;
  custom: boolean;
  permissions: QcPermissions;
}
export interface Rules {
  rules: Record<string, { standard: string; label: Bilingual; level: string }>;
  ruleIds: string[];
  defectTypes: Record<string, { cls: string; station: string; zh: string; en: string }>;
}
export interface Delivery {
  id: string;
  projectId: string;
  batchId: string;
  batchCode: string;
  seq: number;
  purpose: "preservation" | "access";
  sourceKind: string;
  sourceName: string;
  status: DeliveryStatus;
  totalFiles: number;
  processedFiles: number;
  failedFiles: number;
  totalBytes: number;
  outcome: Outcome | null;
  virusScanner: string | null;
  /** Z-7.3: the screening summary once checked; pages screened so far while checking. */
  screening?: (ScreeningSummary & { total?: number }) | null;
  error: { code: string; message: Bilingual } | null;
  createdAt: string;
  finishedAt: string | null;
  projectCode?: string;
  projectName?: string;
}
export interface PackageItem {
  property: string;
  code: string;
  label: Bilingual;
  outcome: Outcome;
  message: Bilingual;
  subjects?: string[];
}
export interface ResultRow {
  id?: string;
  fileId?: string | null;
  referenceCode?: string | null;
  ruleId: string;
  outcome: Outcome;
  message: Bilingual;
  detail?: Record<string, unknown> | null;
}
export interface Correction {
  id: string;
  volumeId: string;
  referenceCode: string;
  stationKind: string;
  workstationCode: string | null;
  workstationName: string | null;
  reason: string;
  status: "requested" | "sent";
  requestedAt: string;
  sentAt: string | null;
}
export interface DeliveryView extends Delivery {
  catalogue: {
    referenceCode: string;
    expectedPages: number | null;
    volumeId?: string | null;
    status?: string | null;
  }[];
  catalogueSource: "batch" | "file";
  terms: Terms;
  summary: {
    byRule: Record<string, Partial<Record<Outcome, number>>>;
    formats: Record<string, number>;
  } | null;
  fourProperty: PackageItem[] | null;
  project: { id: string; code: string; name: string; status: string };
  volumeResults: ResultRow[];
  corrections: Correction[];
  permissions: QcPermissions;
}
export interface DeliveredFile {
  id: string;
  path: string;
  sizeBytes: number;
  kind: string;
  format: string | null;
  sm3: string;
  sha256: string;
  width: number | null;
  height: number | null;
  dpi: number | null;
  colourMode: string | null;
  inkPct: number | null;
  skewDeg: number | null;
  referenceCode: string | null;
  seq: number | null;
  outcome: Outcome;
  results: ResultRow[];
}
export interface SampleItem {
  fileId: string;
  path: string;
  referenceCode: string | null;
  seq: number | null;
  format: string | null;
  width: number | null;
  height: number | null;
  dpi: number | null;
  colourMode: string | null;
  outcome: Outcome;
  volumeId: string | null;
  reviewedAt: string | null;
  defects: { id: string; defectType: string; defectClass: string; note: string | null }[];
}
export interface SampleView {
  sample: {
    id: string;
    ratePct: number;
    seed: string;
    population: number;
    size: number;
    verdict: "accepted" | "rejected" | null;
    verdictNote: string | null;
    verdictAt: string | null;
  } | null;
  items?: SampleItem[];
  tally?: { size: number; critical: number; major: number; minor: number; stoppedVolumes: number };
  unreviewed?: number;
  reasons?: { cls: string; found: number; allowed: number }[];
  stoppedVolumes?: string[];
  permissions: QcPermissions;
}

const D = (id: string) => `/api/digitization-qc/deliveries/${id}`;

/** Multipart upload of a delivery archive; answers with the queued job. */
async function upload(batchId: string, file: File, purpose: string): Promise<Delivery> {
  const body = new FormData();
  body.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(buildUrl(`/api/digitization-batches/${batchId}/deliveries`, { purpose }), {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { accept: "application/json", "x-csrf-token": getCsrfToken() ?? "" },
    });
  } catch {
    throw networkError();
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  return json as Delivery;
}

export const qcApi = {
  rules: (signal?: AbortSignal) => api.get<Rules>("/api/digitization-qc/rules", undefined, signal),
  terms: (projectId: string, signal?: AbortSignal) =>
    api.get<TermsView>(`/api/projects/${projectId}/digitization-qc/terms`, undefined, signal),
  setTerms: (projectId: string, body: Partial<Terms> & { contractRef?: string }) =>
    api.put<TermsView>(`/api/projects/${projectId}/digitization-qc/terms`, body),
  deliveries: (q: Query, signal?: AbortSignal) =>
    api.get<Page<Delivery>>("/api/digitization-qc/deliveries", q, signal),
  upload,
  delivery: (id: string, signal?: AbortSignal) => api.get<DeliveryView>(D(id), undefined, signal),
  files: (id: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<DeliveredFile>>(`${D(id)}/files`, q, signal),
  resultsXlsxUrl: (id: string) => `${D(id)}/results.xlsx`,
  reportPdfUrl: (id: string) => `${D(id)}/report.pdf`,
  previewUrl: (fileId: string) => `/api/digitization-qc/files/${fileId}/preview`,
  sample: (id: string, signal?: AbortSignal) => api.get<SampleView>(`${D(id)}/sample`, undefined, signal),
  drawSample: (id: string, body: { ratePct?: number; seed?: string }) => api.post(`${D(id)}/sample`, body),
  reviewed: (sampleId: string, fileId: string) =>
    api.post(`/api/digitization-qc/samples/${sampleId}/reviewed`, { fileId }),
  defect: (
    sampleId: string,
    body: { fileId: string; defectType: string; defectClass?: string; note?: string },
  ) => api.post(`/api/digitization-qc/samples/${sampleId}/defects`, body),
  verdict: (sampleId: string, body: { verdict: "accepted" | "rejected"; note?: string }) =>
    api.post(`/api/digitization-qc/samples/${sampleId}/verdict`, body),
  requestCorrection: (
    id: string,
    body: { volumeId: string; reason: string; defectIds?: string[]; stationKind?: string },
  ) => api.post(`${D(id)}/corrections`, body),
  sendCorrection: (
    id: string,
    body: { giverPersonId: string; receiverPersonId: string; toWorkstationId?: string },
  ) => api.post(`/api/digitization-qc/corrections/${id}/send`, body),
};

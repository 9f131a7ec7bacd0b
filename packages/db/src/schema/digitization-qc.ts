// Digitization QC tables (migration 0016, Z-7.4, Z-7.3): quality terms,
// deliveries and their per-file results, the sampled review, defects and corrections.
import type { Generated } from "kysely";
import type { Defaulted, Numeric } from "./columns.ts";

type Outcome = "pass" | "fail" | "warn" | "manual" | "not_checked";
type Message = { zh: string; en: string };

export interface DigitizationQcTermsTable {
  projectId: string;
  /** QcTerms from @dangan/domain. */
  terms: Record<string, unknown>;
  contractRef: string | null;
  setBy: string | null;
  setAt: Defaulted<Date>;
}

export interface DigitizationDeliveryTable {
  id: Generated<string>;
  projectId: string;
  batchId: string;
  seq: number;
  purpose: Defaulted<"preservation" | "access">;
  sourceKind: "folder" | "zip" | "tar";
  sourceName: string;
  storageDir: string;
  /** QcCatalogueEntry[] */
  catalogue: unknown[];
  catalogueSource: "batch" | "file";
  terms: Record<string, unknown>;
  status: Defaulted<"queued" | "checking" | "checked" | "failed">;
  totalFiles: Defaulted<number>;
  processedFiles: Defaulted<number>;
  failedFiles: Defaulted<number>;
  totalBytes: Defaulted<number>;
  outcome: Outcome | null;
  summary: Record<string, unknown> | null;
  /** QcPackageItem[] */
  fourProperty: unknown[] | null;
  virusScanner: string | null;
  error: { code: string; message: Message } | null;
  createdBy: string | null;
  createdAt: Defaulted<Date>;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  /** Classification-mark screening summary (migration 0018). */
  screening: Record<string, unknown> | null;
}

export interface DigitizationDeliveryFileTable {
  id: Generated<string>;
  deliveryId: string;
  path: string;
  sizeBytes: number;
  kind: "image" | "pdf" | "metadata" | "executable" | "other";
  format: string | null;
  sm3: string;
  sha256: string;
  width: number | null;
  height: number | null;
  dpi: Numeric | null;
  colourMode: string | null;
  pages: Defaulted<number>;
  inkPct: Numeric | null;
  skewDeg: Numeric | null;
  referenceCode: string | null;
  seq: number | null;
  volumeId: string | null;
  outcome: Outcome;
}

export interface DigitizationQcResultTable {
  id: Generated<string>;
  deliveryId: string;
  fileId: string | null;
  volumeId: string | null;
  referenceCode: string | null;
  ruleId: string;
  outcome: Outcome;
  message: Message;
  detail: Record<string, unknown> | null;
}

export interface DigitizationQcSampleTable {
  id: Generated<string>;
  deliveryId: string;
  ratePct: Numeric;
  seed: string;
  population: number;
  size: number;
  limits: Record<string, unknown>;
  drawnBy: string | null;
  drawnAt: Defaulted<Date>;
  verdict: "accepted" | "rejected" | null;
  verdictNote: string | null;
  verdictBy: string | null;
  verdictAt: Date | null;
}

export interface DigitizationQcSampleItemTable {
  sampleId: string;
  fileId: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

export interface DigitizationQcDefectTable {
  id: Generated<string>;
  sampleId: string;
  fileId: string;
  volumeId: string | null;
  defectType: string;
  defectClass: "critical" | "major" | "minor";
  note: string | null;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
}

export interface DigitizationQcCorrectionTable {
  id: Generated<string>;
  projectId: string;
  deliveryId: string;
  batchId: string;
  volumeId: string;
  stationKind: "preparation" | "scanning" | "image_processing" | "metadata" | "linking";
  workstationId: string | null;
  reason: string;
  defectIds: Defaulted<string[]>;
  status: Defaulted<"requested" | "sent">;
  requestedBy: string | null;
  requestedAt: Defaulted<Date>;
  handoverId: string | null;
  sentBy: string | null;
  sentAt: Date | null;
}

export interface DigitizationQcTables {
  digitizationQcTerms: DigitizationQcTermsTable;
  digitizationDelivery: DigitizationDeliveryTable;
  digitizationDeliveryFile: DigitizationDeliveryFileTable;
  digitizationQcResult: DigitizationQcResultTable;
  digitizationQcSample: DigitizationQcSampleTable;
  digitizationQcSampleItem: DigitizationQcSampleItemTable;
  digitizationQcDefect: DigitizationQcDefectTable;
  digitizationQcCorrection: DigitizationQcCorrectionTable;
}

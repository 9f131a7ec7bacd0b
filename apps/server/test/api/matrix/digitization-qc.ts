// Digitization QC (Z-7.4) of the victim's batch: a foreigner gets 403/404 and
// none of its deliveries, files, samples, defects or corrections.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const Q = (v: Victim) => v.digitizationQc;
const record = (url: (v: Victim) => string, body?: (v: Victim) => unknown): Expect => ({
  kind: "record",
  url,
  ...(body ? { body } : {}),
});

export const DIGITIZATION_QC_MATRIX: Record<string, Expect> = {
  "GET /api/digitization-qc/rules": { kind: "list", url: () => "/api/digitization-qc/rules" },
  "GET /api/digitization-qc/deliveries": {
    kind: "list",
    url: () => "/api/digitization-qc/deliveries?pageSize=200",
  },
  "GET /api/projects/:id/digitization-qc/terms": {
    kind: "record",
    url: (v) => `/api/projects/${v.projectId}/digitization-qc/terms`,
    ownerStatus: 200,
  },
  "PUT /api/projects/:id/digitization-qc/terms": record(
    (v) => `/api/projects/${v.projectId}/digitization-qc/terms`,
    () => ({ minDpi: 600 }),
  ),
  "POST /api/digitization-batches/:id/deliveries": record(
    (v) => `/api/digitization-batches/${v.digitizationOriginals.batchId}/deliveries`,
  ),
  "GET /api/digitization-qc/deliveries/:id": {
    kind: "record",
    url: (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}`,
    ownerStatus: 200,
  },
  "GET /api/digitization-qc/deliveries/:id/files": {
    kind: "record",
    url: (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/files`,
    ownerStatus: 200,
  },
  "GET /api/digitization-qc/deliveries/:id/results.xlsx": record(
    (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/results.xlsx`,
  ),
  "GET /api/digitization-qc/deliveries/:id/report.pdf": record(
    (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/report.pdf`,
  ),
  "GET /api/digitization-qc/files/:id/preview": record(
    (v) => `/api/digitization-qc/files/${Q(v).fileId}/preview`,
  ),
  "POST /api/digitization-qc/deliveries/:id/sample": record(
    (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/sample`,
    () => ({ ratePct: 50 }),
  ),
  "GET /api/digitization-qc/deliveries/:id/sample": {
    kind: "record",
    url: (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/sample`,
    ownerStatus: 200,
  },
  "POST /api/digitization-qc/samples/:id/reviewed": record(
    (v) => `/api/digitization-qc/samples/${Q(v).sampleId}/reviewed`,
    (v) => ({ fileId: Q(v).fileId }),
  ),
  "POST /api/digitization-qc/samples/:id/defects": record(
    (v) => `/api/digitization-qc/samples/${Q(v).sampleId}/defects`,
    (v) => ({ fileId: Q(v).fileId, defectType: "other", note: "越权" }),
  ),
  "POST /api/digitization-qc/samples/:id/verdict": record(
    (v) => `/api/digitization-qc/samples/${Q(v).sampleId}/verdict`,
    () => ({ verdict: "rejected" }),
  ),
  "POST /api/digitization-qc/deliveries/:id/corrections": record(
    (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/corrections`,
    (v) => ({ volumeId: v.digitizationOriginals.volumeId, reason: "越权" }),
  ),
  "POST /api/digitization-qc/corrections/:id/send": record(
    (v) => `/api/digitization-qc/corrections/${Q(v).correctionId}/send`,
    (v) => ({
      giverPersonId: v.digitizationOriginals.personId,
      receiverPersonId: v.digitizationOriginals.personId,
    }),
  ),
};
